import Testing
@testable import MTLintCore

@Suite struct QuotePairMatcherTests {
    func findings(_ text: String, kind: QuotePairMatcherKind = QuotePairMatcherKind()) throws -> [String] {
        let rule = Rule(id: "test/quote-pairs", category: .quoteUnbalanced, severity: .warning, summary: "s", why: "w",
                        scope: .paragraph, matcher: kind, message: Template("${mark} ${problem}"))
        let document = Document(text)
        let result = try Linter(rules: [rule]).lint(document)
        return result.findings.map { document.string($0.range) + "@" + String($0.range.lowerBound) }
    }

    func offset(of needle: String, in text: String, occurrence: Int = 0) -> Int {
        var start = text.startIndex
        var found = 0
        while let range = text[start...].firstRange(of: needle) {
            if found == occurrence { return text.utf16.distance(from: text.startIndex, to: range.lowerBound) }
            found += 1
            start = range.upperBound
        }
        return -1
    }

    @Test func cleanQuoteHeavyParagraphs() throws {
        let clean = """
        “We’re not leaving,” the union’s leader said on Friday. “The workers’ demands haven’t changed \
        since the ’90s, and they won’t change now.”

        Asked about the mayor’s remark that the plan was “dead on arrival,” she smiled. “He told me, \
        ‘Don’t hold your breath,’ and I said, ‘We’ll see.’ That’s rock ’n’ roll.”

        The 6' 2" centre, who keeps a 12" record of the 1971 final on his wall, said the ’70s were \
        “a different game.” His coach calls him ‘the tower’.

        “It was the best day of my life.

        “And the worst,” he added, laughing.

        L’OTAN, as the French call NATO, met in the students’ hall; the Smiths’ house is next door. \
        Sources: Home » World » Europe.

        She described the deal as "a first step" and the talks as "cordial but tough".
        """
        #expect(try findings(clean) == [])
    }

    @Test func unclosedAndUnopened() throws {
        let text = "The minister promised “a new road by June.\n\nThe engineers laughed” at the idea."
        #expect(try findings(text) == ["“@\(offset(of: "“", in: text))", "”@\(offset(of: "”", in: text))"])
    }

    @Test func innerSingleClosedOverByDouble() throws {
        let text = "“The board said ‘no to the merger,” she wrote."
        #expect(try findings(text) == ["‘@\(offset(of: "‘", in: text))"])
        let off = QuotePairMatcherKind(singleQuotes: false)
        #expect(try findings(text, kind: off) == [])
    }

    @Test func continuationNeedsAnOpeningMark() throws {
        let continues = "“The first half ends here.\n\n“The second half ends here.”"
        #expect(try findings(continues) == [])
        let stops = "“The first half ends here.\n\nThe next paragraph is narration."
        #expect(try findings(stops) == ["“@0"])
        #expect(try findings(continues, kind: QuotePairMatcherKind(continuation: false)) == ["“@0"])
    }

    @Test func straightQuotesAlternate() throws {
        #expect(try findings(#"He said "yes" and then "no" to the offer."#) == [])
        let text = #"He said "yes and left."#
        #expect(try findings(text) == ["\"@8"])
    }

    @Test func reversedOpeningMarkIsNotReportedAsUnopened() throws {
        #expect(try findings("The chief said ”We are ready” before noon.") == [])
    }

    @Test func germanAndFrenchPairs() throws {
        #expect(try findings("Er sagte „vielleicht“ und ging. Il a dit « peut-être » et il est parti.") == [])
    }

    @Test func elisionsAreConfigurable() throws {
        let text = "“Catch ‘em all,” he said."
        #expect(try findings(text) == [])
        #expect(try findings(text, kind: QuotePairMatcherKind(elisions: [])) == ["‘@7"])
    }

    @Test func offsetsAfterAstralCharacters() throws {
        let text = "👍🏽 北约 said “no"
        #expect(try findings(text) == ["“@\(offset(of: "“", in: text))"])
    }
}

import Testing
import ICUText
@testable import MTLintCore
@testable import MTLintRuleFiles

/// The shipped quote rules on sentences of our own: each shape the quotation-mark model must
/// read (the issue's list and LanguageTool's unpaired-quote and quote-spacing behaviour), the
/// text that must pass, and the fixes.
@Suite struct QuoteModelTests {
    static let rules: [Rule] = ((try? RuleLoader.load()) ?? []).filter { $0.pack == "quotes" || $0.id == "typography/guillemet-spacing" }

    /// "rule@snippet" for each finding, the snippet being the text the finding covers.
    static func findings(_ text: String, target: LocaleQuotes? = nil) throws -> [String] {
        var context = LintContext()
        if let target { context.targetQuotes = target }
        let document = Document(text)
        return try Linter(rules: rules, context: context).lint(document).findings.map { "\($0.ruleID)@\(document.string($0.range))" }
    }

    static func fixed(_ text: String, unsafe: Bool = false) throws -> String {
        let outcome = Fixer(includeUnsafe: unsafe).fix(Document(text), with: try Linter(rules: rules))
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        // A mark on the wrong side of its space.
        ("“We will wait, ”he said.", "“We will wait,” he said."),
        ("“They want to go back to work “.", "“They want to go back to work”."),
        ("The mayor said: “ The bridge opens in May.”", "The mayor said: “The bridge opens in May.”"),
        ("“He left before the vote. ”", "“He left before the vote.”"),
        // Glued to a word.
        ("“Nobody saw it coming.“During the night the river rose.", "“Nobody saw it coming.” During the night the river rose."),
        ("They gave him the nickname of”the fixer”.", "They gave him the nickname of “the fixer”."),
        ("The mayor was firm. But”today we vote,” she said.", "The mayor was firm. But “today we vote,” she said."),
        // Both marks of a pair turned.
        ("The court found him ” negligent “ on Friday.", "The court found him “negligent” on Friday."),
        ("They mocked a party of \" armchair critics \" on Monday.", "They mocked a party of \"armchair critics\" on Monday."),
        // LanguageTool: "hurry"and is glued.
        ("Tell them to \"hurry\"and wait.", "Tell them to \"hurry\" and wait."),
    ])
    func spacingIsRepairedSafely(before: String, after: String) throws {
        #expect(try Self.findings(before).contains { $0.hasPrefix("quotes/spacing@") }, "\(before)")
        #expect(try Self.fixed(before) == after)
    }

    @Test func aReportingVerbAfterAGluedClosingMarkAlsoGetsAnUnsafeComma() throws {
        let text = "The mayor called it “a remarkable effort”admitted the opposition."
        #expect(try Self.fixed(text) == text)
        #expect(try Self.fixed(text, unsafe: true) == "The mayor called it “a remarkable effort,” admitted the opposition.")
    }

    @Test(arguments: [
        ("The envoy called it « a fair deal » and left.", "The envoy called it “a fair deal” and left."),
        ("“Was it fair? »asked the mayor.", "“Was it fair?” asked the mayor."),
        ("The talks resumed „in good faith“ on Monday.", "The talks resumed “in good faith” on Monday."),
        ("The envoy said ”a fair deal” and the mayor said ”a bad one” on Monday.", "The envoy said “a fair deal” and the mayor said “a bad one” on Monday."),
        ("“We reached no compromise“, the union said.", "“We reached no compromise”, the union said."),
        ("“The clock no longer belongs to the president.»", "“The clock no longer belongs to the president.”"),
        ("The mayor said “we are not there yet\".", "The mayor said “we are not there yet”."),
        ("“Do you want another one?” » the officer shouted.", "“Do you want another one?” the officer shouted."),
    ])
    func foreignAndMixedMarksBecomeTheTargets(before: String, after: String) throws {
        #expect(try Self.findings(before).contains { $0.hasPrefix("quotes/mixed-style@") }, "\(before)")
        #expect(try Self.fixed(before, unsafe: true) == after)
    }

    @Test func theTargetLocaleDecidesWhatIsForeign() throws {
        let german = LocaleQuotes(open: "„", close: "“", innerOpen: "‚", innerClose: "‘")
        #expect(try Self.findings("Die Gespräche liefen „in gutem Glauben“ weiter.", target: german).isEmpty)
        #expect(!(try Self.findings("Die Gespräche liefen „in gutem Glauben“ weiter.")).isEmpty)
    }

    @Test(arguments: [
        // House style: straight or curly throughout.
        "The envoy called it \"a fair deal\" and the mayor called it \"fine\".",
        "The envoy called it “a fair deal” and the mayor called it ‘fine’.",
        // Both kinds, each quotation consistent, neither a small minority.
        "She called it “a deal”, “a start” and “a test”; he called it \"a trap\", \"a ruse\" and \"a farce\".",
        // Apostrophes, elisions, primes and inch marks.
        "Russia’s army said it didn’t move in the ’90s, and rock ’n’ roll played on.",
        "L’OTAN said the students’ union was “closed ‘for now’ to visitors”.",
        "He is 5' 11\" tall and sold a 12\" record.",
        "“Stop ‘em,” the coach shouted, ‘til the end.",
        // Separators.
        "Home » World » Europe",
        // LanguageTool: a quotation continued over paragraphs, reopened in the next one.
        "“The first part of the quotation ends here.\n\n“And it goes on in this paragraph,” she said.",
        // Nested quotations and brackets.
        "“He told me ‘never again’ and left,” she said (“twice”, she added).",
        "The word “yes”—and nothing else—was her answer.",
        // A text cut off mid-quotation (a teaser) is not judged.
        "The minister said: “We will build the bridge and the",
    ])
    func wellFormedTextPasses(_ text: String) throws {
        #expect(try Self.findings(text) == [], "\(text)")
    }

    @Test func germanPairsAreCorrectPairs() throws {
        // LanguageTool's unpaired-quote rule takes »…« and „…“ as pairs: nothing is unbalanced,
        // only foreign in English text.
        for text in ["Er sagte »Nein« und ging.", "Er sagte „Nein“ und ging."] {
            #expect(try Self.findings(text).allSatisfy { $0.hasPrefix("quotes/mixed-style@") }, "\(text)")
        }
    }

    @Test func aMissingMarkIsReportedOnceWhereItIsMissing() throws {
        // The closing mark of a quotation opened in the paragraph is missing at its end.
        let unclosed = "The mayor said: “We will rebuild the bridge before winter and open it in spring.\n\nThe vote is on Monday."
        #expect(try Self.findings(unclosed) == ["quotes/unbalanced@spring."])
        #expect(try Self.fixed(unclosed, unsafe: true).hasPrefix("The mayor said: “We will rebuild the bridge before winter and open it in spring.”"))
        // A paragraph of speech whose opening mark is lost.
        let unopened = "The council met late.\n\nWe will not give up on the bridge, we owe it to you,” the mayor said."
        #expect(try Self.findings(unopened) == ["quotes/unbalanced@We"])
        #expect(try Self.fixed(unopened, unsafe: true).contains("\n\n“We will not give up"))
        // A stray mark of its own.
        #expect(try Self.findings("The vote was close \" and the hall emptied.").contains("quotes/unbalanced@\""))
    }

    @Test func anAttributionInsideTheQuotationIsClosedAndReopened() throws {
        let text = "“We had the best team in the world, she recalled. The season will be long,” the coach added."
        #expect(try Self.findings(text) == ["quotes/unbalanced@, she recalled. "])
        #expect(try Self.fixed(text, unsafe: true) == "“We had the best team in the world,” she recalled. “The season will be long,” the coach added.")
        let dashes = "“We must meet the council first – she explained – then the vote can go ahead.”"
        #expect(try Self.findings(dashes).contains("quotes/unbalanced@– she explained – "))
    }

    @Test func aSpuriousSplitIsJoined() throws {
        let text = "The mayor asked the state to offer “help”. very quick ”to the region."
        #expect(try Self.findings(text).contains("quotes/broken-split@”. very quick ”"))
        #expect(try Self.fixed(text, unsafe: true) == "The mayor asked the state to offer “help very quick” to the region.")
        let paragraphs = "The minister mocked a party of \"\n\narmchair critics\n\n\", he said on Monday."
        #expect(try Self.findings(paragraphs).contains("quotes/broken-split@\""))
        #expect(try Self.fixed(paragraphs, unsafe: true) == "The minister mocked a party of \"armchair critics\", he said on Monday.")
    }

    @Test func positionsHoldBehindEmojiCombiningMarksCJKAndCRLF() throws {
        let prefix = "Zoe\u{301} 👍🏽 北约\r\n"
        let text = prefix + "“We will wait, ”he said."
        let document = Document(text)
        let finding = try #require(try Linter(rules: Self.rules).lint(document).findings.first { $0.ruleID == "quotes/spacing" })
        #expect(document.string(finding.range) == " ”")
        #expect(document.location(of: finding.range.lowerBound).line == 2)
        #expect(document.location(of: finding.range.lowerBound).column == 15)
    }
}

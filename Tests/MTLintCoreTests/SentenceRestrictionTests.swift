import PropertyBased
import Testing
@testable import MTLintCore

/// A sentence-scope rule that requires literals is given only the sentences of the lines that
/// hold them, and only those lines are segmented. That is exact only if ICU's sentences never
/// cross a line break: these tests check it against segmenting the whole text.
@Suite struct SentenceRestrictionTests {
    static let pieces = ["He said", " ", "  ", "it", "works", ".", ". ", "? ", "! ", "Mr. ", "Dr.", "U.S. ", "e.g. ", "“", "”", "\"",
                         "«", "»", "\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}", "。", "北京", "👍🏽",
                         "e\u{301}", "then", "Then", "\u{FEFF}", "\t", "(", ")", "1.5", "…"]

    /// The whole text's sentences that start on a flagged line.
    static func expected(_ document: Document, flags: [Bool]) -> [Range<Int>] {
        document.sentences(using: Segmenter()).filter { sentence in
            let line = document.lineIndex(containing: sentence.lowerBound)
            return line < flags.count && flags[line]
        }
    }

    @Test func sentencesOfFlaggedLinesAreTheWholeTextsSentences() async {
        await propertyCheck(count: 800, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40),
                            Gen<Bool>.bool.array(of: 1...12)) { parts, pattern in
            let text = parts.compactMap { $0 }.joined()
            let lineCount = Document(text).lines.count
            let flags = (0..<lineCount).map { pattern[$0 % pattern.count] }
            let expected = Self.expected(Document(text), flags: flags)
            // Segmenting only the flagged lines, and filtering sentences already known.
            #expect(Document(text).sentences(using: Segmenter(), onLines: flags) == expected, "\(text.debugDescription) \(flags)")
            let known = Document(text)
            _ = known.sentences(using: Segmenter())
            #expect(known.sentences(using: Segmenter(), onLines: flags) == expected, "\(text.debugDescription) \(flags)")
        }
    }

    @Test func farApartLinesAreSegmentedSeparately() {
        let filler = String(repeating: "Filler words here. ", count: 60)
        let text = "He said “yes”. Then left.\n" + filler + "\nShe said “no”. Mr. Li agreed.\r\n" + filler
        let document = Document(text)
        let flags = [true, false, true, false]
        let found = document.sentences(using: Segmenter(), onLines: flags)
        #expect(found == Self.expected(document, flags: flags))
        #expect(found.map { document.string($0) } == ["He said “yes”. ", "Then left.\n", "She said “no”. ", "Mr. Li agreed.\r\n"])
    }

    @Test func aSentenceRuleThatRequiresLiteralsFindsWhatItFindsEverywhere() throws {
        let rule = try TestRules.pattern("t/split", "”\\. [a-z]", scope: .sentence)
        let restricted = Rule(id: rule.id, category: rule.category, severity: rule.severity, summary: rule.summary, why: rule.why,
                              scope: .sentence, matcher: PatternMatcherKind(regex: try SharedRegex("”\\. [a-z]"), requires: RequiredLiterals(["“"])),
                              message: rule.message)
        let text = "No quote here”. at all.\nA “quote”. then more.\n\nAnother “one”. here too.\r\nPlain line”. end."
        let whole = try Linter(rules: [rule]).lint(Document(text)).findings.map(\.range)
        let onlyQuoted = try Linter(rules: [restricted]).lint(Document(text)).findings.map(\.range)
        #expect(whole.count == 4)
        #expect(onlyQuoted == Array(whole[1...2]))
    }
}

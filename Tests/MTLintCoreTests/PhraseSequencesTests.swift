import ICUText
import PropertyBased
import Testing
@testable import MTLintCore

/// The phrase matcher only asks ICU where a listed phrase's words all follow (`PhraseSequences`,
/// after the first-word scan). These tests check that the shortcuts never lose a match: on
/// random text it finds exactly what one regex of the whole list finds, line by line.
@Suite struct PhraseSequencesTests {
    static let phrases = ["in the night to Sunday", "in the evening hours", "since years", "according to own statements",
                          "according to his own statements", "the head of the diplomacy", "l'Élysée", "Covid-19 test", "in"]
    static let pieces = ["in", "IN", "the", "The", "night", "to", "Sunday", "evening", "hours", "since", "years", "according",
                         "own", "his", "statements", "head", "of", "diplomacy", "l", "Élysée", "élysée", "covid", "19", "test",
                         " ", " ", " ", "  ", "\t", " \u{A0}", "\u{2003}", "\n", "\r\n", "'", "’", "-", ",", ".", "x", "🙂",
                         "e\u{301}", "北"]

    static func rule() -> Rule {
        Rule(id: "t/phrases", category: .calque, severity: .info, summary: "s", why: "w", scope: .line,
             matcher: PhraseMatcherKind(phrases: phrases.map { ($0, nil) }, caseSensitive: false),
             message: Template("${match}"))
    }

    /// Every match of the whole list as one regex (longest first, word boundaries), line by line.
    static func regexMatches(in document: Document) throws -> [Range<Int>] {
        let regex = try PhraseRegexes.regex(for: phrases, options: [.unicodeWordBoundaries, .caseInsensitive]).instance()
        try regex.reset(document.text)
        var found: [Range<Int>] = []
        for segment in document.segments(.line, using: Segmenter()) {
            try regex.setRegion(segment)
            while let match = try regex.next() { found.append(match.range) }
        }
        return found
    }

    /// What may stand between a phrase's words: white space (what the regex allows), and what it
    /// does not allow.
    static let separators = [" ", "  ", "\t", "\u{A0}", " \u{2003} ", "\n", "\r\n", "-", "'", "’", ",", ""]

    @Test func findsWhatTheWholeListRegexFinds() async throws {
        let linter = try Linter(rules: [Self.rule()])
        // Pieces are words and noise, and listed phrases (some changed in case) whose spaces
        // become the separators drawn alongside.
        let phrasePieces = Self.phrases + Self.phrases.map { $0.uppercased() } + ["in the night to Monday", "since the years"]
        await propertyCheck(count: 1500, input: Gen<String?>.element(of: Self.pieces + phrasePieces).array(of: 0...16),
                            Gen<String?>.element(of: Self.separators).array(of: 1...6)) { parts, separators in
            let drawn = separators.compactMap { $0 }
            var text = ""
            for (index, piece) in parts.compactMap({ $0 }).joined().split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { text += drawn[(index - 1) % drawn.count] }
                text += piece
            }
            let document = Document(text)
            let expected = try? Self.regexMatches(in: document)
            #expect(linter.lint(document).findings.map(\.range) == expected, "\(text.debugDescription)")
        }
    }

    @Test func knownPlacesPassAndOthersDoNot() throws {
        let linter = try Linter(rules: [Self.rule()])
        let text = "In  the\tnight to SUNDAY, since\u{A0}years; in the night to Monday; l’Élysée; covid-19 test; the head of state."
        let found = linter.lint(Document(text)).findings.map(\.message)
        #expect(found == ["In  the\tnight to SUNDAY", "since\u{A0}years", "in", "l’Élysée", "covid-19 test"])
    }
}

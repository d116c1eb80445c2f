import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// LanguageTool's comma-whitespace, double-punctuation, word-repeat and punctuation-cluster
/// behaviour, checked on sentences of our own against the shipped rules: what LanguageTool
/// flags, how many times, what its suggestion leaves, and what it lets pass (the ellipsis,
/// `?..`, numbers grouped with spaces, list numbers, `?!` in dialogue).
@Suite struct LanguageToolParityTests {
    /// The shipped rules of the packs these behaviours belong to.
    static let rules: [Rule] = ((try? RuleLoader.load()) ?? []).filter { ["punctuation", "spacing", "typography"].contains($0.pack) }

    static func findings(_ text: String) throws -> [Finding] {
        try Linter(rules: rules).lint(Document(text)).findings
    }

    static func fixed(_ text: String) throws -> String {
        let outcome = Fixer(includeUnsafe: false).fix(Document(text), with: try Linter(rules: rules))
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    /// Each text and the number of findings LanguageTool's rule gives for the same shape.
    static func expectCounts(_ cases: [(String, Int)], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (text, count) in cases {
            let found = try findings(text)
            #expect(found.count == count, "\(text): \(found.map { "\($0.ruleID) \($0.range)" })", sourceLocation: sourceLocation)
        }
    }

    @Test func commaWhitespacePassesWhatLanguageToolPasses() throws {
        try Self.expectCounts([
            ("The ministers met in Brussels.", 0),
            ("Paris, London, and Rome agreed.", 0),
            ("The vote (held on Monday) is over!", 0),
            ("A ticket costs €3,50 now.", 0),
            ("He trailed off ...", 0),
            ("The probability was .5 at most.", 0),
            ("The fund holds $2,000,000.", 0),
            ("The index stood at 1,5.", 0),
            ("Run ./deploy.sh before the vote.", 0),
            ("Ministers,\u{00A0}aides,\u{00A0}and staff.", 0),
            ("Save the .DOC as a PDF and buy the .org domain and the .mp3 file.", 0),
            ("She read 'the report' and “the memo” and «the note».", 0),
        ])
    }

    @Test func commaWhitespaceFlagsWhatLanguageToolFlags() throws {
        try Self.expectCounts([
            ("Ministers,aides and staff met.", 1),   // no space after the comma
            ("Ministers , aides and staff met.", 1), // a space before it
            ("Ministers ,aides and staff met.", 2),  // both
            ("The vote ( held on Monday) is over.", 1),
            ("The vote (held on Monday ) is over.", 1),
            ("The vote [ held on Monday) is over.", 1),
            ("The talks ended with an orphaned full stop .", 1),
        ])
        // LanguageTool's suggestions: the comma against the word, then one space.
        #expect(try Self.fixed("Ministers , aides and staff met.") == "Ministers, aides and staff met.")
        #expect(try Self.fixed("Ministers ,aides and staff met.") == "Ministers, aides and staff met.")
        #expect(try Self.fixed("The vote ( held on Monday ) is over .") == "The vote (held on Monday) is over.")
    }

    @Test func doublePunctuationAsLanguageTool() throws {
        try Self.expectCounts([
            ("The talks dragged on...", 0),
            ("Is that really so?..", 0),
            ("It cannot be!..", 0),
            ("The talks dragged on... Then nothing....", 0),
            ("The talks dragged on..... Then nothing....", 0),
            ("Ministers, aides, and staff met.", 0),
            ("Ministers,, aides and staff met.", 1),
            ("The talks ended.. Ministers left.", 1),
        ])
        // The finding covers both marks, as LanguageTool's does (positions 9–11 and 16–18).
        #expect(try Self.findings("Ministers,, aides").map(\.range) == [9..<11])
        #expect(try Self.findings("The talks ended.. Ministers left.").map(\.range) == [15..<17])
    }

    @Test func punctuationClustersAreFlaggedAndFixed() throws {
        try Self.expectCounts([
            ("Stop!! The vote is today.", 1),
            ("Really?! The minister resigned.", 1),
            ("Choices:: tea or coffee.", 1),
            ("Oops., excuse me.", 1),
            ("Hold on,. actually, wait.", 1),
            ("The choice is simple:, stay.", 1),
            ("He listed them;: wheat and oil.", 1),
            ("“Why not?”, she asked.", 1),
        ])
        #expect(try Self.fixed("Stop!! Really?! Choices:: tea. Oops., excuse me. Hold on,. actually.")
                == "Stop! Really? Choices: tea. Oops, excuse me. Hold on, actually.")
    }

    @Test func whatLanguageToolLetsPassStillPasses() throws {
        try Self.expectCounts([
            ("He shouted: “Really?!” and left.", 0),        // dialogue keeps its marks
            ("The steps were 5. 6. and 7. in the list.", 0), // list numbers
            ("Apple Inc., the U.S., and others, etc., agreed at 9 a.m., then left.", 0),
            ("He winked ;-) and left.", 0),
            ("Use std::vector here.", 0),
        ])
    }

    @Test func wordRepeatAsLanguageTool() throws {
        try Self.expectCounts([
            ("A vote.", 0),
            ("A vote...", 0),
            ("1 000 000 years", 0),
            ("010 020 030", 0),
            ("A a vote was held.", 1),
            ("The The minister spoke.", 1),
            ("This is is a vote.", 1),
            ("They agreed with with the plan.", 1),
            ("He had had enough; she said that that was all.", 0),
            ("They flew to Bora Bora.", 0),
        ])
        #expect(try Self.fixed("They agreed with with the plan.") == "They agreed with the plan.")
    }

    @Test func sentenceWhitespaceAsLanguageTool() throws {
        try Self.expectCounts([
            ("The talks ended. Ministers left.", 0),
            ("The talks ended! Ministers left.", 0),
            ("The talks ended\nMinisters left.", 0),
            ("The talks ended.Ministers left.", 1),
            ("The talks ended!Ministers left.", 1),
            ("The talks ended?Ministers left.", 1),
        ])
    }
}

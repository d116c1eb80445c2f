import Testing
@testable import MTLintCore

@Suite struct FixerTests {
    func fixed(_ text: String, _ rules: [Rule], unsafe: Bool = false) throws -> String {
        let outcome = Fixer(includeUnsafe: unsafe).fix(Document(text), with: try Linter(rules: rules))
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    @Test func keepsBOMLineEndingsAndMissingFinalNewline() throws {
        let rule = try TestRules.pattern("t/space", " ”(?=\\p{Ll})", replace: "” ")
        let text = "\u{FEFF}one, ”he said\r\ntwo\rthree, ”she said"
        #expect(try fixed(text, [rule]) == "\u{FEFF}one,” he said\r\ntwo\rthree,” she said")
    }

    @Test func unsafeFixesOnlyOnRequest() throws {
        let rule = try TestRules.pattern("t/u", "colour", replace: "color", applicability: .unsafe)
        #expect(try fixed("colour", [rule]) == "colour")
        #expect(try fixed("colour", [rule], unsafe: true) == "color")
    }

    @Test func overlappingEditsWaitForTheNextRound() throws {
        // Both rules want "abc"; the second is applied in a later round (and then no longer matches).
        let first = try TestRules.pattern("t/a", "ab", replace: "X")
        let second = try TestRules.pattern("t/b", "bc", replace: "Y")
        let outcome = Fixer().fix(Document("abc abc"), with: try Linter(rules: [first, second]))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "Xc Xc")
        #expect(outcome.applied == ["t/a": 2])
    }

    @Test func nonConvergingRulesAreNamed() throws {
        let grow = try TestRules.pattern("t/grow", "a$", replace: "aa")
        let outcome = Fixer(maxRounds: 10).fix(Document("a"), with: try Linter(rules: [grow]))
        #expect(outcome.unstableRules == ["t/grow"])
        #expect(outcome.rounds == 10)
    }

    @Test func deletingNeighbouringLinesLeavesOneParagraphBreak() throws {
        let rule = TestRules.lines("t/f", ["Latest news", "Must read", "- Advertisement -"])
        #expect(try fixed("Story.\n\nLatest news\n\n- Advertisement -\n\nMust read\n\nMore story.\n", [rule]) == "Story.\n\nMore story.\n")
        #expect(try fixed("Story.\r\n\r\nLatest news\r\nMust read\r\n\r\nEnd.", [rule]) == "Story.\r\n\r\nEnd.")
        #expect(try fixed("Story.\n\nMust read", [rule]) == "Story.")
        #expect(try fixed("Story.\n\nMust read\n", [rule]) == "Story.\n")
        #expect(try fixed("Must read\n\nStory.", [rule]) == "Story.")
    }

    @Test func fixingIsIdempotent() throws {
        let rule = try TestRules.pattern("t/space", " ”(?=\\p{Ll})", replace: "” ")
        let once = try fixed("a, ”b and c, ”d", [rule])
        #expect(try fixed(once, [rule]) == once)
    }
}

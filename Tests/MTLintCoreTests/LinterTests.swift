import Testing
@testable import MTLintCore

@Suite struct LinterTests {
    @Test func patternFindingsCarryExactRangesAndMessages() throws {
        let rule = try TestRules.pattern("t/quote", "(\\p{L}), (”)(\\p{L})", report: 2)
        let linter = try Linter(rules: [rule])
        let text = "👍 now, ”he said"
        let result = linter.lint(Document(text))
        let finding = try #require(result.findings.first)
        #expect(finding.range == 8..<9)
        #expect(finding.message == "found w, ”h")
    }

    @Test func scopeKeepsMatchesInsideSegments() throws {
        let rule = try TestRules.pattern("t/span", "a\\s+b", scope: .paragraph)
        let linter = try Linter(rules: [rule])
        #expect(linter.lint(Document("a\nb")).findings.count == 1)
        #expect(linter.lint(Document("a\n\nb")).findings.isEmpty)
        let lineRule = try TestRules.pattern("t/line", "a\\s+b", scope: .line)
        #expect(try Linter(rules: [lineRule]).lint(Document("a\nb")).findings.isEmpty)
    }

    @Test func anchorsMatchAtSegmentEdges() throws {
        let rule = try TestRules.pattern("t/anchored", "^x$")
        let linter = try Linter(rules: [rule])
        #expect(linter.lint(Document("a\nx\r\nb")).findings.map(\.range) == [2..<3])
    }

    @Test func unlessVetoesOverlappingMatches() throws {
        let rule = try TestRules.pattern("t/glued", "\\p{Ll}\\p{Lu}", unless: ["\\biPhone\\b", "Mc[A-Z]"])
        let linter = try Linter(rules: [rule])
        #expect(linter.lint(Document("my iPhone and McDonald")).findings.isEmpty)
        #expect(linter.lint(Document("likeRELATED")).findings.count == 1)
    }

    @Test func phrasesMatchOnWordBoundariesAndKeepCase() throws {
        let kind = PhraseMatcherKind(phrases: [("military reinforcement", "military build-up"), ("pro-Westerners", "pro-Western politicians")], caseSensitive: false)
        let rule = Rule(id: "t/calque", category: .calque, severity: .info, summary: "s", why: "w", scope: .sentence,
                        matcher: kind, message: Template("${match} → ${replacement}"),
                        fix: FixSpec(action: .proposed, applicability: .unsafe))
        let linter = try Linter(rules: [rule])
        let result = linter.lint(Document("Military \t reinforcement grew; the pro-Westerners won. No paramilitary reinforcements."))
        #expect(result.findings.map(\.message) == ["Military \t reinforcement → Military build-up", "pro-Westerners → pro-Western politicians"])
    }

    @Test func lineMatcherTrimsAndDeletesWholeLines() throws {
        let linter = try Linter(rules: [TestRules.lines("t/furniture", ["- Advertisement -"])])
        let text = "Para one.\n\n  - Advertisement -  \n\nPara two."
        let result = linter.lint(Document(text))
        let finding = try #require(result.findings.first)
        #expect(Document(text).string(finding.range) == "- Advertisement -")
        let outcome = Fixer().fix(Document(text), with: linter)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "Para one.\n\nPara two.")
    }

    @Test func catastrophicRuleFailsAloneAndOthersStillRun() throws {
        let hostile = try TestRules.pattern("t/hostile", "(a+)+$")
        let normal = try TestRules.pattern("t/normal", "b")
        let linter = try Linter(rules: [hostile, normal])
        let result = linter.lint(Document(String(repeating: "a", count: 40_000) + "b"))
        #expect(result.failures.map(\.ruleID) == ["t/hostile"])
        #expect(result.failures.first?.reason.contains("time limit") == true)
        #expect(result.findings.map(\.ruleID) == ["t/normal"])
    }

    @Test func aLongCleanLineDoesNotTimeOut() throws {
        // ICU counts time-limit steps over the whole search: the limit grows with the region.
        let rule = try TestRules.pattern("t/double", "(?<=\\S) {2,}(?=\\S)")
        let line = String(repeating: "Talks resumed in Geneva on Monday, officials said. ", count: 60_000)
        let result = try Linter(rules: [rule]).lint(Document(line + "two  spaces"))
        #expect(result.failures.isEmpty)
        #expect(result.findings.count == 1)
    }

    @Test func requiresSkipsSegmentsWithoutTheLiterals() throws {
        // The pattern alone would match both lines; `requires` promises a word or a character.
        let kind = PatternMatcherKind(regex: try SharedRegex("– \\p{Lu}\\p{L}+$"), requires: RequiredLiterals(["AFP", "©"]))
        let rule = Rule(id: "t/req", category: .photoCredit, severity: .info, summary: "s", why: "w", scope: .line,
                        matcher: kind, message: Template("m"))
        let linter = try Linter(rules: [rule])
        let text = "Leaders met – Afp\nLeaders met – Smith\n© – Jones"
        let doc = Document(text)
        #expect(linter.lint(doc).findings.map { doc.location(of: $0.range.lowerBound).line } == [1, 3])
    }

    @Test func requiresEntriesAreWordsOrCharacters() {
        let source = ConfigSource(path: "r.yml", text: "")
        let node = ConfigNode(.sequence([ConfigNode(.scalar("two words", quoted: true), mark: ConfigMark(source: source, line: 1, column: 1))]),
                              mark: ConfigMark(source: source, line: 1, column: 1))
        #expect(throws: ConfigError.self) { try RequiredLiterals.decode(node) }
    }
}


@Suite struct ParallelLintTests {
    /// Rules of each scope and kind the threads share.
    static func rules() throws -> [Rule] {
        [
            try TestRules.pattern("t/quote", "(?<=\\p{L},) (”)(?=\\p{Ll})", replace: "” ", report: 1),
            try TestRules.pattern("t/double", "(?<=\\S) {2,}(?=\\S)", replace: " "),
            TestRules.lines("t/furniture", ["Must read"]),
            try TestRules.pattern("t/sentence", "\\bsaid\\b", scope: .sentence),
        ]
    }

    /// A large document linted by two threads gives exactly what one thread gives.
    @Test func rulesSharedAcrossThreadsFindTheSame() throws {
        let rules = try Self.rules()
        let unit = "He stopped, ”he said.  Then left.\nMust read\n\nA clean line of prose.\n"
        let text = String(repeating: unit, count: Linter.parallelThreshold / unit.utf16.count + 10)
        let single = try Linter(rules: rules)
        let parallel = try Linter(rules: rules)
        parallel.ruleParallelism = 2
        let a = single.lint(Document(text)).findings, b = parallel.lint(Document(text)).findings
        #expect(a.count > 1000)
        #expect(a == b)
    }

    /// A linter's first document is shared across threads whatever its size (its regexes
    /// compile then), later small ones are not; both find what one thread finds.
    @Test func aFirstSmallDocumentSharedAcrossThreadsFindsTheSame() throws {
        let rules = try Self.rules()
        let text = "He stopped, ”he said.  Then left.\nMust read\n\nA clean line of prose.\n"
        let single = try Linter(rules: rules)
        let parallel = try Linter(rules: rules)
        parallel.ruleParallelism = 2
        for _ in 0..<2 {
            let a = single.lint(Document(text)).findings, b = parallel.lint(Document(text)).findings
            #expect(a.count == 4)
            #expect(a == b)
        }
    }
}

import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// One parameterized test runs every example of every shipped rule with the engine's
/// invariants (see ExampleVerifier and docs/rules.md).
@Suite struct ShippedRulesTests {
    static let rules: [Rule] = (try? RuleLoader.load()) ?? []

    @Test func shippedRulesLoad() throws {
        let rules = try RuleLoader.load()
        #expect(!rules.isEmpty)
        for rule in rules {
            #expect(!rule.why.isEmpty && !rule.examples.flag.isEmpty && !rule.examples.pass.isEmpty, "\(rule.id)")
            if rule.fix != nil { #expect(!rule.examples.fix.isEmpty, "\(rule.id)") }
        }
    }

    @Test(arguments: ShippedRulesTests.rules.map(\.id))
    func examplesHold(_ id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        for failure in ExampleVerifier().verify(rule) {
            Issue.record(Comment(rawValue: failure.description))
        }
    }

    @Test func embeddedRulesMatchTheRulesFolder() throws {
        // The binary carries Rules/ as it was at build time: every file on disk is embedded.
        let embedded = Set(RuleLoader.builtinFiles().map(\.path))
        let onDisk = try RuleLoader.files(inDirectory: Self.rulesFolder).map { "Rules/" + $0.path.dropFirst(Self.rulesFolder.count + 1) }
        #expect(Set(onDisk) == embedded)
    }

    static var rulesFolder: String {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path + "/Rules"
    }
}

/// Shipped patterns compile on first use; this checks what loading took on trust: each one
/// compiles, and the group count read from its text is ICU's.
@Suite struct ShippedPatternTests {
    @Test func shippedPatternsCompileAndGroupCountsAgree() throws {
        for rule in try RuleLoader.load() {
            for shared in rule.matcher.filteredRegexes + rule.unless {
                let compiled = try SharedRegex(shared.pattern, options: shared.options)
                #expect(compiled.groupCount == shared.groupCount, "\(rule.id): \(shared.pattern)")
            }
        }
    }

    @Test func groupCounting() {
        #expect(RegexGroups.count(in: "(a)(?:b)(?<n>c)(?<=d)(?<!e)[(]\\(\\Q(\\E") == 2)
    }
}

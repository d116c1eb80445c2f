import Testing
@testable import MTLintCLI
import MTLintRuleFiles

/// Commands that lint decode the shipped rules while the command line is parsed; the rules
/// they get are the ones RuleLoader gives.
@Suite struct ShippedRulesPrefetchTests {
    @Test func onlyLintingCommandsWithShippedRulesPrefetch() {
        for arguments in [["lint", "a.txt"], ["fix", "--diff", "a.txt"]] {
            let prefetch = ShippedRulesPrefetch.start(for: arguments)
            #expect(prefetch != nil, "\(arguments)")
            prefetch?.finish()
        }
        for arguments in [["lint", "--no-builtin-rules", "a.txt"], ["lint", "--help"], ["fix", "-h"], ["rules", "list"], ["--version"], []] {
            #expect(ShippedRulesPrefetch.start(for: arguments) == nil, "\(arguments)")
        }
    }

    @Test func prefetchedRulesAreTheLoadedRules() throws {
        let prefetch = try #require(ShippedRulesPrefetch.start(for: ["lint", "-"]))
        let prefetched = try prefetch.rules(), loaded = try RuleLoader.load()
        #expect(prefetched.map(\.id) == loaded.map(\.id))
        #expect(prefetched.map(\.message) == loaded.map(\.message))
        #expect(prefetched.map(\.summary) == loaded.map(\.summary))
    }
}

import Testing
@testable import MTLintCLI
import MTLintRuleFiles

/// Commands that lint or list the shipped rules decode them while the command line is parsed;
/// the rules they get are the ones RuleLoader gives.
@Suite struct ShippedRulesPrefetchTests {
    @Test func onlyCommandsThatLoadTheShippedRulesAtOncePrefetch() {
        for arguments in [["lint", "a.txt"], ["fix", "--diff", "a.txt"], ["rules", "list"], ["rules", "explain", "quotes/spacing"], ["rules", "catalog"]] {
            let prefetch = ShippedRulesPrefetch.start(for: arguments)
            #expect(prefetch != nil, "\(arguments)")
            prefetch?.finish()
        }
        for arguments in [["lint", "--no-builtin-rules", "a.txt"], ["lint", "--help"], ["fix", "-h"], ["rules", "list", "--no-builtin-rules"],
                          ["rules", "test"], ["rules"], ["eval", "set"], ["--version"], []] {
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

    @Test func finishingWithoutTakingTheRulesEndsTheDecoding() throws {
        let prefetch = try #require(ShippedRulesPrefetch.start(for: ["lint", "-"]))
        prefetch.finish()
        // Taken after all (not what commands do), the rules are still complete.
        #expect(try prefetch.rules().map(\.id) == RuleLoader.load().map(\.id))
    }
}

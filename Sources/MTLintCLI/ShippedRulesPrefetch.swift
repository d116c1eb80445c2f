import Dispatch
import MTLintCore
import MTLintRuleFiles

/// The shipped rules, decoded on another thread from the moment a command that lints starts,
/// while ArgumentParser parses the command line (which takes about as long). The rule-set
/// factory takes them rather than decoding them itself: the result, rules or errors, is what
/// `RuleLoader.load()` gives, only ready sooner.
final class ShippedRulesPrefetch: Sendable {
    private let result = Locked<Result<[Rule], ConfigErrors>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// The prefetch of the command being run, if it started one.
    @TaskLocal static var current: ShippedRulesPrefetch?

    /// Starts decoding for `lint` and `fix`, unless the command line turns the shipped rules
    /// off or asks for help. Other commands load no rules, or not at once.
    static func start(for arguments: [String]) -> ShippedRulesPrefetch? {
        guard let command = arguments.first, command == "lint" || command == "fix",
              !arguments.contains(where: ["--no-builtin-rules", "--help", "-h"].contains) else { return nil }
        return ShippedRulesPrefetch()
    }

    private init() {
        let result = result, finished = finished
        DispatchQueue.global(qos: .userInitiated).async {
            let loaded = Result { () throws(ConfigErrors) -> [Rule] in try RuleLoader.load() }
            result.withLock { $0 = loaded }
            finished.signal()
        }
    }

    /// The shipped rules, waiting for them if need be.
    func rules() throws(ConfigErrors) -> [Rule] {
        wait()
        guard let loaded = result.withLock({ $0 }) else { return try RuleLoader.load() }
        return try loaded.get()
    }

    /// Returns when the decoding is done. The command waits before it returns, whether or
    /// not it took the rules, so the thread never outlives it.
    func wait() {
        finished.wait()
        finished.signal()
    }
}

import MTLintCore
import MTLintRuleFiles

/// The shipped rules, decoded on another thread from the moment a command that lints starts,
/// while ArgumentParser parses the command line (which takes about as long). The rule-set
/// factory takes them rather than decoding them itself: the result, rules or errors, is what
/// `RuleLoader.load()` gives, only ready sooner (see `HeadStart`).
final class ShippedRulesPrefetch: Sendable {
    private let decoding: HeadStart<Result<[Rule], ConfigErrors>>

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
        decoding = HeadStart { Result { () throws(ConfigErrors) -> [Rule] in try RuleLoader.load() } }
    }

    /// The shipped rules.
    func rules() throws(ConfigErrors) -> [Rule] { try decoding.value().get() }

    /// Called when the command is done, whether or not it took the rules.
    func finish() { decoding.finish() }
}

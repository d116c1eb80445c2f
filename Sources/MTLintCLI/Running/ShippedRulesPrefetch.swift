import MTLintCore
import MTLintRuleFiles

/// The shipped rules, decoded from the moment a command that needs them starts: another thread
/// decodes rule files while ArgumentParser parses the command line, and the thread that asks
/// for the rules decodes the files still left, so both cores share what remains (see
/// `RuleFileDecoding`). The result, rules or errors, is what `RuleLoader.load()` gives, only
/// ready sooner; if the other thread has not started by then, the caller does all the work,
/// as it would without a prefetch.
final class ShippedRulesPrefetch: Sendable {
    private let decoding: RuleFileDecoding

    /// The prefetch of the command being run, if it started one.
    @TaskLocal static var current: ShippedRulesPrefetch?

    /// Starts decoding for `lint`, `fix` and the `rules` commands that list the shipped rules,
    /// unless the command line turns the shipped rules off or asks for help. Other commands
    /// load no rules, or not at once.
    static func start(for arguments: [String]) -> ShippedRulesPrefetch? {
        guard let command = arguments.first,
              ["lint", "fix"].contains(command) || (command == "rules" && arguments.dropFirst().first.map(["list", "explain", "catalog"].contains) == true),
              !arguments.contains(where: ["--no-builtin-rules", "--help", "-h"].contains) else { return nil }
        return ShippedRulesPrefetch()
    }

    private init() {
        let decoding = RuleFileDecoding(files: RuleLoader.builtinFiles())
        self.decoding = decoding
        SpareCoreThread.start { decoding.help() }
    }

    /// The shipped rules.
    func rules() throws(ConfigErrors) -> [Rule] { try decoding.rules() }

    /// Called when the command is done, whether or not it took the rules.
    func finish() { decoding.finish() }
}

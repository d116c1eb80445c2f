import MTLintCore
import MTLintRuleFiles

/// The shipped rules, decoded from the moment a command that needs them starts: another thread
/// decodes rule files while ArgumentParser parses the command line, and the thread that asks
/// for the rules decodes the files still left, so both cores share what remains (see
/// `RuleFileDecoding`). The result, rules or errors, is what `RuleLoader.load()` gives, only
/// ready sooner; if the other thread has not started by then, the caller does all the work,
/// as it would without a prefetch.
final class ShippedRulesPrefetch: Sendable {
    /// The decoding, made by whichever thread needs it first: the other thread, as a rule, so
    /// that the main thread goes on to the command line at once (listing the embedded files and
    /// setting up their resolver took about 0.4 ms on the main thread before the other thread
    /// started).
    private enum State {
        case waiting
        case made(RuleFileDecoding)
        /// Finished before either thread made it: a thread that starts now does nothing.
        case finished
    }

    private let state = Locked(State.waiting)

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
        SpareCoreThread.start { [self] in
            state.withLock { state -> RuleFileDecoding? in
                if case .finished = state { return nil }
                return Self.decoding(&state)
            }?.help()
        }
    }

    /// The shared decoding, made now if no thread has made it yet (after `finish`, a decoding of
    /// the caller's own, not kept).
    private static func decoding(_ state: inout State) -> RuleFileDecoding {
        switch state {
        case .made(let decoding):
            return decoding
        case .finished:
            return RuleFileDecoding(files: RuleLoader.builtinFiles())
        case .waiting:
            let made = RuleFileDecoding(files: RuleLoader.builtinFiles())
            state = .made(made)
            return made
        }
    }

    /// The shipped rules.
    func rules() throws(ConfigErrors) -> [Rule] {
        try state.withLock { Self.decoding(&$0) }.rules()
    }

    /// Called when the command is done, whether or not it took the rules: no decoding
    /// outlives the command.
    func finish() {
        state.withLock { state -> RuleFileDecoding? in
            if case .made(let decoding) = state { return decoding }
            state = .finished
            return nil
        }?.finish()
    }
}

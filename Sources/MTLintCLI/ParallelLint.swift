import MTLintCore

/// Runs `work` for every input on all cores, each worker with its own linter (ICU state is
/// per task). Results come back in input order.
enum ParallelLint {
    static func map<T: Sendable>(_ inputs: [Input], jobs: Int, linter: Linter,
                                 _ work: @Sendable @escaping (Input, Linter) -> T) -> [T] {
        let workers = max(1, min(jobs, inputs.count))
        // A copy that fails (no ICU state) just means one worker fewer.
        let linters = [linter] + (1..<max(workers, 1)).compactMap { _ in try? linter.copy() }
        return WorkQueue.map(inputs.count, states: linters) { own, index in work(inputs[index], own) }
    }
}

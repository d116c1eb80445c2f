import Dispatch

/// Spreads work over threads: each thread owns one state (a linter, say: ICU state is per
/// task) and takes the next index not yet taken, so a slow item does not leave the others idle.
public enum WorkQueue {
    /// `body(state, index)` for every index in `0..<count`, with `states.count` threads each using
    /// its own state; results in index order. Returns when all are done.
    public static func map<State, Value>(_ count: Int, states: [State], _ body: @escaping (State, Int) -> Value) -> [Value] {
        guard let first = states.first else { return [] }
        guard states.count > 1, count > 1 else { return (0..<count).map { body(first, $0) } }
        let job = Job(count: count, states: states, body: body)
        DispatchQueue.concurrentPerform(iterations: min(states.count, count)) { worker in job.work(as: worker) }
        return job.results.withLock { $0 }.enumerated().map { index, value in value ?? body(first, index) }
    }

    /// One `map` call's shared parts. Each state is used by one thread only, and `body` runs
    /// while `map` waits, so sharing them is safe here.
    private final class Job<State, Value>: @unchecked Sendable {
        let count: Int
        let states: [State]
        let body: (State, Int) -> Value
        let next = Locked(0)
        let results: Locked<[Value?]>

        init(count: Int, states: [State], body: @escaping (State, Int) -> Value) {
            self.count = count
            self.states = states
            self.body = body
            results = Locked([Value?](repeating: nil, count: count))
        }

        func work(as worker: Int) {
            while true {
                let index = next.withLock { value -> Int in
                    value += 1
                    return value - 1
                }
                guard index < count else { return }
                let value = body(states[worker], index)
                results.withLock { $0[index] = value }
            }
        }
    }
}

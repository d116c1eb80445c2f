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
        return job.orderedResults(first)
    }

    /// `map` with helper threads of its own, each started on a spare core (`SpareCoreThread`),
    /// for a process's first parallel work: the dispatch pool's threads start on the core of
    /// the thread that first needs them, and a woken one often waited 1–4 ms there while the
    /// other core was idle (`perf sched timehist` of 2 KB lints), longer than a small document's
    /// lint takes. The caller works from the start; a helper that starts after the work is done
    /// does nothing, so the call never waits for a helper that has not begun.
    public static func mapOnSpareCores<State, Value>(_ count: Int, states: [State], _ body: @escaping (State, Int) -> Value) -> [Value] {
        guard let first = states.first else { return [] }
        guard states.count > 1, count > 1 else { return (0..<count).map { body(first, $0) } }
        // On one core the dispatch pool runs everything on the caller, as it should.
        guard SpareCoreThread.hasSpareCore else { return map(count, states: states, body) }
        let job = Job(count: count, states: states, body: body)
        let helpers = Locked(Helpers())
        for worker in 1..<min(states.count, count) {
            SpareCoreThread.start {
                guard helpers.withLock({ helpers -> Bool in
                    guard !helpers.closed else { return false }
                    helpers.working += 1
                    return true
                }) else { return }
                job.work(as: worker)
                helpers.withLock { $0.working -= 1 }
            }
        }
        job.work(as: 0)
        helpers.withLock(when: { $0.working == 0 }) { $0.closed = true }
        return job.orderedResults(first)
    }

    /// The helpers of one `mapOnSpareCores` call: how many are working, and whether the call
    /// has returned (a helper that starts after that does nothing).
    private struct Helpers {
        var working = 0
        var closed = false
    }

    /// `body(state, index)` for every index in `0..<count` on `states.count` threads, and
    /// `deliver` for each result in index order as soon as those before it are delivered (one
    /// at a time, on whichever thread finished the run). Threads stay at most `window` indices
    /// ahead of the next result to deliver, so only a few results wait at any time.
    public static func stream<State, Value>(_ count: Int, states: [State], window: Int,
                                            _ body: @escaping (State, Int) -> Value, deliver: @escaping (Value) -> Void) {
        guard let first = states.first else { return }
        guard states.count > 1, count > 1 else {
            for index in 0..<count { deliver(body(first, index)) }
            return
        }
        let job = Stream(count: count, window: max(window, states.count), states: states, body: body, deliver: deliver)
        DispatchQueue.concurrentPerform(iterations: min(states.count, count)) { worker in job.work(as: worker) }
    }

    /// One `stream` call's shared parts (shared as `Job`'s are).
    private final class Stream<State, Value>: @unchecked Sendable {
        struct Progress {
            /// The next index to hand out.
            var next = 0
            /// The next result to deliver.
            var head = 0
            /// Results waiting for those before them.
            var ready: [Int: Value] = [:]
            /// Whether a thread is delivering a result now.
            var delivering = false
        }

        let count: Int
        let window: Int
        let states: [State]
        let body: (State, Int) -> Value
        let deliver: (Value) -> Void
        let progress = Locked(Progress())

        init(count: Int, window: Int, states: [State], body: @escaping (State, Int) -> Value, deliver: @escaping (Value) -> Void) {
            self.count = count
            self.window = window
            self.states = states
            self.body = body
            self.deliver = deliver
        }

        func work(as worker: Int) {
            while true {
                let taken = progress.withLock(when: { $0.next >= self.count || $0.next - $0.head < self.window }) { progress -> Int? in
                    guard progress.next < self.count else { return nil }
                    progress.next += 1
                    return progress.next - 1
                }
                guard let index = taken else { return }
                let value = body(states[worker], index)
                progress.withLock { $0.ready[index] = value }
                deliverReady()
            }
        }

        /// Delivers the results that are next in order, outside the lock (so the other threads
        /// go on working meanwhile) but by one thread at a time.
        func deliverReady() {
            while true {
                let next = progress.withLock { progress -> Value? in
                    guard !progress.delivering, let value = progress.ready.removeValue(forKey: progress.head) else { return nil }
                    progress.delivering = true
                    return value
                }
                guard let next else { return }
                deliver(next)
                progress.withLock {
                    $0.head += 1
                    $0.delivering = false
                }
            }
        }
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

        /// The results in index order, once every index is done (one left undone, which does
        /// not happen, is run now with `state`).
        func orderedResults(_ state: State) -> [Value] {
            results.withLock { $0 }.enumerated().map { index, value in value ?? body(state, index) }
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

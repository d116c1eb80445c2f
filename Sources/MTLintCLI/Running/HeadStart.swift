import Dispatch
import MTLintCore

/// Work begun on another thread ahead of need, which the caller takes over if that thread has
/// not started by the time the result is needed: it then does the work itself, and the thread,
/// when it runs, does nothing. So a head start is never slower than doing the work in place,
/// even when no core is free or a new thread is slow to be scheduled. The work runs once.
final class HeadStart<Value: Sendable>: Sendable {
    private enum State {
        case waiting
        case threadWorking
        case callerWorking
        case done(Value)
        /// Given up before the thread started.
        case abandoned
    }

    /// What `value()` does, decided under the lock.
    private enum NextStep {
        case use(Value)
        case work
        case waitForThread
    }

    private let state = Locked(State.waiting)
    /// Signalled by the thread when it is through, whether or not it did the work.
    private let threadFinished = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        let state = state, threadFinished = threadFinished
        let body: @Sendable () -> Void = {
            let claimed = state.withLock { state -> Bool in
                guard case .waiting = state else { return false }
                state = .threadWorking
                return true
            }
            if claimed {
                let value = work()
                state.withLock { $0 = .done(value) }
            }
            threadFinished.signal()
        }
        SpareCoreThread.start(body)
    }

    /// The result: the thread's, waiting for it if it is working, or the caller's own if the
    /// thread has not started.
    func value() -> Value {
        let next = state.withLock { state -> NextStep in
            switch state {
            case .done(let value): return .use(value)
            case .threadWorking: return .waitForThread
            case .waiting, .abandoned, .callerWorking:
                state = .callerWorking
                return .work
            }
        }
        switch next {
        case .use(let value):
            return value
        case .work:
            let value = work()
            state.withLock { $0 = .done(value) }
            return value
        case .waitForThread:
            waitForThread()
            guard case .done(let value) = state.withLock({ $0 }) else { return work() }
            return value
        }
    }

    /// Ends the head start when its result may no longer be needed: a thread that has not
    /// started never will do the work, and one working is waited for, so no work outlives the
    /// caller.
    func finish() {
        let threadIsWorking = state.withLock { state -> Bool in
            switch state {
            case .waiting:
                state = .abandoned
                return false
            case .threadWorking: return true
            case .callerWorking, .done, .abandoned: return false
            }
        }
        if threadIsWorking { waitForThread() }
    }

    private func waitForThread() {
        threadFinished.wait()
        threadFinished.signal()
    }
}

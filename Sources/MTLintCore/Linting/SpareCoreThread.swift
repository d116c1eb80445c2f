import CPlatform
import Dispatch

/// Starts a thread on a core other than the caller's when there is one, for work meant to run
/// beside the caller (decoding the shipped rules while the command line is parsed, ICU's
/// set-up while the configuration loads, the helpers of a first document's lint).
///
/// Linux places a new thread on its creator's core and moves it only when it balances that
/// core's load, which in a process a few milliseconds old can take a scheduler tick or more:
/// measured with `perf sched timehist`, the decoding thread waited 2.5–3.6 ms for the core the
/// main thread held while the other core was idle, and the two then took turns on one core
/// (parsing the command line took 6–8 ms instead of 3.5). So the thread is created allowed only
/// on the other cores, and its first act is to allow every core again, leaving the scheduler
/// free to move it later. Where that cannot be done (one core, another system), a plain thread
/// starts from the dispatch pool instead.
public enum SpareCoreThread {
    /// Whether the calling thread may run on another core than the one it is on.
    public static var hasSpareCore: Bool { mt_allowed_core_count() > 1 }

    /// Runs `work` on a thread of its own at once: a parked helper's, or a new thread's.
    public static func start(_ work: @escaping @Sendable () -> Void) {
        if parking.withLock({ parking -> Bool in
            // Only a helper that is waiting takes the job, so it never queues behind other work.
            guard parking.waiting > parking.jobs.count else { return false }
            parking.jobs.append(work)
            return true
        }) { return }
        let job = Unmanaged.passRetained(Job(work))
        let started = mt_start_thread_on_spare_core({ context in
            guard let context else { return }
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().work()
            SpareCoreThread.serveParked()
        }, job.toOpaque())
        if started != 0 {
            job.release()
            DispatchQueue.global().async { work() }
        }
    }

    /// The helpers that finished their work and wait for more. A run's parallel steps (the
    /// decoding, the linter's set-up, the first lint's preparation and rules) follow one
    /// another: the thread the first one started serves the later ones, where creating a
    /// thread for each cost the main thread 0.1–0.2 ms.
    private struct Parking {
        var waiting = 0
        var jobs: [@Sendable () -> Void] = []
    }

    private static let parking = Locked(Parking())

    /// Waits for work handed to a parked helper and runs it, for as long as the process lives.
    private static func serveParked() {
        while true {
            parking.withLock { $0.waiting += 1 }
            let work = parking.withLock(when: { !$0.jobs.isEmpty }) { parking in
                parking.waiting -= 1
                return parking.jobs.removeFirst()
            }
            work()
        }
    }

    /// The work, kept alive until the new thread takes it.
    private final class Job: Sendable {
        let work: @Sendable () -> Void

        init(_ work: @escaping @Sendable () -> Void) { self.work = work }
    }
}

import CPlatform
import Foundation
import MTLintCore
import Testing
@testable import MTLintCLI

/// A thread started on a spare core runs its work once, and may then run on every core the
/// process may use (its first placement is not a pin).
@Suite struct SpareCoreThreadTests {
    @Test func eachStartRunsItsWorkOnce() {
        let runs = Locked([Int](repeating: 0, count: 100))
        let done = DispatchSemaphore(value: 0)
        for index in 0..<100 {
            SpareCoreThread.start {
                runs.withLock { $0[index] += 1 }
                done.signal()
            }
        }
        for _ in 0..<100 { done.wait() }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: 100))
    }

    /// Work handed to a parked helper starts at once, as on a new thread: jobs that each wait
    /// for all the others to start finish only if none queued behind another. The second round
    /// finds the first round's helpers parked.
    @Test func startedWorkRunsSideBySideOnNewAndParkedHelpers() {
        let jobs = 6
        for round in 0..<2 {
            let started = Locked(0)
            let sawAll = Locked(0)
            let done = DispatchSemaphore(value: 0)
            for _ in 0..<jobs {
                SpareCoreThread.start {
                    started.withLock { $0 += 1 }
                    // Wait (at most 10 s) for every job of the round to have started.
                    let deadline = DispatchTime.now() + .seconds(10)
                    while started.withLock({ $0 }) < jobs, DispatchTime.now() < deadline { usleep(200) }
                    if started.withLock({ $0 }) == jobs { sawAll.withLock { $0 += 1 } }
                    done.signal()
                }
            }
            for _ in 0..<jobs { done.wait() }
            #expect(sawAll.withLock { $0 } == jobs, "round \(round)")
            // Let the helpers park before the next round.
            usleep(20_000)
        }
    }

    @Test func theThreadMayRunOnEveryCoreOnceStarted() {
        let callerCores = mt_allowed_core_count()
        let seen = Locked<Int32?>(nil)
        let done = DispatchSemaphore(value: 0)
        SpareCoreThread.start {
            seen.withLock { $0 = mt_allowed_core_count() }
            done.signal()
        }
        done.wait()
        // -1 where the system cannot say (not Linux): nothing to compare.
        if callerCores >= 0 { #expect(seen.withLock { $0 } == callerCores) }
    }

    /// The cores mtlint uses by default are the ones the process may run on, capped by the
    /// control group's CPU quota: where no affinity mask narrows them, the ones Foundation counts.
    @Test func theUsableCoresAreTheAllowedOnesCappedByTheQuota() {
        let usable = mt_usable_core_count()
        guard usable >= 0 else { return }  // not Linux: Foundation's count is used
        #expect(usable >= 1 && usable <= mt_allowed_core_count())
        if mt_allowed_core_count() == sysconf(Int32(_SC_NPROCESSORS_ONLN)) {
            #expect(Int(usable) == ProcessInfo.processInfo.activeProcessorCount)
        }
        #expect(InputSettings.allCores == Int(usable))
    }
}

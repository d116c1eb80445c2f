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

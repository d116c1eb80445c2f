import MTLintCore
import Testing
@testable import MTLintCLI

/// Work started ahead of need runs exactly once, on whichever thread gets to it first.
@Suite struct HeadStartTests {
    @Test func theWorkRunsOnceAndGivesItsValue() {
        for _ in 0..<200 {
            let runs = Locked(0)
            let headStart = HeadStart { () -> Int in
                runs.withLock { $0 += 1 }
                return 42
            }
            #expect(headStart.value() == 42)
            #expect(headStart.value() == 42)
            headStart.finish()
            #expect(runs.withLock { $0 } == 1)
        }
    }

    @Test func finishingWithoutTheValueRunsTheWorkAtMostOnce() {
        for _ in 0..<200 {
            let runs = Locked(0)
            let headStart = HeadStart { runs.withLock { $0 += 1 } }
            headStart.finish()
            #expect(runs.withLock { $0 } <= 1)
        }
    }
}

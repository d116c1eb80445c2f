import Dispatch
import Testing
@testable import MTLintCore

/// Spreading work over threads: every index once, results in index order, and each state used
/// by one thread at a time, whether the helpers come from the dispatch pool or start on spare
/// cores.
@Suite struct WorkQueueTests {
    /// A state that records overlapping use: `enter` while another thread is inside fails.
    final class Probe: @unchecked Sendable {
        let inside = Locked(false)
        let overlaps = Locked(0)
        let uses = Locked(0)

        func use(_ index: Int) -> Int {
            let clash = inside.withLock { inside -> Bool in
                defer { inside = true }
                return inside
            }
            if clash { overlaps.withLock { $0 += 1 } }
            // Some work, so that threads really run side by side.
            var sum = 0
            for value in 0..<(index % 7) * 500 { sum &+= value }
            inside.withLock { $0 = false }
            uses.withLock { $0 += 1 }
            return index * 2 + (sum == -1 ? 1 : 0)
        }
    }

    @Test(arguments: [false, true]) func everyIndexOnceInOrderWithOneThreadPerState(spareCores: Bool) {
        for (count, threads) in [(0, 3), (1, 3), (2, 2), (5, 8), (1_000, 2), (1_000, 3)] {
            let probes = (0..<threads).map { _ in Probe() }
            let results = spareCores
                ? WorkQueue.mapOnSpareCores(count, states: probes) { probe, index in probe.use(index) }
                : WorkQueue.map(count, states: probes) { probe, index in probe.use(index) }
            #expect(results == (0..<count).map { $0 * 2 })
            #expect(probes.reduce(0) { $0 + $1.overlaps.withLock { $0 } } == 0)
            #expect(probes.reduce(0) { $0 + $1.uses.withLock { $0 } } == count)
        }
    }

    @Test func manyCallsInARowAllReturn() {
        // Helpers that start after a call returned must leave it alone: nothing hangs or
        // runs an index twice across a thousand short calls.
        for round in 0..<1_000 {
            let results = WorkQueue.mapOnSpareCores(3, states: [Probe(), Probe()]) { probe, index in probe.use(index + round) }
            #expect(results == (0..<3).map { ($0 + round) * 2 })
        }
    }
}

import Foundation
import MTLintCore

/// Runs `work` for every input on all cores, each worker with its own linter (ICU state is
/// per task). Results come back in input order.
enum ParallelLint {
    static func map<T: Sendable>(_ inputs: [Input], jobs: Int, linter: Linter,
                                 _ work: @Sendable @escaping (Input, Linter) -> T) -> [T] {
        let workers = max(1, min(jobs, inputs.count))
        if workers == 1 { return inputs.map { work($0, linter) } }
        let results = ResultSlots<T>(count: inputs.count)
        let next = NextIndex()
        let prototype = LinterBox(linter)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            guard let own = prototype.copy() else { return }
            while let index = next.take(below: inputs.count) {
                results.set(index, work(inputs[index], own))
            }
        }
        // A worker that could not get ICU state left its slots empty: finish them here.
        return results.values().enumerated().map { index, value in value ?? work(inputs[index], linter) }
    }
}

/// Hands out the next index to whichever worker asks.
final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.lock(); slots[index] = value; lock.unlock() }
    func values() -> [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// Lets workers make their own linter from a shared one; copying only reads its rules.
final class LinterBox: @unchecked Sendable {
    private let lock = NSLock()
    private let linter: Linter
    init(_ linter: Linter) { self.linter = linter }
    func copy() -> Linter? {
        lock.lock(); defer { lock.unlock() }
        return try? linter.copy()
    }
}

import Foundation

/// Hands what parallel workers produce for numbered items to one consumer in item order, as
/// soon as it can: the pieces of the item at the head go out at once, those of later items wait
/// until every earlier item is finished. Workers keep at most `window` items ahead of the head,
/// so what waits stays small however many items there are.
final class OrderedDelivery<Piece>: @unchecked Sendable {
    private let condition = NSCondition()
    /// The first item not finished yet: its pieces go straight out.
    private var head = 0
    /// Pieces of items after the head, in the order they came.
    private var waiting: [Int: [Piece]] = [:]
    /// Items after the head that are finished.
    private var finished = Set<Int>()
    private let window: Int
    /// Called with the lock held, so pieces never interleave.
    private let deliver: (Piece) -> Void

    init(window: Int, deliver: @escaping (Piece) -> Void) {
        self.window = max(1, window)
        self.deliver = deliver
    }

    /// Blocks while `index` is `window` or more items ahead of the head.
    func waitForRoom(_ index: Int) {
        condition.lock()
        while index - head >= window { condition.wait() }
        condition.unlock()
    }

    /// Blocks until `index` is the head, after which its pieces go out as they are made (a
    /// large file linted in parts waits for this rather than holding its findings).
    func waitForTurn(_ index: Int) {
        condition.lock()
        while head != index { condition.wait() }
        condition.unlock()
    }

    func emit(_ piece: Piece, for index: Int) {
        condition.lock()
        defer { condition.unlock() }
        if index == head { deliver(piece) } else { waiting[index, default: []].append(piece) }
    }

    /// Marks `index` done; the next items' waiting pieces go out.
    func finish(_ index: Int) {
        condition.lock()
        defer { condition.unlock() }
        finished.insert(index)
        while finished.remove(head) != nil {
            head += 1
            for piece in waiting.removeValue(forKey: head) ?? [] { deliver(piece) }
        }
        condition.broadcast()
    }
}

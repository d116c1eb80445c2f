import MTLintCore

/// Hands what parallel workers produce for numbered items to one consumer in item order, as
/// soon as it can: the pieces of the item at the head go out at once, those of later items wait
/// until every earlier item is finished. Workers keep at most `window` items ahead of the head,
/// so what waits stays small however many items there are. (Unlike `WorkQueue.stream`, an item
/// here gives several pieces, and a large file's go out while it is still being linted.)
final class OrderedDelivery<Piece>: @unchecked Sendable {
    private struct State {
        /// The first item not finished yet: its pieces go straight out.
        var head = 0
        /// Pieces of items after the head, in the order they came.
        var waiting: [Int: [Piece]] = [:]
        /// Items after the head that are finished.
        var finished = Set<Int>()
    }

    private let state = Locked(State())
    private let window: Int
    /// Called with the lock held, so pieces never interleave.
    private let deliver: (Piece) -> Void

    init(window: Int, deliver: @escaping (Piece) -> Void) {
        self.window = max(1, window)
        self.deliver = deliver
    }

    /// Blocks while `index` is `window` or more items ahead of the head.
    func waitForRoom(_ index: Int) {
        state.withLock(when: { index - $0.head < self.window }) { _ in }
    }

    /// Blocks until `index` is the head, after which its pieces go out as they are made (a
    /// large file linted in parts waits for this rather than holding its findings).
    func waitForTurn(_ index: Int) {
        state.withLock(when: { $0.head == index }) { _ in }
    }

    func emit(_ piece: Piece, for index: Int) {
        state.withLock { state in
            if index == state.head { deliver(piece) } else { state.waiting[index, default: []].append(piece) }
        }
    }

    /// Marks `index` done; the next items' waiting pieces go out.
    func finish(_ index: Int) {
        state.withLock { state in
            state.finished.insert(index)
            while state.finished.remove(state.head) != nil {
                state.head += 1
                for piece in state.waiting.removeValue(forKey: state.head) ?? [] { deliver(piece) }
            }
        }
    }
}

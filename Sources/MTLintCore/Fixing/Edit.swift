/// One change to a document: replace the UTF-16 `range` of its text with `replacement`.
/// An empty replacement deletes; an empty range inserts.
public struct Edit: Sendable, Hashable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Two edits conflict when they overlap, insert at the same place, or one inserts
    /// strictly inside the other's range. Edits that only touch end to start do not.
    public func conflicts(with other: Edit) -> Bool {
        switch (range.isEmpty, other.range.isEmpty) {
        case (false, false): return range.overlaps(other.range)
        case (true, true): return range.lowerBound == other.range.lowerBound
        case (true, false): return other.range.lowerBound < range.lowerBound && range.lowerBound < other.range.upperBound
        case (false, true): return range.lowerBound < other.range.lowerBound && other.range.lowerBound < range.upperBound
        }
    }
}

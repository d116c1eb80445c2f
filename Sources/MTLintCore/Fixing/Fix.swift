/// A proposed change for a finding: edits applied together, and whether that is safe.
public struct Fix: Sendable, Hashable {
    public var applicability: Applicability
    /// Non-overlapping edits, sorted by position.
    public var edits: [Edit]
    /// Whether the edits delete whole lines (reported as "delete this line").
    public var deletesLines: Bool

    public init(applicability: Applicability, edits: [Edit], deletesLines: Bool = false) {
        self.applicability = applicability
        self.deletesLines = deletesLines
        self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The span all edits touch, in UTF-16 offsets.
    public var span: Range<Int> {
        guard let first = edits.first, let last = edits.last else { return 0..<0 }
        return first.range.lowerBound..<max(last.range.upperBound, first.range.upperBound)
    }
}

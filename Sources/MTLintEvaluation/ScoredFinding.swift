import MTLintCore

/// A finding as the evaluation sees it: rule, category and where (1-based lines and
/// Unicode-scalar columns, end exclusive), as every output format reports it.
public struct ScoredFinding: Sendable, Hashable {
    public var rule: String
    public var category: Category
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(rule: String, category: Category, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.rule = rule
        self.category = category
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// Whether the finding covers part of `span` (1-based columns, end exclusive) of line
    /// `line`. A finding that starts on an earlier line covers from the line's start, one that
    /// ends on a later line to its end; an empty finding covers the column it sits at.
    func touches(line: Int, span: Range<Int>) -> Bool {
        guard self.line <= line && line <= endLine else { return false }
        let start = self.line == line ? column : 1
        let end = endLine == line ? endColumn : Int.max
        return start < span.upperBound && span.lowerBound < max(end, start + 1)
    }
}

/// One line of a document, in UTF-16 offsets of its text.
public struct Line: Sendable, Hashable {
    /// The line's content, without its line break.
    public var content: Range<Int>
    /// Where the line's break ends (equal to `content.upperBound` for a last line without one).
    public var end: Int

    public var hasLineBreak: Bool { end > content.upperBound }
    /// Content and line break.
    public var full: Range<Int> { content.lowerBound..<end }
}

import MTLintCore

/// Protocol positions of a linted document's offsets, from the document's own position index
/// (the one every output format uses). The client's text may start with U+FEFF, which the
/// document reads as a byte-order mark and leaves out of its text: on the first line it still
/// counts, because the client counts it.
struct DocumentPositions {
    let document: Document
    let encoding: PositionEncoding

    /// Whether the client's text starts with U+FEFF.
    private var hasBOM: Bool { document.bomLength > 0 }

    /// The position of UTF-16 offset `offset` of the document's text. An offset at the end of a
    /// line break is the start of the next line (a fix that deletes the last line reaches the
    /// empty line after it); one inside a CRLF is the end of its line.
    func position(of offset: Int) -> Position {
        let clamped = min(max(offset, 0), document.text.count)
        let lines = document.lines
        guard !lines.isEmpty else { return Position(line: 0, character: 0) }
        let index = document.lineIndex(containing: clamped)
        let line = lines[index]
        if clamped > line.content.upperBound, clamped >= line.end, line.hasLineBreak {
            return Position(line: index + 1, character: 0)
        }
        let target = min(clamped, line.content.upperBound)
        var character: Int
        switch encoding {
        case .utf16: character = target - line.content.lowerBound
        case .utf8: character = document.byteOffset(of: target) - document.byteOffset(of: line.content.lowerBound)
        case .utf32: character = document.location(of: target).column - 1
        }
        if index == 0, hasBOM { character += encoding.width(of: "\u{FEFF}") }
        return Position(line: index, character: character)
    }

    func range(of range: Range<Int>) -> PositionRange {
        PositionRange(start: position(of: range.lowerBound), end: position(of: range.upperBound))
    }

    /// The document offset of a UTF-16 offset of the client's text.
    func documentOffset(ofClientOffset offset: Int) -> Int {
        max(0, offset - (hasBOM ? 1 : 0))
    }
}

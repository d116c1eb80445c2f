/// An open document's text as the client has it (UTF-16 code units, a leading U+FEFF
/// included), with its line starts, so that incremental changes can be applied at protocol
/// positions in any encoding. Lines end at LF, CRLF or a lone CR, as the protocol says.
struct TextBuffer: Sendable {
    private(set) var units: [UInt16]
    /// Where each line starts; the first is 0.
    private var lineStarts: [Int]

    init(_ text: String) {
        units = Array(text.utf16)
        lineStarts = Self.lineStarts(of: units)
    }

    var string: String { String(decoding: units, as: UTF16.self) }

    var lineCount: Int { lineStarts.count }

    /// The UTF-16 offset of `position`. A line past the end means the end of the text; a
    /// character past the end of its line means the line's end (the protocol's rule), and a
    /// position inside a character (a surrogate pair, a UTF-8 sequence) means that
    /// character's start.
    func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return units.count }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        switch encoding {
        case .utf16:
            var offset = min(start + position.character, end)
            if offset > start, offset < end, UTF16.isTrailSurrogate(units[offset]), UTF16.isLeadSurrogate(units[offset - 1]) { offset -= 1 }
            return offset
        case .utf8, .utf32:
            var offset = start
            var counted = 0
            while offset < end {
                let (scalar, length) = scalar(at: offset)
                let width = encoding.width(of: scalar)
                if counted + width > position.character { break }
                counted += width
                offset += length
            }
            return offset
        }
    }

    /// The protocol position of UTF-16 offset `offset` (clamped to the text).
    func position(of offset: Int, encoding: PositionEncoding) -> Position {
        let clamped = min(max(offset, 0), units.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let target = min(clamped, contentEnd(ofLine: low))
        switch encoding {
        case .utf16: return Position(line: low, character: target - start)
        case .utf8, .utf32:
            var offset = start, counted = 0
            while offset < target {
                let (scalar, length) = scalar(at: offset)
                counted += encoding.width(of: scalar)
                offset += length
            }
            return Position(line: low, character: counted)
        }
    }

    /// Replaces `range` (UTF-16 offsets) with `text`. The splice copies the text anyway, so
    /// the line starts are found again in the same pass over it.
    mutating func replace(_ range: Range<Int>, with text: String) {
        let lower = min(max(range.lowerBound, 0), units.count)
        let upper = min(max(range.upperBound, lower), units.count)
        units.replaceSubrange(lower..<upper, with: text.utf16)
        lineStarts = Self.lineStarts(of: units)
    }

    /// Where line `line`'s content ends (before its line break).
    private func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : units.count
        if end > lineStarts[line], line + 1 < lineStarts.count {
            end -= 1
            if end > lineStarts[line], units[end] == 0x0A, units[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }

    /// The scalar at `offset` and its length in UTF-16 units (a lone surrogate reads as U+FFFD).
    private func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let unit = units[offset]
        if UTF16.isLeadSurrogate(unit), offset + 1 < units.count, UTF16.isTrailSurrogate(units[offset + 1]) {
            return (Unicode.Scalar(UTF16.decode(UTF16.EncodedScalar([unit, units[offset + 1]]))), 2)
        }
        return (Unicode.Scalar(unit) ?? "\u{FFFD}", 1)
    }

    /// 0 and every offset after a line break.
    private static func lineStarts(of units: [UInt16]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < units.count {
            let unit = units[i]
            if unit == 0x0A {
                starts.append(i + 1)
            } else if unit == 0x0D {
                if i + 1 < units.count, units[i + 1] == 0x0A {
                    starts.append(i + 2)
                    i += 1
                } else {
                    starts.append(i + 1)
                }
            }
            i += 1
        }
        return starts
    }
}

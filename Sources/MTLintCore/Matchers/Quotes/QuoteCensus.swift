import ICUText

/// The document-wide counts of double quotation marks the quotation-mark model decides style
/// by: which kind, straight or curly, the text is mostly written in, and whether ” is a
/// Swedish-style opening mark (only when the document has no “ at all).
///
/// The counts are local (each mark is judged by its neighbours alone), so they can be read from
/// a file's bytes in one pass before a large file is linted in parts, and every part decides as
/// the whole file would.
public struct QuoteCensus: Sendable, Equatable {
    /// “ and ” marks.
    public var curlyDouble = 0
    /// Straight " marks, but for those right after a digit (inch marks: `a 12" record`).
    public var straightDouble = 0
    /// “ marks.
    public var curlyOpen = 0
    /// ” marks in an opening position: after a line start, a space, an opening bracket, a dash,
    /// a slash or an opening mark, and before a letter or digit.
    public var swedishOpeners = 0

    public init() {}

    /// The counts of a document's text.
    public init(_ document: Document) {
        let text = document.text
        let length = text.count
        for i in 0..<length {
            let unit = text[i]
            // Most units are not double quotes: skip them without decoding neighbours.
            guard unit == 0x201C || unit == 0x201D || unit == 0x22 else { continue }
            let before: UInt32? = i > 0 ? text.codePoint(before: i) : nil
            let after: UInt32? = i + 1 < length ? text.codePoint(at: i + 1) : nil
            count(UInt32(unit), before: before, after: after)
        }
    }

    /// The counts of UTF-8 `bytes` (already checked to be valid), equal to those of the document
    /// they decode to.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        // Only the marks are decoded, with the scalars next to them; the rest is skipped by byte.
        while i < n {
            // Eight bytes at a time where none is `"` or the first byte of “ and ”.
            if i + 8 <= n {
                let word = ByteWords.load(bytes, at: i)
                if ByteWords.bytes(word, equalTo: 0x22) | ByteWords.bytes(word, equalTo: 0xE2) == 0 {
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            if byte == 0x22 {
                count(0x22, before: Self.scalar(in: bytes, before: i), after: Self.scalar(in: bytes, at: i + 1))
            } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9D {
                count(bytes[i + 2] == 0x9C ? 0x201C : 0x201D, before: Self.scalar(in: bytes, before: i), after: Self.scalar(in: bytes, at: i + 3))
                i += 3
                continue
            }
            i += 1
        }
    }

    /// The scalar whose UTF-8 encoding ends right before `i`, or nil at the start.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> UInt32? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0, i - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, at: start)
    }

    /// The scalar whose UTF-8 encoding starts at `i`, or nil past the end.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i < bytes.count else { return nil }
        let byte = bytes[i]
        if byte < 0x80 { return UInt32(byte) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return 0xFFFD }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        return value
    }

    private mutating func count(_ mark: UInt32, before: UInt32?, after: UInt32?) {
        switch mark {
        case 0x201C:
            curlyDouble += 1
            curlyOpen += 1
        case 0x201D:
            curlyDouble += 1
            if Self.isOpeningContext(before), QuoteNeighbour.of(after) == .word { swedishOpeners += 1 }
        default:
            if let b = before, b >= 0x30 && b <= 0x39 { return }  // an inch mark
            straightDouble += 1
        }
    }

    /// Nothing, white space, an opening bracket or dash, a slash, or another opening mark: a
    /// mark after one of these opens a quotation.
    static func isOpeningContext(_ before: UInt32?) -> Bool {
        switch QuoteNeighbour.of(before) {
        case .edge, .space, .openBracket, .dash, .slash: return true
        case .mark: return before.map { [0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039].contains($0) } ?? false
        default: return false
        }
    }

    public static func + (left: QuoteCensus, right: QuoteCensus) -> QuoteCensus {
        var sum = left
        sum.curlyDouble += right.curlyDouble
        sum.straightDouble += right.straightDouble
        sum.curlyOpen += right.curlyOpen
        sum.swedishOpeners += right.swedishOpeners
        return sum
    }
}

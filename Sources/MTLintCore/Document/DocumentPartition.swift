/// A large file cut into parts that are linted one at a time, so that memory follows the part
/// size rather than the file's size.
///
/// A part ends where rules cannot see across: after a blank line (paragraphs, sentences and lines
/// stay whole), else at a line break, and only inside a line longer than a part at a sentence end
/// or a space (a 27 MB single line, say). Each part's document also holds up to `contextLines`
/// lines on either side (rules that compare nearby lines, such as `truncated-title`, see them);
/// only findings that start in the part's own bytes are kept, so each finding is reported once.
///
/// The bytes must be valid UTF-8 without NUL bytes (`Document.check(bytes:)`).
public struct DocumentPartition: Sendable {
    /// One part: the bytes its document is made of, the bytes it reports on, and where its
    /// document starts in the file.
    public struct Part: Sendable, Equatable {
        /// The part's document: `own` plus context lines.
        public var bytes: Range<Int>
        /// The bytes whose findings this part reports.
        public var own: Range<Int>
        /// Where `bytes.lowerBound` is in the file.
        public var origin: PartOrigin
        /// UTF-16 offsets of `own` in the part's document (the document's text has no BOM).
        public var ownText: Range<Int>
        /// Whether the part ends the file (a finding at its very end belongs to it).
        public var isLast: Bool
    }

    public let bytes: [UInt8]
    /// About how many bytes a part holds.
    public let partSize: Int
    /// Lines of context on either side of a part.
    public let contextLines: Int
    /// At most this many bytes of context on either side.
    public let contextBytes: Int

    /// About 256 KB: small enough that a few parts per core stay within a file's memory bound,
    /// large enough that a part's fixed costs do not show.
    public static let defaultPartSize = 1 << 18

    public init(bytes: [UInt8], partSize: Int = defaultPartSize, contextLines: Int = 20, contextBytes: Int = 1 << 16) {
        self.bytes = bytes
        self.partSize = max(partSize, 64)
        self.contextLines = contextLines
        self.contextBytes = contextBytes
    }

    public func makeIterator() -> Iterator { Iterator(partition: self) }

    /// Every part, in file order.
    public var parts: [Part] {
        var iterator = makeIterator()
        var all: [Part] = []
        while let part = iterator.next() { all.append(part) }
        return all
    }

    public struct Iterator {
        let partition: DocumentPartition
        /// Where the next part's own bytes start.
        var start = 0
        /// Line breaks before `start`.
        var line = 0
        /// Scalars before `start` on its line (0 unless the previous part ended inside a line).
        var column = 0

        init(partition: DocumentPartition) { self.partition = partition }

        public mutating func next() -> Part? {
            let bytes = partition.bytes
            let n = bytes.count
            guard start < n || (start == 0 && n == 0) else { return nil }
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let end = partition.end(after: start)
            // Context only around whole lines: a part that starts or ends inside a line has none on that side.
            let contextStart = column == 0 ? partition.contextStart(before: start) : start
            let contextEnd = partition.isLineStart(end) ? partition.contextEnd(after: end) : end
            let docBOM = contextStart == 0 ? bom : 0
            let origin = PartOrigin(line: line - partition.lineBreaks(in: contextStart..<start),
                                    column: contextStart == start ? column : 0, byteOffset: contextStart)
            let ownFrom = partition.utf16Length(of: (contextStart + docBOM)..<max(start, contextStart + docBOM))
            let ownText = ownFrom..<(ownFrom + partition.utf16Length(of: max(start, docBOM)..<end))
            let part = Part(bytes: contextStart..<contextEnd, own: start..<end, origin: origin, ownText: ownText, isLast: end == n)
            // Where the next part starts: its line, and its column when this part ended inside a line.
            let breaks = partition.lineBreaks(in: start..<end)
            if partition.isLineStart(end) {
                column = 0
            } else {
                let lineStart = breaks > 0 ? partition.lineStart(atOrBefore: end) : start
                column = (breaks > 0 ? 0 : column) + partition.scalars(in: max(lineStart, bom)..<end)
            }
            line += breaks
            start = end
            if n == 0 { start = 1 }  // an empty file is one empty part
            return part
        }
    }

    // MARK: Where a part ends

    /// The end of the part that starts at `start`: the last good boundary within a part's size.
    func end(after start: Int) -> Int {
        bytes.withUnsafeBufferPointer { end(after: start, in: $0) }
    }

    private func end(after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        let limit = start + partSize
        guard limit < n else { return n }
        // Boundaries before this are too close to the start (the parts would be tiny).
        let floor = start + partSize / 4
        // Usually a paragraph starts shortly before the limit: look back for it first.
        if let paragraph = lastParagraphStart(in: floor...limit, after: start, bytes) { return paragraph }
        var paragraph: Int?, line: Int?, sentence: Int?, space: Int?
        var lineIsBlank = true
        var previousLineBlank = false
        var lastNonSpace: UInt8 = 0
        var i = start
        while i < limit {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && !(i + 1 < n && bytes[i + 1] == 0x0A)) {
                previousLineBlank = lineIsBlank
                lineIsBlank = true
                let next = i + 1
                if next >= floor && next <= limit {
                    line = next
                    if previousLineBlank { paragraph = next }
                }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                // Spaces; a CR here is the first half of a CRLF.
            } else {
                lineIsBlank = false
                if i > start, bytes[i - 1] == 0x20, i >= floor {
                    // A word after a space: a sentence start when the text before the spaces ends one.
                    if lastNonSpace == 0x2E || lastNonSpace == 0x21 || lastNonSpace == 0x3F { sentence = i } else { space = i }
                }
                lastNonSpace = byte
            }
            i += 1
        }
        if let best = paragraph ?? line ?? sentence ?? space { return best }
        // No boundary at all: cut at a scalar boundary, never inside a CRLF.
        var cut = limit
        while cut > start + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        if cut > 0, bytes[cut - 1] == 0x0D, bytes[cut] == 0x0A { cut += 1 }
        return cut
    }

    /// The last line start in `window` whose previous line is blank (spaces and tabs only),
    /// looking back from the window's end; nil when there is none.
    private func lastParagraphStart(in window: ClosedRange<Int>, after start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        @inline(__always) func isBreak(_ i: Int) -> Bool {
            bytes[i] == 0x0A || (bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A))
        }
        var p = window.upperBound
        while p >= window.lowerBound {
            // p is a line start when the byte before it ends a line.
            if isBreak(p - 1) {
                // Walk back over the previous line: blank when only spaces and tabs lie between
                // its line break and the break before it.
                var k = p - 1
                if bytes[k] == 0x0A, k > start, bytes[k - 1] == 0x0D { k -= 1 }
                while k > start, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 { k -= 1 }
                if k > start, isBreak(k - 1) { return p }
                // Not blank: continue from the start of that line (no later line start exists
                // between it and p).
                while k > start, !isBreak(k - 1) { k -= 1 }
                p = k
            } else {
                p -= 1
            }
        }
        return nil
    }

    // MARK: Context

    /// Whether a line starts at `offset` (the file's end counts).
    func isLineStart(_ offset: Int) -> Bool {
        guard offset > 0, offset < bytes.count else { return true }
        let before = bytes[offset - 1]
        return before == 0x0A || (before == 0x0D && bytes[offset] != 0x0A)
    }

    /// The start of the line that holds `offset` (its content start when `offset` is a line start).
    func lineStart(atOrBefore offset: Int) -> Int {
        var i = offset
        while i > 0, !isLineStart(i) { i -= 1 }
        return i
    }

    /// Up to `contextLines` whole lines before the line start `start`, within `contextBytes`.
    func contextStart(before start: Int) -> Int {
        var result = start
        let floor = max(0, start - contextBytes)
        for _ in 0..<contextLines {
            guard result > 0 else { break }
            // Step over the line break that ends the previous line, then find that line's start.
            var i = result - 1
            if bytes[i] == 0x0A, i > 0, bytes[i - 1] == 0x0D { i -= 1 }
            while i > floor, !isLineStart(i) { i -= 1 }
            guard isLineStart(i) else { break }  // the line begins before the budget
            result = i
        }
        return result
    }

    /// Up to `contextLines` whole lines after the line start `end`, within `contextBytes`.
    func contextEnd(after end: Int) -> Int {
        let n = bytes.count
        var result = end
        let ceiling = min(n, end + contextBytes)
        for _ in 0..<contextLines {
            guard result < n else { break }
            var i = result + 1
            while i < ceiling, !isLineStart(i) { i += 1 }
            guard i == n || isLineStart(i), i <= ceiling else { break }
            result = i
        }
        return result
    }

    // MARK: Counting

    /// Line breaks (LF, CRLF or a lone CR) in `range`, which never splits a CRLF.
    func lineBreaks(in range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var count = 0
            var i = range.lowerBound
            // Eight bytes at a time where they hold no CR (a CR needs the byte after it).
            scan: while i + 8 <= range.upperBound {
                var counts: UInt64 = 0
                var rounds = 0
                defer { count += ByteWords.sumOfBytes(counts) }
                while rounds < 255, i + 8 <= range.upperBound {
                    let word = ByteWords.load(bytes, at: i)
                    if ByteWords.bytes(word, equalTo: 0x0D) != 0 { break scan }
                    counts &+= ByteWords.bytes(word, equalTo: 0x0A) >> 7
                    i += 8
                    rounds += 1
                }
            }
            while i < range.upperBound {
                let byte = bytes[i]
                if byte == 0x0A || (byte == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// Unicode scalars in `range` (bytes that are not UTF-8 continuation bytes).
    func scalars(in range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var count = 0
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                var continuations: UInt64 = 0
                var rounds = 0
                while rounds < 255, i + 8 <= range.upperBound {
                    continuations &+= ByteWords.continuationBytes(ByteWords.load(bytes, at: i))
                    i += 8
                    rounds += 1
                }
                count += 8 * rounds - ByteWords.sumOfBytes(continuations)
            }
            while i < range.upperBound {
                if bytes[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// UTF-16 units of the text in `range`: one per scalar, two for a four-byte sequence.
    func utf16Length(of range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var count = 0
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                var continuations: UInt64 = 0, fourByteLeads: UInt64 = 0
                var rounds = 0
                while rounds < 255, i + 8 <= range.upperBound {
                    let word = ByteWords.load(bytes, at: i)
                    continuations &+= ByteWords.continuationBytes(word)
                    fourByteLeads &+= ByteWords.fourByteLeads(word)
                    i += 8
                    rounds += 1
                }
                count += 8 * rounds - ByteWords.sumOfBytes(continuations) + ByteWords.sumOfBytes(fourByteLeads)
            }
            while i < range.upperBound {
                let byte = bytes[i]
                if byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
                i += 1
            }
            return count
        }
    }
}

/// Where a part's document starts in its file, to turn the part's positions into the file's.
public struct PartOrigin: Sendable, Equatable {
    /// Line breaks before the part.
    public var line: Int
    /// Scalars before the part on its first line (0 when the part starts a line).
    public var column: Int
    /// Bytes before the part (BOM included).
    public var byteOffset: Int

    public init(line: Int = 0, column: Int = 0, byteOffset: Int = 0) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// The file's position for the part's position `location`.
    public func shift(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(line: location.line + line, column: location.column + (location.line == 1 ? column : 0),
                       byteOffset: location.byteOffset + byteOffset)
    }

    public func shift(_ range: SourceRange) -> SourceRange {
        SourceRange(start: shift(range.start), end: shift(range.end))
    }
}

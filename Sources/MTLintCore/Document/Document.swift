import ICUText

/// A text to lint: its bytes as read, its UTF-16 text for ICU, its lines, and segments
/// computed on demand (paragraphs, ICU sentences and words) and cached.
///
/// Offsets inside mtlint are UTF-16 offsets of `text` (after any BOM); `location(of:)`
/// turns them into line, column (Unicode scalars) and byte offset (in the file, BOM included).
/// A document is used by one task at a time.
public final class Document {
    /// The bytes as read, BOM included. Not kept: valid UTF-8 decodes and encodes back to the
    /// same bytes, so they are rebuilt from the text when a fix needs them, and a large file's
    /// lint holds only its UTF-16 text.
    public var bytes: [UInt8] {
        let body = sourceText.utf8(0..<sourceText.count)
        return bomLength > 0 ? [0xEF, 0xBB, 0xBF] + body : body
    }
    /// How many bytes the file has.
    public let byteCount: Int
    /// 3 when the file starts with a UTF-8 BOM, else 0.
    public let bomLength: Int
    /// The text rules see: for Markdown and HTML, the original with code, URLs, tags and
    /// comments blanked and entities decoded in place — same length, same line breaks.
    public let text: UTF16Text
    /// The text as written in the file (after any BOM).
    public let sourceText: UTF16Text
    public let format: DocumentFormat
    /// Spans hidden from rules, sorted and merged (empty for plain text).
    public let maskedRanges: [Range<Int>]
    /// `<!-- mtlint-… -->` directives (Markdown and HTML only).
    public let suppressions: [Suppression]
    public let lines: [Line]
    private let positions: PositionIndex

    private var cachedParagraphs: [Range<Int>]?
    private var cachedLineContents: [Range<Int>]?
    private var cachedSentences: [Range<Int>]?
    private var cachedWords: [Word]?

    /// Reads UTF-8 bytes with or without a BOM. Throws for invalid UTF-8 and binary data.
    /// `byteOrderMark: false` reads leading EF BB BF as text (a part of a file that happens to
    /// start with U+FEFF is not the file's start).
    public convenience init(bytes: [UInt8], format: DocumentFormat = .plain, byteOrderMark: Bool = true) throws(InputError) {
        guard bytes.count < Int(Int32.max) / 2 else { throw InputError.tooLarge(bytes: bytes.count) }
        let bom = byteOrderMark && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let nul = Self.firstNUL(in: bytes, from: bom) { throw InputError.binary(byteOffset: nul) }
        let decoded = bytes.withUnsafeBufferPointer { UTF16Text(utf8: UnsafeBufferPointer(rebasing: $0[bom...])) }
        guard let decoded else { throw Self.invalidUTF8(in: bytes, from: bom) }
        self.init(bytes: bytes, bomLength: bom, text: decoded, format: format)
    }

    /// Checks that `bytes` can be read as a document (UTF-8, no NUL byte) without decoding them:
    /// a large file is checked whole before it is linted in parts.
    public static func check(bytes: [UInt8]) throws(InputError) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let nul = Self.firstNUL(in: bytes, from: bom) { throw InputError.binary(byteOffset: nul) }
        let invalid = bytes.withUnsafeBufferPointer {
            UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(rebasing: $0[bom...]))
        }
        if let invalid { throw InputError.invalidUTF8(byteOffset: bom + invalid) }
    }

    /// The offset of the first NUL byte at or after `start` (eight bytes at a time), or nil.
    private static func firstNUL(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var i = start
            while i + 8 <= buffer.count {
                if ByteWords.zeroBytes(ByteWords.load(buffer, at: i)) != 0 { break }
                i += 8
            }
            while i < buffer.count {
                if buffer[i] == 0 { return i }
                i += 1
            }
            return nil
        }
    }

    private static func invalidUTF8(in bytes: [UInt8], from bom: Int) -> InputError {
        let invalid = bytes.withUnsafeBufferPointer {
            UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(rebasing: $0[bom...]))
        }
        return InputError.invalidUTF8(byteOffset: bom + (invalid ?? 0))
    }

    /// A document from a Swift string, which is always valid Unicode (NUL included);
    /// used by tests and rule examples. A leading U+FEFF is taken as a BOM.
    public convenience init(_ string: String, format: DocumentFormat = .plain) {
        let bytes = Array(string.utf8)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.init(bytes: bytes, bomLength: bom, text: UTF16Text(units: string.utf16.dropFirst(bom > 0 ? 1 : 0)), format: format)
    }

    private init(bytes: [UInt8], bomLength: Int, text: UTF16Text, format: DocumentFormat) {
        self.byteCount = bytes.count
        self.bomLength = bomLength
        self.sourceText = text
        self.format = format
        if format == .plain {
            self.text = text
            self.maskedRanges = []
            self.suppressions = []
        } else {
            var masked = MaskedText(Array(text.units))
            if format == .markdown { MarkdownMasker.mask(&masked) } else { HTMLMasker.mask(&masked) }
            self.text = UTF16Text(units: masked.units)
            self.maskedRanges = masked.mergedMasks
            self.suppressions = masked.suppressions.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        self.lines = Document.splitLines(text)
        self.positions = PositionIndex(text)
    }

    /// The original text of `range`, as written in the file (for showing to people).
    public func sourceString(_ range: Range<Int>) -> String { sourceText.string(range) }

    /// Whether `range` touches a masked span.
    public func isMasked(_ range: Range<Int>) -> Bool {
        guard !maskedRanges.isEmpty else { return false }
        var low = 0, high = maskedRanges.count
        while low < high {
            let mid = (low + high) / 2
            if maskedRanges[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        guard low < maskedRanges.count else { return false }
        let candidate = maskedRanges[low]
        return candidate.overlaps(range) || (range.isEmpty && candidate.contains(range.lowerBound))
    }

    public func string(_ range: Range<Int>) -> String { text.string(range) }

    private static func splitLines(_ text: UTF16Text) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(text.count / 60 + 1)
        let units = text.units
        var start = 0, i = 0
        let n = units.count
        while i < n {
            // Four units at a time where none is a line break.
            if i + 4 <= n {
                let word = UnitWords.load(units, at: i)
                if UnitWords.units(word, equalTo: 0x0A) | UnitWords.units(word, equalTo: 0x0D) == 0 {
                    i += 4
                    continue
                }
            }
            let unit = units[i]
            if unit == 0x0A || unit == 0x0D {
                let end = unit == 0x0D && i + 1 < n && units[i + 1] == 0x0A ? i + 2 : i + 1
                lines.append(Line(content: start..<i, end: end))
                start = end
                i = end
            } else {
                i += 1
            }
        }
        // A final line break ends the last line; it does not start an empty one.
        if start < n || lines.isEmpty { lines.append(Line(content: start..<n, end: n)) }
        return lines
    }

    // MARK: Positions

    /// The index of the line containing UTF-16 offset `offset` (a line break belongs to its line).
    public func lineIndex(containing offset: Int) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lines[mid].content.lowerBound <= offset { low = mid } else { high = mid - 1 }
        }
        return max(low, 0)
    }

    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), text.count)
        let lineIdx = lines.isEmpty ? 0 : lineIndex(containing: clamped)
        let lineStart = lines.isEmpty ? 0 : lines[lineIdx].content.lowerBound
        let here = positions.position(of: clamped, in: sourceText)
        let start = positions.position(of: lineStart, in: sourceText)
        return SourceLocation(line: lineIdx + 1, column: here.scalars - start.scalars + 1, byteOffset: bomLength + here.utf8)
    }

    public func sourceRange(of range: Range<Int>) -> SourceRange {
        SourceRange(start: location(of: range.lowerBound), end: location(of: range.upperBound))
    }

    /// UTF-8 offset in `bytes` (BOM included) of UTF-16 offset `offset`.
    public func byteOffset(of offset: Int) -> Int {
        bomLength + positions.position(of: min(max(offset, 0), text.count), in: sourceText).utf8
    }

    // MARK: Segments

    /// Whether a line holds nothing but white space, as written in the file (a line holding
    /// only a comment or code is not blank, even though rules do not see its content).
    public func isBlank(_ line: Line) -> Bool {
        var i = line.content.lowerBound
        while i < line.content.upperBound {
            let unit = sourceText[i]
            if unit != 0x20 && unit != 0x09 {
                guard let scalar = Unicode.Scalar(sourceText.codePoint(at: i)), scalar.properties.isWhitespace else { return false }
            }
            i = sourceText.index(after: i)
        }
        return true
    }

    /// Each line's content, for line-scoped rules (computed once).
    public var lineContents: [Range<Int>] {
        if let cachedLineContents { return cachedLineContents }
        let made = lines.map(\.content)
        cachedLineContents = made
        return made
    }

    /// Runs of non-blank lines, from the first line's start to the last line's content end.
    public var paragraphs: [Range<Int>] {
        if let cachedParagraphs { return cachedParagraphs }
        var result: [Range<Int>] = []
        var start: Int?
        var end = 0
        for line in lines {
            if isBlank(line) {
                if let s = start { result.append(s..<end) }
                start = nil
            } else {
                if start == nil { start = line.content.lowerBound }
                end = line.content.upperBound
            }
        }
        if let s = start { result.append(s..<end) }
        cachedParagraphs = result
        return result
    }

    /// ICU sentences of the whole text (each ends after its trailing space and line break).
    public func sentences(using segmenter: Segmenter) -> [Range<Int>] {
        if let cachedSentences { return cachedSentences }
        let offsets = segmenter.sentenceBoundaries(of: text)
        let result = zip(offsets, offsets.dropFirst()).map { $0..<$1 }
        cachedSentences = result
        return result
    }

    /// The ICU sentences of the lines where `flags` is true, exactly as `sentences(using:)`
    /// finds them, without segmenting the other lines. ICU ends a sentence after every line
    /// break (UAX #29 rule SB4, which no suppression overrides), so a line's sentences do not
    /// depend on the lines around it. Flagged lines close together are segmented in one go.
    public func sentences(using segmenter: Segmenter, onLines flags: [Bool]) -> [Range<Int>] {
        let lines = self.lines
        func isFlagged(_ index: Int) -> Bool { index < flags.count && flags[index] }
        if let cachedSentences {
            var cursor = 0
            return cachedSentences.filter { sentence in
                while cursor + 1 < lines.count, lines[cursor].end <= sentence.lowerBound { cursor += 1 }
                return isFlagged(cursor)
            }
        }
        // Runs of flagged lines, taking in short stretches of other lines between them.
        var runs: [(range: Range<Int>, lines: Range<Int>)] = []
        for (index, line) in lines.enumerated() where isFlagged(index) {
            if let last = runs.last, line.content.lowerBound - last.range.upperBound <= Self.sentenceRunGap {
                runs[runs.count - 1] = (last.range.lowerBound..<line.end, last.lines.lowerBound..<(index + 1))
            } else {
                runs.append((line.full, index..<(index + 1)))
            }
        }
        let offsets = segmenter.sentenceBoundaries(of: text, inEach: runs.map(\.range))
        var result: [Range<Int>] = []
        var at = 0
        for run in runs {
            var cursor = run.lines.lowerBound
            guard at < offsets.count else { break }
            var start = offsets[at]
            at += 1
            while at < offsets.count, start < run.range.upperBound {
                let end = offsets[at]
                at += 1
                while cursor + 1 < run.lines.upperBound, lines[cursor].end <= start { cursor += 1 }
                if isFlagged(cursor) { result.append(start..<end) }
                start = end
            }
        }
        return result
    }

    /// Unflagged text (UTF-16 units) between flagged lines that `sentences(using:onLines:)`
    /// segments rather than start a new run.
    static let sentenceRunGap = 512

    /// ICU words of the whole text (spaces and punctuation are segments of kind `.none`).
    public func words(using segmenter: Segmenter) -> [Word] {
        if let cachedWords { return cachedWords }
        let (offsets, kinds) = segmenter.wordBoundaries(of: text)
        var result: [Word] = []
        result.reserveCapacity(kinds.count)
        for i in 0..<kinds.count where i + 1 < offsets.count {
            result.append(Word(range: offsets[i]..<offsets[i + 1], kind: kinds[i]))
        }
        cachedWords = result
        return result
    }

    /// The segments of `scope`.
    public func segments(_ scope: Scope, using segmenter: Segmenter) -> [Range<Int>] {
        switch scope {
        case .line: lineContents
        case .paragraph: paragraphs
        case .sentence: sentences(using: segmenter)
        case .document: [0..<text.count]
        }
    }
}

/// An ICU word segment.
public struct Word: Sendable, Hashable {
    public var range: Range<Int>
    public var kind: WordKind
}

extension Document {
    /// `range` without leading and trailing white space (ASCII checked first, the Unicode
    /// property only for other characters).
    public func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        @inline(__always) func isSpace(_ u: UInt16) -> Bool {
            if u < 0x80 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) }
            if UTF16.isSurrogate(u) { return false }
            return Unicode.Scalar(u)?.properties.isWhitespace ?? false
        }
        let units = text.units
        while start < end, isSpace(units[start]) { start += 1 }
        while end > start, isSpace(units[end - 1]) { end -= 1 }
        return start..<end
    }
}

/// Fixes a large file part by part (`DocumentPartition`), so a file is fixed in the memory of
/// its bytes, the fixed bytes and a few parts, not of two whole documents.
///
/// Each part's document holds its context lines, but only the part's own text is fixed: a part
/// ends after a blank line, so a deleted line and the blank line it takes stay inside. Parts run
/// on all the given linters at once and come back in file order, with what `FixedFilePosition`
/// needs to report what remains at the fixed file's positions.
public enum PartitionedFix {
    /// One part, fixed.
    public struct PartResult {
        /// The fixed part's own bytes (the file's BOM included for the first part).
        public var bytes: [UInt8]
        /// The fixed part's document (context included); `outcome.remaining` holds what remains in
        /// its own text, at `ownText`.
        public var document: Document
        public var outcome: FixOutcome
        public var ownText: Range<Int>
        /// Whether this is not the file's first part.
        public var isContinuation: Bool
        /// Whether the part starts inside a line (a cut in a line longer than a part).
        public var startsInsideLine: Bool
    }

    /// Fixes every part with `fixer`; `deliver` gets them in file order, one at a time.
    public static func run(_ partition: DocumentPartition, format: DocumentFormat = .plain, fixer: Fixer, linters: [Linter],
                           deliver: @escaping (PartResult) -> Void) {
        guard let first = linters.first else { return }
        let parts = partition.parts
        let census = first.needsQuoteCensus ? PartitionedLint.quoteCensus(of: parts, in: partition, format: format, linters: linters) : nil
        WorkQueue.stream(parts.count, states: linters, window: linters.count + 1, { linter, index in
            let part = parts[index]
            let document = PartitionedLint.makeDocument(partition.bytes, part.bytes, format: format)
            let outcome = fixer.fix(document, with: linter, part: Fixer.Part(text: part.ownText, endsFile: part.isLast, census: census))
            let fixed = (try? Document(bytes: outcome.bytes, format: format, byteOrderMark: part.bytes.lowerBound == 0)) ?? document
            let own = outcome.part ?? part.ownText
            // The own text's bytes; the first part's start with the file's BOM.
            let from = index == 0 ? 0 : fixed.byteOffset(of: own.lowerBound)
            let bytes = Array(outcome.bytes[from..<fixed.byteOffset(of: own.upperBound)])
            return PartResult(bytes: bytes, document: fixed, outcome: outcome, ownText: own, isContinuation: index > 0,
                              startsInsideLine: !partition.isLineStart(part.own.lowerBound))
        }, deliver: deliver)
    }
}

/// How far the fixed parts of a file have got, to place each next part's findings at the fixed
/// file's positions.
public struct FixedFilePosition: Sendable {
    /// Bytes written so far.
    public private(set) var byteOffset = 0
    /// Line breaks written so far.
    public private(set) var lineBreaks = 0
    /// Scalars written since the last line break.
    public private(set) var column = 0

    public init() {}

    /// The origin that turns `part`'s document positions into the fixed file's, given what has
    /// been written before the part's own bytes.
    public func origin(of part: PartitionedFix.PartResult) -> PartOrigin {
        let document = part.document
        let ownStart = document.byteOffset(of: part.ownText.lowerBound)
        // The first part's own text starts after the BOM, which is written with it.
        let written = byteOffset + (part.isContinuation ? 0 : document.bomLength)
        return PartOrigin(line: lineBreaks - document.lineIndex(containing: part.ownText.lowerBound),
                          column: part.startsInsideLine ? column : 0, byteOffset: written - ownStart)
    }

    /// Moves past `bytes`, written to the fixed file (parts never cut a CRLF).
    public mutating func advance(over bytes: [UInt8]) {
        // The file's BOM is not a column.
        let start = byteOffset == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                lineBreaks += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        byteOffset += bytes.count
    }
}

/// Lints a large file part by part (`DocumentPartition`), so a 200 MB file or a 27 MB line is
/// linted in the memory of a few parts, not of the whole file, and its findings can be written
/// out as each part is done instead of being held until the end.
///
/// Parts run on all the given linters at once (one thread each), in batches; the results come
/// back in file order. When a rule decides by document-wide counts (`QuoteCensus`), the parts
/// are counted first and every part gets the file's totals.
public enum PartitionedLint {
    /// Files larger than this (bytes) are linted in parts.
    public static let threshold = 4 << 20

    /// Whether a file is linted (and fixed) in parts: plain text over `threshold` (Markdown and
    /// HTML masking needs the whole file).
    public static func applies(to byteCount: Int, format: DocumentFormat) -> Bool {
        format == .plain && byteCount > threshold
    }

    /// One part's outcome: its document, the findings that start in its own bytes, and where
    /// the document starts in the file.
    public struct PartResult {
        public var document: Document
        public var result: LintResult
        public var origin: PartOrigin
        /// The part's own text in `document` (UTF-16 offsets): what it reports on.
        public var ownText: Range<Int>
        /// Whether this is not the file's first part.
        public var isContinuation: Bool
    }

    /// Lints `partition`'s parts with `linters` (one thread each). `transform` runs on the
    /// worker's thread for each part (make the report there: it needs the part's document);
    /// `deliver` gets the transformed parts in file order, one at a time, as soon as each is done.
    public static func run<T>(_ partition: DocumentPartition, format: DocumentFormat = .plain, linters: [Linter],
                              transform: @escaping (PartResult) -> T, deliver: @escaping (T) -> Void) {
        guard let first = linters.first else { return }
        let parts = partition.parts
        let census = first.needsQuoteCensus ? quoteCensus(of: parts, in: partition, format: format, linters: linters) : nil
        // A few parts per thread in flight: enough to keep every thread busy, few enough that
        // memory follows the part size.
        WorkQueue.stream(parts.count, states: linters, window: linters.count * 2, { linter, index in
            transform(lint(parts[index], of: partition.bytes, format: format, with: linter, census: census, isContinuation: index > 0))
        }, deliver: deliver)
    }

    /// The file's quotation-mark counts: each part's own bytes counted once.
    /// The whole file's quotation-mark counts, read from its bytes in one pass (after a BOM).
    static func quoteCensus(of parts: [DocumentPartition.Part], in partition: DocumentPartition, format: DocumentFormat,
                            linters: [Linter]) -> QuoteCensus {
        partition.bytes.withUnsafeBufferPointer { bytes in
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return QuoteCensus(utf8: UnsafeBufferPointer(rebasing: bytes[bom...]))
        }
    }

    static func lint(_ part: DocumentPartition.Part, of bytes: [UInt8], format: DocumentFormat, with linter: Linter,
                     census: QuoteCensus?, isContinuation: Bool) -> PartResult {
        let document = makeDocument(bytes, part.bytes, format: format)
        var result = linter.lint(document, quoteCensus: census, shareRules: false)
        let own = part.ownText
        result.findings.removeAll { finding in
            let start = finding.range.lowerBound
            return !(own.contains(start) || (part.isLast && start == own.upperBound))
        }
        return PartResult(document: document, result: result, origin: part.origin, ownText: own, isContinuation: isContinuation)
    }

    /// The document of `range` of the file's bytes (already checked: it cannot fail). Only the
    /// file's first bytes can start with a BOM.
    static func makeDocument(_ bytes: [UInt8], _ range: Range<Int>, format: DocumentFormat) -> Document {
        (try? Document(bytes: Array(bytes[range]), format: format, byteOrderMark: range.lowerBound == 0))
            ?? Document("", format: format)
    }
}

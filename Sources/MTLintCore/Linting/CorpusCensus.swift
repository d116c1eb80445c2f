/// How many documents of a run hold each short line: the cross-document signal of page
/// furniture. A scraper's template prints the same labels, slogans and author boxes on every
/// page of a site, so a short line that is not a sentence and stands in several documents of
/// one run is furniture in all of them (the furniture classifier's `repeated` feature).
///
/// A census counts documents over a window: the batch of inputs being linted (the files of one
/// `lint` or `fix`, the records of one `--jsonl` batch) and the batch before it. It holds only
/// line keys (`FurnitureText.repetitionKeys(of:)`, at most 512 per document), so memory stays
/// bounded however many documents the run has, and counts depend only on the input order, so
/// output does not depend on how threads are scheduled.
public final class CorpusCensus: Sendable {
    /// Documents holding each key, over the window.
    private let counts: [UInt64: Int]
    /// The keys of the window's newest batch, for the next census.
    public let batchKeys: [Set<UInt64>]

    /// Counts `batch` (each document's keys) together with `previous` (the batch before).
    public init(batch: [Set<UInt64>], previous: [Set<UInt64>] = []) {
        var counts: [UInt64: Int] = [:]
        for keys in previous + batch {
            for key in keys { counts[key, default: 0] += 1 }
        }
        self.counts = counts.filter { $0.value >= 2 }
        batchKeys = batch
    }

    /// The keys of a document's short lines, as the census counts them.
    public static func keys(of document: Document) -> Set<UInt64> { FurnitureText.repetitionKeys(of: document) }

    /// How many documents of the window hold `key`.
    public func documents(holding key: UInt64) -> Int { counts[key] ?? 0 }

    /// How many inputs one census counts; the CLI lints inputs in batches of this size when a
    /// rule asks for the census.
    public static let batchSize = 256
}

import Foundation
import MTLintCore

/// `--format jsonl`: one finding per line, each a JSON object with the same fields as
/// `--format json` (JSON Lines), keys sorted. Like every format, written as files finish (in
/// path order), so a consumer can start before the run ends.
public struct JSONLinesReporter: StreamingReporter, Sendable {
    public init() {}

    public func start() -> String { "" }

    public func finish() -> String { "" }

    /// The lines for one file, each ending in a line feed ("" when the file has no findings).
    public func add(_ file: FileReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for item in file.items {
            guard let data = try? encoder.encode(JSONReporter.record(item, path: file.path)) else { continue }
            // JSON escapes control characters, so a record never contains a raw line feed.
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        return out
    }
}

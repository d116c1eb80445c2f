import Foundation
import MTLintCore

/// `--format jsonl`: one finding per line, each a JSON object with the same fields as
/// `--format json` (JSON Lines), keys sorted. `mtlint lint` writes a file's lines as soon as that file is
/// linted, so a consumer can start before the run ends; with several jobs the files come in
/// the order they finish, the findings of one file always together and in order.
public struct JSONLinesReporter: Sendable {
    public init() {}

    /// The lines for one file, each ending in a line feed ("" when the file has no findings).
    public func render(_ file: FileReport) -> String {
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

    public func render(_ report: RunReport) -> String {
        report.files.map(render).joined()
    }
}

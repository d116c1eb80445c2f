import MTLintCore

/// `--format jsonl`: one finding per line, each a JSON object with the same fields as
/// `--format json` (JSON Lines), keys sorted. Like every format, written as files finish (in
/// path order), so a consumer can start before the run ends.
public struct JSONLinesReporter: StreamingReporter, Sendable {
    public init() {}

    public func start() -> String { "" }

    public func finish() -> String { "" }

    public func add(_ file: FileReport, body: String?) -> String { body ?? lines(file) }

    public func body(of file: FileReport) -> String? { lines(file) }

    /// The lines for one file, each ending in a line feed ("" when the file has no findings).
    public func lines(_ file: FileReport) -> String {
        var out = ""
        // JSON escapes control characters, so a record never contains a raw line feed.
        for item in file.items { out += JSONReporter.json(item, path: file.path).compact + "\n" }
        return out
    }
}

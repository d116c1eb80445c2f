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
        for record in records(file) { out += record + "\n" }
        return out
    }

    /// One compact JSON object per finding of `file`, without line feeds (corpus mode puts
    /// them in an array).
    public func records(_ file: FileReport) -> [String] {
        file.items.map { JSONReporter.json($0, path: file.path).compact }
    }
}

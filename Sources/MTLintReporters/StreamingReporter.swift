import Foundation
import MTLintCore

/// A report written while the run goes on: `start()` once, `add(_:)` for each file's report in
/// path order (a large file linted in parts gives several, the later ones marked
/// `isContinuation`), then `finish()`. Between calls a reporter keeps counts only, so a run's
/// memory does not grow with its findings, and the findings reach the reader as files finish.
///
/// Most of the cost of reporting is rendering findings, which depends on the file alone:
/// `body(of:)` does it on any thread (the worker that linted the file), and `add(_:body:)`
/// then only counts and joins, in order.
public protocol StreamingReporter {
    /// What comes before the first file (the opening of a JSON document, say).
    mutating func start() -> String
    /// The findings of `file` rendered, when that depends on the file alone (nil: `add` does it).
    /// Runs on any thread, in any order.
    func body(of file: FileReport) -> String?
    /// One file's (or one part's) output, given its `body(of:)`.
    mutating func add(_ file: FileReport, body: String?) -> String
    /// What comes after the last file: the summary, the closing of a JSON document.
    mutating func finish() -> String
}

extension StreamingReporter {
    /// One file's output, rendered here.
    public mutating func add(_ file: FileReport) -> String { add(file, body: body(of: file)) }

    /// A whole run's output at once: the same bytes as streaming it.
    public func render(_ report: RunReport) -> String {
        var reporter = self
        var out = reporter.start()
        for file in report.files { out += reporter.add(file) }
        return out + reporter.finish()
    }
}

/// The counts a summary line needs, added up file by file.
public struct RunTotals: Sendable, Equatable {
    public private(set) var findings = 0
    public private(set) var safeFixes = 0
    public private(set) var unsafeFixes = 0
    private var pathsWithFindings = Set<String>()

    public init() {}

    /// Files (distinct paths) with at least one finding.
    public var filesWithFindings: Int { pathsWithFindings.count }

    public mutating func add(_ file: FileReport) {
        guard !file.items.isEmpty else { return }
        findings += file.items.count
        for item in file.items {
            switch item.finding.fix?.applicability {
            case .safe: safeFixes += 1
            case .unsafe: unsafeFixes += 1
            case nil: break
            }
        }
        pathsWithFindings.insert(file.path)
    }
}

/// A pretty-printed JSON array written element by element, byte for byte what `JSONEncoder`
/// with `.prettyPrinted` writes for the whole array at `indent` spaces.
struct PrettyJSONArray {
    let indent: Int
    private(set) var count = 0
    private let encoder: JSONEncoder

    init(indent: Int) {
        self.indent = indent
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    /// `[` and its line break.
    static let opening = "[\n"

    /// One element, after a comma when it is not the first.
    mutating func element(_ value: some Encodable) -> String {
        guard let data = try? encoder.encode(value) else { return "" }
        let separator = count == 0 ? "" : ",\n"
        count += 1
        return separator + Self.indented(String(decoding: data, as: UTF8.self), by: indent + 2)
    }

    /// Elements rendered elsewhere (`count` of them, each indented, joined by `,\n`).
    mutating func append(rendered: String, count added: Int) -> String {
        guard added > 0 else { return "" }
        let separator = count == 0 ? "" : ",\n"
        count += added
        return separator + rendered
    }

    /// The closing bracket (an empty array is `[`, an empty line, `]`).
    func closing() -> String { "\n" + String(repeating: " ", count: indent) + "]" }

    /// `json` with every line moved right by `spaces` (a pretty-printed document's line breaks
    /// are all structural: strings escape theirs).
    static func indented(_ json: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return pad + json.replacingOccurrences(of: "\n", with: "\n" + pad)
    }
}

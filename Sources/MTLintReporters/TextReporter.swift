import ICUText
import MTLintCore

/// The default output: one header line per finding, the source line with the span
/// underlined, and the proposed fix; a summary at the end.
///
///     article.txt:14:115: warning [quotes/spacing] Quotation mark: the space is before the closing mark instead of after it; write `immediately,” he`.
///        |
///     14 | …return to the table immediately, ”he said at a press point after the talks.
///        |                                  ^^
///        = fix (safe): replace “ ”” with “” ”
public struct TextReporter: StreamingReporter, Sendable {
    public var style: TextStyle
    /// Source excerpts are cut to about this many display columns around the span.
    public var width: Int
    private var totals = RunTotals()

    public init(style: TextStyle, width: Int = 100) {
        self.style = style
        self.width = width
    }

    public func start() -> String { "" }

    public func body(of file: FileReport) -> String? {
        var out = ""
        for item in file.items { out += render(item, path: file.path) + "\n" }
        return out
    }

    public mutating func add(_ file: FileReport, body: String?) -> String {
        totals.add(file)
        return body ?? self.body(of: file) ?? ""
    }

    public func finish() -> String { summary(totals) }

    public func render(_ item: FileReport.Item, path: String) -> String {
        let f = item.finding
        // The header is the concise format's line.
        var out = ConciseReporter(style: style).line(item, path: path) + "\n"
        let gutter = String(item.range.start.line)
        let pad = String(repeating: " ", count: gutter.count)
        let (excerpt, caretOffset, caretWidth) = window(item)
        out += style.dim("\(pad) |") + "\n"
        out += style.dim("\(gutter) |") + " \(excerpt)\n"
        out += style.dim("\(pad) |") + " " + String(repeating: " ", count: caretOffset) + style.red(String(repeating: "^", count: max(caretWidth, 1)))
        if let fix = f.fix, let action = FixDescription.action(of: item) {
            out += "\n" + style.dim("\(pad) =") + " " + style.green("fix (\(fix.applicability.rawValue)): \(action)")
        }
        return out
    }

    /// Newlines and tabs shown as symbols so a text stays on one line.
    func visible(_ s: String) -> String { FixDescription.visible(s) }

    /// The part of the source line to show, the caret's display offset and width.
    func window(_ item: FileReport.Item) -> (String, Int, Int) {
        let scalars = Array(item.sourceLine.unicodeScalars)
        let start = min(max(item.range.start.column - 1 - item.sourceLineStart, 0), scalars.count)
        let end = item.range.end.line == item.range.start.line ? min(max(item.range.end.column - 1 - item.sourceLineStart, start), scalars.count) : scalars.count
        // Display columns before each scalar, computed once: the window moves over sums.
        var before = [0]
        before.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            let width = scalar == "\t" ? 1 : (scalar.isASCII ? 1 : CharacterProperties.displayWidth(scalar.value))
            before.append((before.last ?? 0) + width)
        }
        func columns(_ range: Range<Int>) -> Int { before[range.upperBound] - before[range.lowerBound] }
        var from = 0, to = scalars.count
        // A line that fits is shown whole; a longer one keeps about a third of the width
        // before the span and the rest after it.
        if columns(0..<scalars.count) > width {
            while columns(from..<start) > width / 3 { from += 1 }
        }
        while to > end, columns(from..<to) > width { to -= 1 }
        let lead = from > 0 || item.sourceLineStart > 0 ? "…" : ""
        let tail = to < scalars.count ? "…" : ""
        let shown = lead + String(String.UnicodeScalarView(scalars[from..<to].map { $0 == "\t" ? " " : $0 })) + tail
        return (shown, columns(from..<start) + (lead.isEmpty ? 0 : 1), columns(start..<max(start, min(end, to))))
    }

    /// `Found 3 artifacts in 1 file. 2 fixable with `mtlint fix`.` (or that nothing was found).
    public func summary(_ totals: RunTotals) -> String {
        guard totals.findings > 0 else { return style.green("No artifacts found.") + "\n" }
        let noun = totals.findings == 1 ? "artifact" : "artifacts"
        let files = totals.filesWithFindings
        var line = "Found \(totals.findings) \(noun) in \(files) \(files == 1 ? "file" : "files")."
        if totals.safeFixes > 0 { line += " \(totals.safeFixes) fixable with `mtlint fix`." }
        if totals.unsafeFixes > 0 { line += " \(totals.unsafeFixes) more with `mtlint fix --unsafe-fixes`." }
        return style.bold(line) + "\n"
    }
}

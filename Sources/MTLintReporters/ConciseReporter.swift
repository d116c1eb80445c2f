import MTLintCore

/// `--format concise`: one line per finding, the shape editors' problem matchers and `grep`
/// expect, then the summary line the text format ends with.
///
///     article.txt:14:115: warning [quotes/spacing] Quotation mark: the space is before the closing mark instead of after it; write `immediately,” he`.
public struct ConciseReporter: StreamingReporter, Sendable {
    public var style: TextStyle
    private var totals = RunTotals()

    public init(style: TextStyle = TextStyle(enabled: false)) {
        self.style = style
    }

    public func start() -> String { "" }

    public func body(of file: FileReport) -> String? {
        var out = ""
        for item in file.items { out += line(item, path: file.path) + "\n" }
        return out
    }

    public mutating func add(_ file: FileReport, body: String?) -> String {
        totals.add(file)
        return body ?? self.body(of: file) ?? ""
    }

    public func finish() -> String { TextReporter(style: style).summary(totals) }

    /// `path:line:col: severity [rule-id] message`, with any line break in the message shown
    /// as ⏎ so the finding stays on one line.
    public func line(_ item: FileReport.Item, path: String) -> String {
        let f = item.finding
        let severity: String
        switch f.severity {
        case .error: severity = style.red("error")
        case .warning: severity = style.yellow("warning")
        case .info: severity = style.blue("info")
        }
        let text = TextReporter(style: style)
        let location = "\(text.visible(path)):\(item.range.start.line):\(item.range.start.column):"
        return "\(style.bold(location)) \(severity) \(style.cyan("[\(f.ruleID)]")) \(text.visible(f.message))"
    }
}

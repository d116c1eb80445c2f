import MTLintCore

/// `--format github`: GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's files:
///
///     ::warning file=article.txt,line=14,col=115,endLine=14,endColumn=117,title=quotes/spacing::Quotation mark: the space is before …
///
/// `error` findings become `::error`, `warning` `::warning`, `info` `::notice`. Columns are
/// Unicode-scalar columns, `endColumn` exclusive as in every other format.
public struct GitHubReporter: StreamingReporter, Sendable {
    public init() {}

    public func start() -> String { "" }

    public func body(of file: FileReport) -> String? {
        var out = ""
        for item in file.items { out += command(item, path: file.path) + "\n" }
        return out
    }

    public func add(_ file: FileReport, body: String?) -> String { body ?? self.body(of: file) ?? "" }

    public func finish() -> String { "" }

    public func command(_ item: FileReport.Item, path: String) -> String {
        let f = item.finding
        let name: String
        switch f.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .info: name = "notice"
        }
        let r = item.range
        let properties = [
            ("file", path), ("line", String(r.start.line)), ("col", String(r.start.column)),
            ("endLine", String(r.end.line)), ("endColumn", String(r.end.column)), ("title", f.ruleID),
        ]
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(Self.escapeData(f.message))"
    }

    /// The escaping of the command's message (the actions toolkit's `escapeData`).
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The escaping of a property value (`escapeProperty`): also `:` and `,`, which end
    /// the value otherwise.
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for scalar in escapeData(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import MTLintCore

/// `--format json`: one JSON array of findings. Columns are 1-based Unicode-scalar columns,
/// ends are exclusive, byte offsets count from the start of the file (BOM included).
public struct JSONReporter: StreamingReporter {
    private var array = PrettyJSONArray(indent: 0)

    public init() {}

    /// One finding as a JSON object, keys sorted; `fix` is null when there is none.
    static func json(_ item: FileReport.Item, path: String) -> JSONValue {
        let f = item.finding
        let fix: JSONValue = f.fix.map { fix in
            .object([
                ("applicability", .string(fix.applicability.rawValue)),
                ("edits", .array(item.edits.map { edit in
                    .object([
                        ("byteLength", .int(edit.range.byteLength)), ("byteOffset", .int(edit.range.start.byteOffset)),
                        ("column", .int(edit.range.start.column)), ("endColumn", .int(edit.range.end.column)),
                        ("endLine", .int(edit.range.end.line)), ("line", .int(edit.range.start.line)),
                        ("replacement", .string(edit.replacement)),
                    ])
                })),
            ])
        } ?? .null
        return .object([
            ("byteLength", .int(item.range.byteLength)), ("byteOffset", .int(item.range.start.byteOffset)),
            ("category", .string(f.category.rawValue)), ("column", .int(item.range.start.column)),
            ("endColumn", .int(item.range.end.column)), ("endLine", .int(item.range.end.line)), ("fix", fix),
            ("line", .int(item.range.start.line)), ("message", .string(f.message)), ("path", .string(path)),
            ("rule", .string(f.ruleID)), ("severity", .string(f.severity.rawValue)),
        ])
    }

    public func start() -> String { PrettyJSONArray.opening }

    /// The file's records, each indented as an element, joined by commas.
    public func body(of file: FileReport) -> String? {
        file.items.map { "  " + Self.json($0, path: file.path).pretty(indent: 2) }.joined(separator: ",\n")
    }

    public mutating func add(_ file: FileReport, body: String?) -> String {
        guard !file.items.isEmpty, let body = body ?? self.body(of: file) else { return "" }
        return array.append(rendered: body, count: file.items.count)
    }

    public func finish() -> String { array.closing() + "\n" }
}

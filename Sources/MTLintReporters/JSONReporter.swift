import Foundation
import MTLintCore

/// `--format json`: one JSON array of findings. Columns are 1-based Unicode-scalar columns,
/// ends are exclusive, byte offsets count from the start of the file (BOM included).
public struct JSONReporter: StreamingReporter {
    private var array = PrettyJSONArray(indent: 0)

    public init() {}

    struct EditRecord: Codable {
        var line, column, endLine, endColumn, byteOffset, byteLength: Int
        var replacement: String
    }

    struct FixRecord: Codable {
        var applicability: String
        var edits: [EditRecord]
    }

    struct FindingRecord: Codable {
        var path, rule, category, severity, message: String
        var line, column, endLine, endColumn, byteOffset, byteLength: Int
        var fix: FixRecord?

        enum CodingKeys: String, CodingKey {
            case path, rule, category, severity, message, line, column, endLine, endColumn, byteOffset, byteLength, fix
        }

        /// Written by hand so that a finding without a fix says `"fix": null` (the synthesized
        /// encoder would leave the key out); keys come out sorted.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(rule, forKey: .rule)
            try c.encode(category, forKey: .category)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(endLine, forKey: .endLine)
            try c.encode(endColumn, forKey: .endColumn)
            try c.encode(byteOffset, forKey: .byteOffset)
            try c.encode(byteLength, forKey: .byteLength)
            try c.encode(fix, forKey: .fix)  // null when there is none
        }
    }

    static func record(_ item: FileReport.Item, path: String) -> FindingRecord {
        let f = item.finding
        let fix = f.fix.map { fix in
            FixRecord(applicability: fix.applicability.rawValue, edits: item.edits.map {
                EditRecord(line: $0.range.start.line, column: $0.range.start.column, endLine: $0.range.end.line,
                           endColumn: $0.range.end.column, byteOffset: $0.range.start.byteOffset,
                           byteLength: $0.range.byteLength, replacement: $0.replacement)
            })
        }
        return FindingRecord(path: path, rule: f.ruleID, category: f.category.rawValue, severity: f.severity.rawValue,
                             message: f.message, line: item.range.start.line, column: item.range.start.column,
                             endLine: item.range.end.line, endColumn: item.range.end.column,
                             byteOffset: item.range.start.byteOffset, byteLength: item.range.byteLength, fix: fix)
    }

    public func start() -> String { PrettyJSONArray.opening }

    public mutating func add(_ file: FileReport) -> String {
        var out = ""
        for item in file.items { out += array.element(Self.record(item, path: file.path)) }
        return out
    }

    public func finish() -> String { array.closing() + "\n" }
}

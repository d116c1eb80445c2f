import Foundation
import MTLintCore

/// `--format sarif`: a SARIF 2.1.0 log with one run. The driver lists every loaded rule with
/// its summary and its `why` as help; each result points at its region in Unicode code-point
/// columns (`columnKind: unicodeCodePoints`, `endColumn` exclusive as SARIF defines it) and
/// in bytes, and carries the rule's fix as byte-range replacements.
public struct SARIFReporter: StreamingReporter {
    /// What SARIF needs to know about a rule.
    public struct RuleInfo: Sendable {
        public var id: String
        public var summary: String
        public var why: String
        public var severity: Severity
        public var category: Category

        public init(id: String, summary: String, why: String, severity: Severity, category: Category) {
            self.id = id
            self.summary = summary
            self.why = why
            self.severity = severity
            self.category = category
        }

        public init(_ rule: Rule) {
            self.init(id: rule.id, summary: rule.summary, why: rule.why, severity: rule.severity, category: rule.category)
        }
    }

    /// Where people read about mtlint (`tool.driver.informationUri`).
    public static let informationURI = "https://github.com/mtlint/mtlint"

    public var rules: [RuleInfo]
    public var toolVersion: String
    /// The rules results point at: `rules`, then any other rule a finding names.
    private var infos: [RuleInfo]
    private var indexByID: [String: Int] = [:]
    /// The results array, written result by result.
    private var results = PrettyJSONArray(indent: Self.resultsIndent)

    public init(rules: [RuleInfo], toolVersion: String) {
        self.rules = rules
        self.toolVersion = toolVersion
        infos = rules
        for (index, info) in rules.enumerated() where indexByID[info.id] == nil { indexByID[info.id] = index }
    }

    public init(rules: [Rule], toolVersion: String) {
        self.init(rules: rules.map(RuleInfo.init), toolVersion: toolVersion)
    }

    // MARK: The SARIF object model (the parts mtlint fills)

    struct Log: Codable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Codable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct Tool: Codable { var driver: Driver }

    struct Driver: Codable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct Message: Codable { var text: String }

    struct ReportingDescriptor: Codable {
        var id: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Codable { var level: String }

    struct RuleProperties: Codable {
        var category: String
        var tags: [String]
    }

    struct Result: Codable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var fixes: [SARIFFix]?
        var properties: ResultProperties
    }

    struct ResultProperties: Codable { var category: String }

    struct Location: Codable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Codable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Codable { var uri: String }

    struct Region: Codable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var byteOffset: Int
        var byteLength: Int
    }

    struct SARIFFix: Codable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Codable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Codable {
        var deletedRegion: ByteRegion
        var insertedContent: ArtifactContent
    }

    struct ByteRegion: Codable {
        var byteOffset: Int
        var byteLength: Int
    }

    struct ArtifactContent: Codable { var text: String }

    // MARK: Rendering

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The log around its results: `runs[0].results` comes before `tool` (keys are sorted), so
    /// the text before the results is written first and the rules, which findings may add to,
    /// after the last result.
    func log() -> Log {
        let descriptors = infos.map { info in
            ReportingDescriptor(
                id: info.id,
                shortDescription: Message(text: info.summary),
                fullDescription: Message(text: info.why),
                help: Message(text: info.why),
                defaultConfiguration: Configuration(level: Self.level(info.severity)),
                properties: RuleProperties(category: info.category.rawValue, tags: [info.category.rawValue]))
        }
        let driver = Driver(name: "mtlint", version: toolVersion, informationUri: Self.informationURI, rules: descriptors)
        return Log(runs: [Run(tool: Tool(driver: driver), results: [])])
    }

    /// Where the (empty) results array of `log()` opens in its pretty-printed text.
    static let resultsKey = "\"results\" : [\n"
    /// The results array's indentation: `{` › `runs` › `[` › `{` › `results`.
    static let resultsIndent = 6

    /// The log's text before the results and after them (without the empty array's closing).
    func logParts() -> (before: String, after: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log()) else { return ("{}\n", "") }
        let text = String(decoding: data, as: UTF8.self)
        let closing = "\n" + String(repeating: " ", count: Self.resultsIndent) + "]"
        guard let key = text.range(of: Self.resultsKey), let end = text.range(of: closing, range: key.upperBound..<text.endIndex)
        else { return (text + "\n", "") }
        return (String(text[..<key.upperBound]), String(text[end.upperBound...]) + "\n")
    }

    public func start() -> String { logParts().before }

    /// Results name their rule's index, which a finding of an unlisted rule only gets here:
    /// SARIF renders in `add`.
    public func body(of file: FileReport) -> String? { nil }

    public mutating func add(_ file: FileReport, body: String?) -> String {
        let uri = Self.uri(forPath: file.path)
        var out = ""
        for item in file.items {
            let f = item.finding
            if indexByID[f.ruleID] == nil {
                // A finding of a rule the caller did not list (one made by code rather than
                // loaded from a file) still gets a descriptor, so every ruleIndex is valid.
                indexByID[f.ruleID] = infos.count
                infos.append(RuleInfo(id: f.ruleID, summary: f.message, why: f.message, severity: f.severity, category: f.category))
            }
            out += results.element(result(item, uri: uri))
        }
        return out
    }

    public func finish() -> String { results.closing() + logParts().after }

    func result(_ item: FileReport.Item, uri: String) -> Result {
        let f = item.finding
        let r = item.range
        let region = Region(startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line,
                            endColumn: r.end.column, byteOffset: r.start.byteOffset, byteLength: r.byteLength)
        var fixes: [SARIFFix]?
        if let fix = f.fix {
            let replacements = item.edits.map {
                Replacement(deletedRegion: ByteRegion(byteOffset: $0.range.start.byteOffset, byteLength: $0.range.byteLength),
                            insertedContent: ArtifactContent(text: $0.replacement))
            }
            let description = fix.deletesLines ? "Delete this line (\(fix.applicability.rawValue) fix)"
                : "Apply the \(fix.applicability.rawValue) fix"
            fixes = [SARIFFix(description: Message(text: description),
                              artifactChanges: [ArtifactChange(artifactLocation: ArtifactLocation(uri: uri),
                                                               replacements: replacements)])]
        }
        return Result(
            ruleId: f.ruleID, ruleIndex: indexByID[f.ruleID] ?? 0, level: Self.level(f.severity),
            message: Message(text: f.message),
            locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri), region: region))],
            fixes: fixes, properties: ResultProperties(category: f.category.rawValue))
    }

    /// A path as a URI reference: relative paths stay relative (SARIF consumers resolve them
    /// against the checkout), absolute ones become `file://` URIs; everything outside the
    /// unreserved characters and `/` is percent-encoded as UTF-8.
    public static func uri(forPath path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if isUnreserved {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}

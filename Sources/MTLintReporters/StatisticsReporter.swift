import Foundation
import MTLintCore

/// `--statistics`: instead of the findings, how many there are per rule and per category, and
/// per file the artifact density (findings per 1,000 words). Text for the text-like formats,
/// one JSON object for `json` and `jsonl`.
///
///     count  rule                        category     fixable
///         2  boilerplate/page-furniture  boilerplate  2 safe
///
///     count  category
///         2  boilerplate
///
///     findings  words  per 1,000 words  file
///            2    212             9.43  article.txt
public struct StatisticsReporter: StreamingReporter, Sendable {
    public struct RuleCount: Codable, Sendable, Equatable {
        public var rule: String
        public var category: String
        public var count: Int
        public var safeFixes: Int
        public var unsafeFixes: Int
    }

    public struct CategoryCount: Codable, Sendable, Equatable {
        public var category: String
        public var count: Int
    }

    public struct FileDensity: Codable, Sendable, Equatable {
        public var path: String
        public var findings: Int
        public var words: Int
        /// Findings per 1,000 words, rounded to two decimals; nil for a file without words.
        public var perThousandWords: Double?

        enum CodingKeys: String, CodingKey { case path, findings, words, perThousandWords }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(findings, forKey: .findings)
            try c.encode(words, forKey: .words)
            try c.encode(perThousandWords, forKey: .perThousandWords)  // null when there are no words
        }
    }

    public struct Statistics: Codable, Sendable, Equatable {
        public var total: Int
        public var rules: [RuleCount]
        public var categories: [CategoryCount]
        public var files: [FileDensity]
    }

    public var style: TextStyle
    /// One JSON object instead of the tables.
    public var json: Bool
    private var tally = Tally()

    public init(style: TextStyle = TextStyle(enabled: false), json: Bool = false) {
        self.style = style
        self.json = json
    }

    /// The counts so far, file by file (a later part of a large file adds to its file's row).
    struct Tally: Sendable {
        var rules: [String: RuleCount] = [:]
        var categories: [String: Int] = [:]
        var files: [(path: String, findings: Int, words: Int)] = []
        var totals = RunTotals()

        mutating func add(_ file: FileReport) {
            totals.add(file)
            for item in file.items {
                let f = item.finding
                var entry = rules[f.ruleID] ?? RuleCount(rule: f.ruleID, category: f.category.rawValue, count: 0, safeFixes: 0, unsafeFixes: 0)
                entry.count += 1
                switch f.fix?.applicability {
                case .safe: entry.safeFixes += 1
                case .unsafe: entry.unsafeFixes += 1
                case nil: break
                }
                rules[f.ruleID] = entry
                categories[f.category.rawValue, default: 0] += 1
            }
            if file.isContinuation, let last = files.indices.last, files[last].path == file.path {
                files[last].findings += file.items.count
                files[last].words += file.wordCount
            } else {
                files.append((file.path, file.items.count, file.wordCount))
            }
        }

        /// Rules and categories by count (most first), then by name; files in report order.
        var statistics: Statistics {
            let densities = files.map { file in
                FileDensity(path: file.path, findings: file.findings, words: file.words,
                            perThousandWords: file.words > 0 ? (Double(file.findings) * 1000 / Double(file.words) * 100).rounded() / 100 : nil)
            }
            return Statistics(
                total: totals.findings,
                rules: rules.values.sorted { ($1.count, $0.rule) < ($0.count, $1.rule) },
                categories: categories.map { CategoryCount(category: $0.key, count: $0.value) }.sorted { ($1.count, $0.category) < ($0.count, $1.category) },
                files: densities)
        }
    }

    /// A whole run's statistics.
    public static func statistics(_ report: RunReport) -> Statistics {
        var tally = Tally()
        for file in report.files { tally.add(file) }
        return tally.statistics
    }

    public func start() -> String { "" }

    public func body(of file: FileReport) -> String? { "" }

    public mutating func add(_ file: FileReport, body: String?) -> String {
        tally.add(file)
        return ""
    }

    public func finish() -> String { json ? renderJSON(tally.statistics) : renderText(tally.statistics) }

    func renderJSON(_ statistics: Statistics) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(statistics) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func renderText(_ stats: Statistics) -> String {
        var out = ""
        if !stats.rules.isEmpty {
            out += table(header: ["count", "rule", "category", "fixable"], rightAligned: [0], rows: stats.rules.map { rule in
                var fixable: [String] = []
                if rule.safeFixes > 0 { fixable.append("\(rule.safeFixes) safe") }
                if rule.unsafeFixes > 0 { fixable.append("\(rule.unsafeFixes) unsafe") }
                return [String(rule.count), rule.rule, rule.category, fixable.isEmpty ? "-" : fixable.joined(separator: ", ")]
            })
            out += "\n"
            out += table(header: ["count", "category"], rightAligned: [0], rows: stats.categories.map { [String($0.count), $0.category] })
            out += "\n"
        }
        if !stats.files.isEmpty {
            out += table(header: ["findings", "words", "per 1,000 words", "file"], rightAligned: [0, 1, 2], rows: stats.files.map { file in
                [String(file.findings), String(file.words), file.perThousandWords.map(Self.twoDecimals) ?? "-", file.path]
            })
            out += "\n"
        }
        out += TextReporter(style: style).summary(tally.totals)
        return out
    }

    /// `9.43`, `25.00`: fixed two decimals without Foundation's locale-dependent formatting.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Columns padded to their widest cell (in Unicode scalars), two spaces apart; the last
    /// column is not padded.
    func table(header: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].unicodeScalars.count }.max() ?? 0 }
        var out = ""
        for (number, row) in all.enumerated() {
            let cells = row.enumerated().map { column, cell -> String in
                let padding = String(repeating: " ", count: widths[column] - cell.unicodeScalars.count)
                if rightAligned.contains(column) { return padding + cell }
                return column == row.count - 1 ? cell : cell + padding
            }
            let line = cells.joined(separator: "  ")
            out += (number == 0 ? style.bold(line) : line) + "\n"
        }
        return out
    }
}

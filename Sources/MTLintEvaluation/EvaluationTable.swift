import MTLintCore

/// `mtlint eval` as text: the per-category table, the mechanical summary, the per-rule table
/// (worst precision first, so the rule that cries wolf is named), and on request the misses and
/// the false alarms with file, line and excerpt.
public enum EvaluationTable {
    public struct Listings: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let missed = Listings(rawValue: 1)
        public static let falseAlarms = Listings(rawValue: 2)
    }

    public static func render(_ evaluation: Evaluation, listings: Listings = []) -> String {
        var out = ""
        let summary = evaluation.summary
        out += "\(evaluation.excerpts) excerpts, \(summary.annotations) annotations, \(summary.findings) findings\n\n"
        var table = [["category", "annotations", "found", "recall", "findings", "precision", "fixes right"]]
        for row in evaluation.categories {
            table.append([row.category.rawValue + (Evaluation.mechanicalCategories.contains(row.category) ? "" : " *"),
                          String(row.annotations), String(row.found), figure(row.recall), String(row.findings),
                          figure(row.precision), "\(row.fixesRight)/\(row.fixesExpected)"])
        }
        out += columns(table, rightAligned: 1...6)
        out += "* not in the mechanical figures\n\n"
        out += "mechanical recall        \(figure(summary.mechanicalRecall)) (\(summary.mechanicalFound) of \(summary.mechanicalAnnotations))\n"
        out += "precision                \(figure(summary.precision)) (\(summary.falseAlarms) false alarm\(summary.falseAlarms == 1 ? "" : "s") in \(summary.findings) findings)\n"
        out += "mechanical fix accuracy  \(figure(summary.mechanicalFixAccuracy))\n"
        out += "calque recall            \(figure(summary.calqueRecall))\n"
        if !evaluation.rules.isEmpty {
            out += "\n"
            var rules = [["rule", "findings", "right", "precision"]]
            let ordered = evaluation.rules.sorted {
                ($0.precision ?? 1, -$0.findings, $0.rule) < ($1.precision ?? 1, -$1.findings, $1.rule)
            }
            for row in ordered { rules.append([row.rule, String(row.findings), String(row.right), figure(row.precision)]) }
            out += columns(rules, rightAligned: 1...3)
        }
        if listings.contains(.missed) {
            out += "\nmissed (\(evaluation.missed.count)):\n"
            for miss in evaluation.missed {
                out += "\(miss.file):\(miss.line): \(miss.category.rawValue): \(quoted(miss.text))\n"
            }
        }
        if listings.contains(.falseAlarms) {
            out += "\nfalse alarms (\(evaluation.falseAlarms.count)):\n"
            for alarm in evaluation.falseAlarms {
                out += "\(alarm.file):\(alarm.finding.line):\(alarm.finding.column): [\(alarm.finding.rule)] \(quoted(alarm.excerpt))\n"
            }
        }
        return out
    }

    /// A ratio with three decimals, or `-` when undefined.
    static func figure(_ value: Double?) -> String {
        guard let value else { return "-" }
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// Text shown between “ ” on one line, cut to 100 characters.
    static func quoted(_ text: String) -> String {
        let flat = String(text.map { $0 == "\n" ? " " : $0 })
        let scalars = flat.unicodeScalars
        guard scalars.count > 100 else { return "“\(flat)”" }
        var cut = ""
        cut.unicodeScalars.append(contentsOf: scalars.prefix(100))
        return "“\(cut)…”"
    }

    /// Rows padded into columns (widths in characters), two spaces apart.
    static func columns(_ rows: [[String]], rightAligned: ClosedRange<Int>) -> String {
        guard let width = rows.first?.count else { return "" }
        let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").withoutTrailingSpaces
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    var withoutTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

import Foundation
import MTLintCore

/// `mtlint eval --format json`: one object with `summary`, `categories`, `rules`, `missed` and
/// `false_alarms`; ratios rounded to three decimals, `null` where undefined.
public enum EvaluationJSON {
    struct Document: Encodable {
        var summary: Summary
        var categories: [CategoryRow]
        var rules: [RuleRow]
        var missed: [Miss]
        var falseAlarms: [FalseAlarm]

        enum CodingKeys: String, CodingKey {
            case summary, categories, rules, missed
            case falseAlarms = "false_alarms"
        }
    }

    struct Summary: Encodable {
        var mechanicalRecall: Double?
        var precision: Double?
        var mechanicalFixAccuracy: Double?
        var calqueRecall: Double?
        var findings: Int
        var falseAlarms: Int
        var excerpts: Int
        var annotations: Int

        enum CodingKeys: String, CodingKey {
            case mechanicalRecall = "mechanical_recall", precision, mechanicalFixAccuracy = "mechanical_fix_accuracy"
            case calqueRecall = "calque_recall", findings, falseAlarms = "false_alarms", excerpts, annotations
        }

        // Undefined ratios are written as null, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mechanicalRecall, forKey: .mechanicalRecall)
            try container.encode(precision, forKey: .precision)
            try container.encode(mechanicalFixAccuracy, forKey: .mechanicalFixAccuracy)
            try container.encode(calqueRecall, forKey: .calqueRecall)
            try container.encode(findings, forKey: .findings)
            try container.encode(falseAlarms, forKey: .falseAlarms)
            try container.encode(excerpts, forKey: .excerpts)
            try container.encode(annotations, forKey: .annotations)
        }
    }

    struct CategoryRow: Encodable {
        var category: String
        var annotations: Int
        var found: Int
        var recall: Double?
        var findings: Int
        var precision: Double?
        var fixesRight: Int
        var fixesExpected: Int

        enum CodingKeys: String, CodingKey {
            case category, annotations, found, recall, findings, precision
            case fixesRight = "fixes_right", fixesExpected = "fixes_expected"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category, forKey: .category)
            try container.encode(annotations, forKey: .annotations)
            try container.encode(found, forKey: .found)
            try container.encode(recall, forKey: .recall)
            try container.encode(findings, forKey: .findings)
            try container.encode(precision, forKey: .precision)
            try container.encode(fixesRight, forKey: .fixesRight)
            try container.encode(fixesExpected, forKey: .fixesExpected)
        }
    }

    struct RuleRow: Encodable {
        var rule: String
        var findings: Int
        var right: Int
        var precision: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(findings, forKey: .findings)
            try container.encode(right, forKey: .right)
            try container.encode(precision, forKey: .precision)
        }

        enum CodingKeys: String, CodingKey { case rule, findings, right, precision }
    }

    struct Miss: Encodable {
        var file: String
        var line: Int
        var category: String
        var text: String
    }

    struct FalseAlarm: Encodable {
        var file: String
        var line: Int
        var column: Int
        var category: String
        var rule: String
        var excerpt: String
    }

    /// The JSON text (pretty-printed, keys sorted, ending with a line break).
    public static func render(_ evaluation: Evaluation) -> String {
        let summary = evaluation.summary
        let document = Document(
            summary: Summary(mechanicalRecall: summary.mechanicalRecall, precision: summary.precision,
                             mechanicalFixAccuracy: summary.mechanicalFixAccuracy, calqueRecall: summary.calqueRecall,
                             findings: summary.findings, falseAlarms: summary.falseAlarms, excerpts: evaluation.excerpts,
                             annotations: summary.annotations),
            categories: evaluation.categories.map {
                CategoryRow(category: $0.category.rawValue, annotations: $0.annotations, found: $0.found, recall: $0.recall,
                            findings: $0.findings, precision: $0.precision, fixesRight: $0.fixesRight, fixesExpected: $0.fixesExpected)
            },
            rules: evaluation.rules.map { RuleRow(rule: $0.rule, findings: $0.findings, right: $0.right, precision: $0.precision) },
            missed: evaluation.missed.map { Miss(file: $0.file, line: $0.line, category: $0.category.rawValue, text: $0.text) },
            falseAlarms: evaluation.falseAlarms.map {
                FalseAlarm(file: $0.file, line: $0.finding.line, column: $0.finding.column, category: $0.finding.category.rawValue,
                           rule: $0.finding.rule, excerpt: $0.excerpt)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and nulls cannot fail.
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

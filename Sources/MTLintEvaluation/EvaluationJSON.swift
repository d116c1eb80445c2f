import Foundation
import MTLintCore

/// `mtlint eval --format json`: one object with `summary`, `categories`, `rules`, `missed` and
/// `false_alarms`; ratios rounded to three decimals, `null` where undefined.
public enum EvaluationJSON {
    /// A ratio that may be undefined: written as a number, or as `null` rather than left out
    /// (as the synthesized encoding leaves out optionals).
    struct Ratio: Encodable {
        var value: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

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
        var mechanicalRecall: Ratio
        var precision: Ratio
        var mechanicalFixAccuracy: Ratio
        var calqueRecall: Ratio
        var findings: Int
        var falseAlarms: Int
        var excerpts: Int
        var annotations: Int

        enum CodingKeys: String, CodingKey {
            case mechanicalRecall = "mechanical_recall", precision, mechanicalFixAccuracy = "mechanical_fix_accuracy"
            case calqueRecall = "calque_recall", findings, falseAlarms = "false_alarms", excerpts, annotations
        }

    }

    struct CategoryRow: Encodable {
        var category: String
        var annotations: Int
        var found: Int
        var recall: Ratio
        var findings: Int
        var precision: Ratio
        var fixesRight: Int
        var fixesExpected: Int

        enum CodingKeys: String, CodingKey {
            case category, annotations, found, recall, findings, precision
            case fixesRight = "fixes_right", fixesExpected = "fixes_expected"
        }
    }

    struct RuleRow: Encodable {
        var rule: String
        var findings: Int
        var right: Int
        var precision: Ratio

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
            summary: Summary(mechanicalRecall: Ratio(value: summary.mechanicalRecall), precision: Ratio(value: summary.precision),
                             mechanicalFixAccuracy: Ratio(value: summary.mechanicalFixAccuracy), calqueRecall: Ratio(value: summary.calqueRecall),
                             findings: summary.findings, falseAlarms: summary.falseAlarms, excerpts: evaluation.excerpts,
                             annotations: summary.annotations),
            categories: evaluation.categories.map {
                CategoryRow(category: $0.category.rawValue, annotations: $0.annotations, found: $0.found, recall: Ratio(value: $0.recall),
                            findings: $0.findings, precision: Ratio(value: $0.precision), fixesRight: $0.fixesRight, fixesExpected: $0.fixesExpected)
            },
            rules: evaluation.rules.map { RuleRow(rule: $0.rule, findings: $0.findings, right: $0.right, precision: Ratio(value: $0.precision)) },
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

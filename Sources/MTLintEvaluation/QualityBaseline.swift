import Foundation
import MTLintCore

/// The quality ratchet: the figures of the last commit on an annotated set, and the check that a
/// change did not lower them. Mechanical recall, precision, and each category's recall may not
/// drop by more than `tolerance`; a change that raises them writes the new figures.
public struct QualityBaseline: Codable, Sendable, Equatable {
    public struct Figures: Codable, Sendable, Equatable {
        public var recall: Double?
        public var precision: Double?
    }

    /// What the figures were measured on (for people reading the file).
    public var set: String
    public var mechanicalRecall: Double?
    public var precision: Double?
    public var mechanicalFixAccuracy: Double?
    public var calqueRecall: Double?
    public var findings: Int
    public var falseAlarms: Int
    public var categories: [String: Figures]

    enum CodingKeys: String, CodingKey {
        case set, precision, findings, categories
        case mechanicalRecall = "mechanical_recall", mechanicalFixAccuracy = "mechanical_fix_accuracy"
        case calqueRecall = "calque_recall", falseAlarms = "false_alarms"
    }

    /// The largest drop a figure may take before the check fails (rounding noise, not a trend).
    public static let tolerance = 0.005

    public init(_ evaluation: Evaluation, set: String) {
        self.set = set
        let summary = evaluation.summary
        mechanicalRecall = summary.mechanicalRecall
        precision = summary.precision
        mechanicalFixAccuracy = summary.mechanicalFixAccuracy
        calqueRecall = summary.calqueRecall
        findings = summary.findings
        falseAlarms = summary.falseAlarms
        categories = Dictionary(uniqueKeysWithValues: evaluation.categories.map {
            ($0.category.rawValue, Figures(recall: $0.recall, precision: $0.precision))
        })
    }

    public static func decode(_ data: Data) throws -> QualityBaseline {
        try JSONDecoder().decode(QualityBaseline.self, from: data)
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// A figure that fell.
    public struct Drop: Sendable, Equatable, CustomStringConvertible {
        public var figure: String
        public var baseline: Double
        public var now: Double?
        public var description: String {
            "\(figure) fell from \(EvaluationTable.figure(baseline)) to \(EvaluationTable.figure(now))"
        }
    }

    /// The figures of `evaluation` that fell more than `tolerance` below this baseline's.
    public func drops(in evaluation: Evaluation, tolerance: Double = QualityBaseline.tolerance) -> [Drop] {
        var drops: [Drop] = []
        func check(_ name: String, _ before: Double?, _ after: Double?) {
            guard let before else { return }
            if (after ?? 0) < before - tolerance - 1e-9 { drops.append(Drop(figure: name, baseline: before, now: after)) }
        }
        let summary = evaluation.summary
        check("mechanical recall", mechanicalRecall, summary.mechanicalRecall)
        // No finding at all is not a precision of zero, but it is not a gain either: it is
        // caught by the recall figures.
        if summary.findings > 0 { check("precision", precision, summary.precision) }
        for (name, figures) in categories.sorted(by: { $0.key < $1.key }) {
            let row = Category(rawValue: name).map(evaluation.row)
            check("\(name) recall", figures.recall, row?.recall)
        }
        return drops
    }
}

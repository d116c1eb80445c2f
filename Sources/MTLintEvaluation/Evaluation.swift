import Foundation
import MTLintCore

/// The scores of a rule set on annotated excerpts: per category, per rule, the mechanical
/// summary, and what was missed or flagged wrongly. Ratios are nil where undefined (nothing
/// to find, no finding, no fix expected).
public struct Evaluation: Sendable {
    /// The categories the mechanical figures cover: artifacts a rule can find and fix without
    /// judging meaning (calques, `other`, spacing and punctuation slips are scored apart).
    public static let mechanicalCategories: [Category] = [
        .quoteSpacing, .quoteUnbalanced, .quoteStyleMixed, .brokenQuoteSplit, .captionSlug, .photoCredit,
        .boilerplate, .gluedWords, .truncatedTitle, .frenchTypography, .numberFormat, .nbsp,
    ]

    public struct CategoryRow: Sendable, Equatable {
        public var category: Category
        public var annotations: Int
        public var found: Int
        public var findings: Int
        /// Findings of this category that are right.
        public var rightFindings: Int
        public var fixesRight: Int
        public var fixesExpected: Int

        public var recall: Double? { Evaluation.ratio(found, annotations) }
        public var precision: Double? { Evaluation.ratio(rightFindings, findings) }
    }

    public struct RuleRow: Sendable, Equatable {
        public var rule: String
        public var findings: Int
        public var right: Int
        public var precision: Double? { Evaluation.ratio(right, findings) }
    }

    public struct Summary: Sendable, Equatable {
        public var mechanicalRecall: Double?
        public var precision: Double?
        public var mechanicalFixAccuracy: Double?
        public var calqueRecall: Double?
        public var findings: Int
        public var falseAlarms: Int
        public var annotations: Int
        public var mechanicalAnnotations: Int
        public var mechanicalFound: Int
    }

    public struct Miss: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var category: Category
        public var text: String
    }

    public struct FalseAlarm: Sendable, Hashable {
        public var file: String
        public var finding: ScoredFinding
        public var excerpt: String
    }

    /// Sorted by category name.
    public var categories: [CategoryRow]
    /// Sorted by rule id.
    public var rules: [RuleRow]
    public var summary: Summary
    public var missed: [Miss]
    public var falseAlarms: [FalseAlarm]
    public var excerpts: Int

    /// Adds up the excerpts' scores (in the order given: listings follow it).
    public init(_ scores: [(excerpt: AnnotatedExcerpt, score: ExcerptScore)]) {
        var rows: [Category: CategoryRow] = [:]
        func row(_ category: Category) -> CategoryRow {
            rows[category] ?? CategoryRow(category: category, annotations: 0, found: 0, findings: 0, rightFindings: 0, fixesRight: 0, fixesExpected: 0)
        }
        var ruleRows: [String: RuleRow] = [:]
        var missed: [Miss] = []
        var falseAlarms: [FalseAlarm] = []
        for (excerpt, score) in scores {
            for (index, annotation) in score.annotations.enumerated() {
                var current = row(annotation.category)
                current.annotations += 1
                if score.found[index] { current.found += 1 }
                if let right = score.fixRight[index] {
                    current.fixesExpected += 1
                    if right { current.fixesRight += 1 }
                }
                rows[annotation.category] = current
            }
            for (finding, right) in zip(score.findings, score.right) {
                var current = row(finding.category)
                current.findings += 1
                if right { current.rightFindings += 1 }
                rows[finding.category] = current
                var ruleRow = ruleRows[finding.rule] ?? RuleRow(rule: finding.rule, findings: 0, right: 0)
                ruleRow.findings += 1
                if right { ruleRow.right += 1 }
                ruleRows[finding.rule] = ruleRow
            }
            missed += score.misses.map { Miss(file: excerpt.name, line: $0.line, category: $0.category, text: $0.text) }
            falseAlarms += score.falseAlarms(in: excerpt).map { FalseAlarm(file: excerpt.name, finding: $0.finding, excerpt: $0.excerpt) }
        }
        categories = rows.values.sorted { $0.category.rawValue < $1.category.rawValue }
        rules = ruleRows.values.sorted { $0.rule < $1.rule }
        self.missed = missed
        self.falseAlarms = falseAlarms
        excerpts = scores.count

        let mechanical = categories.filter { Self.mechanicalCategories.contains($0.category) }
        let mechanicalAnnotations = mechanical.reduce(0) { $0 + $1.annotations }
        let mechanicalFound = mechanical.reduce(0) { $0 + $1.found }
        let findings = categories.reduce(0) { $0 + $1.findings }
        let calque = rows[.calque]
        summary = Summary(
            mechanicalRecall: Self.ratio(mechanicalFound, mechanicalAnnotations),
            precision: Self.ratio(categories.reduce(0) { $0 + $1.rightFindings }, findings),
            mechanicalFixAccuracy: Self.ratio(mechanical.reduce(0) { $0 + $1.fixesRight }, mechanical.reduce(0) { $0 + $1.fixesExpected }),
            calqueRecall: calque.flatMap { Self.ratio($0.found, $0.annotations) },
            findings: findings, falseAlarms: falseAlarms.count,
            annotations: categories.reduce(0) { $0 + $1.annotations },
            mechanicalAnnotations: mechanicalAnnotations, mechanicalFound: mechanicalFound)
    }

    /// `part / whole` rounded to three decimals, as every figure is reported; nil when `whole` is 0.
    /// Rounded as Python's `round(x, 3)` rounds (the exact value of the double, ties to even),
    /// so figures equal the reference scorer's to the last digit.
    static func ratio(_ part: Int, _ whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        return Double(String(format: "%.3f", Double(part) / Double(whole)))
    }

    /// The row of `category` (zeros when it has neither annotations nor findings).
    public func row(_ category: Category) -> CategoryRow {
        categories.first { $0.category == category }
            ?? CategoryRow(category: category, annotations: 0, found: 0, findings: 0, rightFindings: 0, fixesRight: 0, fixesExpected: 0)
    }
}

import MTLintCore

/// What one excerpt's findings and fixed text say about the rules, by the definitions of the
/// development set's reference scorer:
/// - an annotation is found when a finding of its category (or an alternative) touches its
///   text (the first such finding, in report order, is credited; one finding may find several);
/// - a finding is right when it found an annotation or touches any annotation of its excerpt,
///   whatever the category (a spacing slip the annotators filed as `other` is still right);
/// - a fix is right when, after every fix (unsafe ones too) has been applied, the annotated
///   text is gone and the annotator's repair is in place (a deleted line is gone).
public struct ExcerptScore: Sendable {
    public struct Miss: Sendable, Hashable {
        public var line: Int
        public var category: Category
        public var text: String
    }

    public struct FalseAlarm: Sendable, Hashable {
        public var finding: ScoredFinding
        /// The finding's surroundings on its line (up to 14 characters before, 25 after).
        public var excerpt: String
    }

    public var name: String
    /// Per annotation, in order: whether it was found.
    public var found: [Bool]
    /// Per annotation: whether its fix is right (nil for `"?"`, which has no mechanical fix).
    public var fixRight: [Bool?]
    public var annotations: [Annotation]
    public var findings: [ScoredFinding]
    /// Per finding: whether it is right.
    public var right: [Bool]

    public init(excerpt: AnnotatedExcerpt, findings: [ScoredFinding], fixedText: String?) {
        name = excerpt.name
        annotations = excerpt.annotations
        self.findings = findings
        let spans = excerpt.annotations.map(excerpt.span(of:))
        var credited = Set<Int>()
        found = zip(excerpt.annotations, spans).map { annotation, span in
            let accepted = annotation.acceptedCategories
            guard let index = findings.firstIndex(where: { accepted.contains($0.category) && $0.touches(line: annotation.line, span: span) }) else {
                return false
            }
            credited.insert(index)
            return true
        }
        right = findings.indices.map { index in
            credited.contains(index) || zip(excerpt.annotations, spans).contains { findings[index].touches(line: $0.line, span: $1) }
        }
        fixRight = excerpt.annotations.map { annotation in
            guard annotation.repair != .none else { return nil }
            guard let fixedText else { return false }
            return FixCheck.isRepaired(annotation, originalLine: excerpt.line(annotation.line), fixedText: fixedText)
        }
    }

    /// The annotations no finding found.
    public var misses: [Miss] {
        zip(annotations, found).filter { !$1 }.map { Miss(line: $0.0.line, category: $0.0.category, text: $0.0.text) }
    }

    /// The findings that touch no annotation, with their surroundings.
    public func falseAlarms(in excerpt: AnnotatedExcerpt) -> [FalseAlarm] {
        zip(findings, right).filter { !$1 }.map { finding, _ in
            let line = Array(excerpt.line(finding.line).unicodeScalars)
            let from = min(max(0, finding.column - 15), line.count)
            let to = min(max(from, finding.column + 25), line.count)
            var excerptText = ""
            excerptText.unicodeScalars.append(contentsOf: line[from..<to])
            return FalseAlarm(finding: finding, excerpt: excerptText)
        }
    }
}

import ICUText

/// ```yaml
/// match:
///   furniture-lines:
///     labels: [labels/ads.txt, …]                 # whole-line labels (reported by their own rules)
///     weak-labels: vocabulary/weak-labels.txt     # and the other word lists, see FurnitureLexicon
///     teaser-prefixes: vocabulary/teaser-prefixes.txt
///     …
///     threshold: 3
///     repeat-documents: 3
///     weights: { teaser: 5, phrase: 2.5, …, body: -3, edge: 1, neighbour: 1.5 }
/// ```
///
/// The page-furniture classifier (`FurnitureClassifier`): scores each non-blank line from what
/// it says (a teaser prefix, a furniture phrase, a byline, a time stamp, button words), how it
/// is written (length, function words, capitals, sentence end), where it stands (before, inside
/// or after the article's prose) and the lines around it, and reports the lines scoring at
/// least `threshold`. Lines that are a known label, a photo credit or an image-file slug are
/// left to their own rules. Every finding's fix is lowered to unsafe: the line scored its way
/// there. Values: `${line}`, `${score}`, `${reasons}` (the strongest features, in words).
public struct FurnitureLineMatcherKind: MatcherKind {
    public static let key = "furniture-lines"
    static let ownKeys = FurnitureLexicon.keys + ["threshold", "report-from", "repeat-documents", "weights"]

    let classifier: FurnitureClassifier
    /// Lines scoring at least this are reported (default: the threshold). Lines count as
    /// furniture for their neighbours from the threshold whatever this says, so a lower value
    /// shows the scores of the lines just below it when tuning weights on a corpus.
    let reportFrom: Double

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let lexicon = try FurnitureLexicon.decode(options, files: files)
        let threshold = try options["threshold"].map { node throws(ConfigError) in try FurnitureWeights.number(node, in: -100...100) } ?? 3
        let weights = try FurnitureWeights.decode(options["weights"], threshold: threshold)
        let repeatDocuments = try options["repeat-documents"]?.int(in: 2...1000) ?? 3
        let reportFrom = try options["report-from"].map { node throws(ConfigError) in try FurnitureWeights.number(node, in: -100...100) } ?? threshold
        return Self(classifier: FurnitureClassifier(lexicon: lexicon, weights: weights, repeatDocuments: repeatDocuments),
                    reportFrom: reportFrom)
    }

    public var valueNames: [String] { ["line", "score", "reasons"] }
    public var scopes: [Scope] { [.line] }
    public var usesCorpusCensus: Bool { classifier.weights[.repeated] != 0 }
    public var neighbourLines: Int { FurnitureClassifier.reach }
    public var explanation: String? { classifier.weights.explanation }

    public func makeMatcher() throws(ICUError) -> any Matcher { FurnitureLineMatcher(kind: self) }
}

final class FurnitureLineMatcher: Matcher {
    let kind: FurnitureLineMatcherKind

    init(kind: FurnitureLineMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let classifier = kind.classifier
        let lines = classifier.classify(document, census: context.corpus)
        // Only lines inside the segments given (a part of a large file reports its own lines).
        guard let first = segments.first, let last = segments.last else { return }
        for line in lines where line.elsewhere == nil && line.score >= kind.reportFrom {
            guard line.range.lowerBound >= first.lowerBound, line.range.upperBound <= last.upperBound else { continue }
            emit(Match(range: line.range,
                       values: ["line": document.string(line.range), "score": FurnitureWeights.format((line.score * 10).rounded() / 10),
                                "reasons": classifier.reasons(line)],
                       applicability: .unsafe))
        }
    }
}

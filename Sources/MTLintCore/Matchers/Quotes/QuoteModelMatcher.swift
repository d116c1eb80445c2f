import ICUText

/// ```yaml
/// match:
///   quote-model:
///     report: spacing            # spacing | style | unbalanced | split | guillemet-spacing
///     reporting-verbs: words/reporting-verbs.txt
///     pronouns: [he, she, they, we, i]
///     elisions: [em, til, n]
/// ```
///
/// Reads every quotation mark of the document with one model (`QuoteAnalysis`: the cheapest
/// well-formed reading of the marks, priced by their flanking characters and glyphs) and reports
/// the places of one kind where the text disagrees with that reading, each with its repair.
/// Rules that name the same word lists share one reading per document.
///
/// Values: `${problem}` (what is wrong, in words), `${replacement}` (the repaired text).
public struct QuoteModelMatcherKind: MatcherKind {
    public static let key = "quote-model"
    static let ownKeys = ["report", "reporting-verbs", "pronouns", "elisions"]

    public let report: QuoteIssue.Kind
    public let vocabulary: QuoteVocabulary
    /// The vocabulary's hash, worked out once: the analysis is looked up by it for every rule
    /// and document, and hashing hundreds of reporting verbs each time showed in profiles.
    let vocabularyHash: Int

    public init(report: QuoteIssue.Kind, vocabulary: QuoteVocabulary = QuoteVocabulary()) {
        self.report = report
        self.vocabulary = vocabulary
        vocabularyHash = vocabulary.hashValue
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        guard let node = options["report"] else {
            throw ConfigError("quote-model needs 'report:' (\(QuoteIssue.Kind.allCases.map(\.rawValue).joined(separator: ", ")))", at: options.mark)
        }
        let name = try node.string()
        guard let report = QuoteIssue.Kind(rawValue: name) else {
            throw ConfigError("report: '\(name)' is not one of \(QuoteIssue.Kind.allCases.map(\.rawValue).joined(separator: ", "))", at: node.mark)
        }
        var vocabulary = QuoteVocabulary()
        if let verbs = options["reporting-verbs"] {
            // One set per list for all the rules that name it: equal vocabularies then compare
            // without reading their words when each rule and document looks up the shared analysis.
            vocabulary.reportingVerbs = try WordListFile.derived(verbs, purpose: "quote-reporting-verbs", files: files) {
                Set($0.map { $0.lowercased() })
            }
        }
        if let pronouns = options["pronouns"] { vocabulary.reportingPronouns = Set(try pronouns.stringList().map { $0.lowercased() }) }
        if let elisions = options["elisions"] {
            let words = try elisions.stringList()
            for word in words where word.isEmpty || !word.allSatisfy(\.isLetter) {
                throw ConfigError("elisions: '\(word)' is not a word", at: elisions.mark)
            }
            vocabulary.elisions = Set(words.map { $0.lowercased() })
        }
        return Self(report: report, vocabulary: vocabulary)
    }

    public var valueNames: [String] { ["problem", "replacement"] }
    public var proposesEdits: Bool { true }
    public var scopes: [Scope] { [.document] }

    public func makeMatcher() throws(ICUError) -> any Matcher { QuoteModelMatcher(kind: self) }

    /// What one document's analysis depends on besides its text.
    struct AnalysisKey: Hashable, Sendable {
        var vocabulary: QuoteVocabulary
        var vocabularyHash: Int
        var open: String, close: String, innerOpen: String, innerClose: String
        var census: QuoteCensusKey?

        /// Everything but the vocabulary itself, which its precomputed hash stands for.
        func hash(into hasher: inout Hasher) {
            hasher.combine(vocabularyHash)
            hasher.combine(open)
            hasher.combine(close)
            hasher.combine(innerOpen)
            hasher.combine(innerClose)
            hasher.combine(census)
        }
    }

    func analysis(of document: Document, context: MatchContext) -> QuoteAnalysis {
        let target = context.lint.targetQuotes
        let key = AnalysisKey(vocabulary: vocabulary, vocabularyHash: vocabularyHash, open: target.open, close: target.close, innerOpen: target.innerOpen,
                              innerClose: target.innerClose, census: context.quoteCensus.map(QuoteCensusKey.init))
        return context.scan.shared(key) {
            QuoteAnalysis(document: document, target: target, vocabulary: vocabulary, census: context.quoteCensus)
        }
    }

    public func prepareShared(_ document: Document, context: MatchContext) {
        _ = analysis(of: document, context: context)
    }
}

/// A census as part of a cache key.
struct QuoteCensusKey: Hashable, Sendable {
    var values: [Int]
    init(_ census: QuoteCensus) { values = [census.curlyDouble, census.straightDouble, census.curlyOpen, census.swedishOpeners] }
}

final class QuoteModelMatcher: Matcher {
    let kind: QuoteModelMatcherKind

    init(kind: QuoteModelMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        for issue in kind.analysis(of: document, context: context).issues where issue.kind == kind.report {
            emit(Match(range: issue.range, values: ["problem": issue.problem, "replacement": issue.replacement],
                       edits: issue.edits, applicability: issue.applicability))
        }
    }
}

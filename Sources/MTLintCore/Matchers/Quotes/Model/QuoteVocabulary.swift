/// The words the model reads around marks: reporting verbs (`said`, `added`, `insisted`),
/// the pronouns that report (`he`, `she`), and the words a leading apostrophe elides into
/// (`’em`, `’til`). They come from the rule files (`Rules/quotes/words/`), lower-cased.
public struct QuoteVocabulary: Sendable, Hashable {
    public var reportingVerbs: Set<String>
    public var reportingPronouns: Set<String>
    public var elisions: Set<String>

    /// The defaults, made once: every rule's vocabulary then holds the same sets, which compare
    /// equal without reading their words (the shared analysis is looked up by the vocabulary for
    /// every quote rule and document).
    public static let defaultPronouns: Set<String> = ["he", "she", "they", "we", "i"]
    public static let defaultElisions: Set<String> = ["em", "til", "cause", "cos", "tis", "twas", "n", "bout", "round", "s"]

    public init(reportingVerbs: Set<String> = [], reportingPronouns: Set<String> = QuoteVocabulary.defaultPronouns,
                elisions: Set<String> = QuoteVocabulary.defaultElisions) {
        self.reportingVerbs = reportingVerbs
        self.reportingPronouns = reportingPronouns
        self.elisions = elisions
    }
}

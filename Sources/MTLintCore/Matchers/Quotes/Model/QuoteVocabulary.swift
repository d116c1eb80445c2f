/// The words the model reads around marks: reporting verbs (`said`, `added`, `insisted`),
/// the pronouns that report (`he`, `she`), and the words a leading apostrophe elides into
/// (`’em`, `’til`). They come from the rule files (`Rules/quotes/words/`), lower-cased.
public struct QuoteVocabulary: Sendable, Hashable {
    public var reportingVerbs: Set<String>
    public var reportingPronouns: Set<String>
    public var elisions: Set<String>

    public init(reportingVerbs: Set<String> = [], reportingPronouns: Set<String> = ["he", "she", "they", "we", "i"],
                elisions: Set<String> = ["em", "til", "cause", "cos", "tis", "twas", "n", "bout", "round", "s"]) {
        self.reportingVerbs = reportingVerbs
        self.reportingPronouns = reportingPronouns
        self.elisions = elisions
    }
}

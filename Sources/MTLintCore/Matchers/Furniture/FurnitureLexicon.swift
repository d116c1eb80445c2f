/// The word lists the furniture classifier reads lines with, each from a file next to the rule
/// file (see `FurnitureLineMatcherKind` for the keys).
struct FurnitureLexicon: Sendable {
    /// Whole-line labels the label rules report (ads, comment forms, widgets, prompts).
    var labels = FurnitureVocabulary()
    /// Section and interface words: furniture alone on a line, but only in context.
    var weakLabels = FurnitureVocabulary()
    var teaserPrefixes = FurnitureVocabulary()
    var phrases = FurnitureVocabulary()
    var interfaceWords = FurnitureVocabulary()
    var stopwords = FurnitureVocabulary()
    var roles = FurnitureVocabulary()
    var bylineWords = FurnitureVocabulary()
    var agencies = FurnitureVocabulary()
    var creditLabels = FurnitureVocabulary()
    var domains = FurnitureVocabulary()
    var mastheads = FurnitureVocabulary()

    /// The option key of each list.
    static let keys = ["labels", "weak-labels", "teaser-prefixes", "phrases", "interface-words", "stopwords", "roles",
                       "byline-words", "agencies", "credit-labels", "domains", "mastheads"]

    static func decode(_ options: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> FurnitureLexicon {
        var lexicon = FurnitureLexicon()
        func list(_ key: String) throws(ConfigError) -> FurnitureVocabulary {
            guard let node = options[key] else { return FurnitureVocabulary() }
            return try FurnitureVocabulary.load(node, files: files)
        }
        lexicon.labels = try list("labels")
        lexicon.weakLabels = try list("weak-labels")
        lexicon.teaserPrefixes = try list("teaser-prefixes")
        lexicon.phrases = try list("phrases")
        lexicon.interfaceWords = try list("interface-words")
        lexicon.stopwords = try list("stopwords")
        lexicon.roles = try list("roles")
        lexicon.bylineWords = try list("byline-words")
        lexicon.agencies = try list("agencies")
        lexicon.creditLabels = try list("credit-labels")
        lexicon.domains = try list("domains")
        lexicon.mastheads = try list("mastheads")
        return lexicon
    }

    /// Name particles that may stand lower-case inside a person's name (`Luiz Inácio Lula da Silva`).
    static let nameParticles: Set<UInt64> = Set(["de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den",
                                                 "la", "le", "du", "bin", "al", "el", "ben", "ter", "y", "zu"].compactMap {
        FurnitureText.wordHashes(of: $0).first
    })
}

/// The word lists the furniture classifier reads lines with, each from a file next to the rule
/// file (see `FurnitureLineMatcherKind` for the keys). A class: every line's reading refers to
/// the one shared copy.
final class FurnitureLexicon: Sendable {
    /// Whole-line labels the label rules report (ads, comment forms, widgets, prompts).
    let labels: FurnitureVocabulary
    /// Section and interface words: furniture alone on a line, but only in context.
    let weakLabels: FurnitureVocabulary
    let teaserPrefixes: FurnitureVocabulary
    let phrases: FurnitureVocabulary
    let weakPhrases: FurnitureVocabulary
    let interfaceWords: FurnitureVocabulary
    let stopwords: FurnitureVocabulary
    let roles: FurnitureVocabulary
    let bylineWords: FurnitureVocabulary
    let agencies: FurnitureVocabulary
    let creditLabels: FurnitureVocabulary
    let domains: FurnitureVocabulary
    let mastheads: FurnitureVocabulary

    /// The option key of each list.
    static let keys = ["labels", "weak-labels", "teaser-prefixes", "phrases", "weak-phrases", "interface-words", "stopwords", "roles",
                       "byline-words", "agencies", "credit-labels", "domains", "mastheads"]

    init(labels: FurnitureVocabulary = FurnitureVocabulary(), weakLabels: FurnitureVocabulary = FurnitureVocabulary(),
         teaserPrefixes: FurnitureVocabulary = FurnitureVocabulary(), phrases: FurnitureVocabulary = FurnitureVocabulary(),
         weakPhrases: FurnitureVocabulary = FurnitureVocabulary(),
         interfaceWords: FurnitureVocabulary = FurnitureVocabulary(), stopwords: FurnitureVocabulary = FurnitureVocabulary(),
         roles: FurnitureVocabulary = FurnitureVocabulary(), bylineWords: FurnitureVocabulary = FurnitureVocabulary(),
         agencies: FurnitureVocabulary = FurnitureVocabulary(), creditLabels: FurnitureVocabulary = FurnitureVocabulary(),
         domains: FurnitureVocabulary = FurnitureVocabulary(), mastheads: FurnitureVocabulary = FurnitureVocabulary()) {
        self.labels = labels
        self.weakLabels = weakLabels
        self.teaserPrefixes = teaserPrefixes
        self.phrases = phrases
        self.weakPhrases = weakPhrases
        self.interfaceWords = interfaceWords
        self.stopwords = stopwords
        self.roles = roles
        self.bylineWords = bylineWords
        self.agencies = agencies
        self.creditLabels = creditLabels
        self.domains = domains
        self.mastheads = mastheads
    }

    static func decode(_ options: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> FurnitureLexicon {
        func list(_ key: String) throws(ConfigError) -> FurnitureVocabulary {
            guard let node = options[key] else { return FurnitureVocabulary() }
            return try FurnitureVocabulary.load(node, files: files)
        }
        return FurnitureLexicon(labels: try list("labels"), weakLabels: try list("weak-labels"), teaserPrefixes: try list("teaser-prefixes"),
                                phrases: try list("phrases"), weakPhrases: try list("weak-phrases"), interfaceWords: try list("interface-words"), stopwords: try list("stopwords"),
                                roles: try list("roles"), bylineWords: try list("byline-words"), agencies: try list("agencies"),
                                creditLabels: try list("credit-labels"), domains: try list("domains"), mastheads: try list("mastheads"))
    }

    /// Name particles that may stand lower-case inside a person's name (`Luiz Inácio Lula da Silva`).
    static let nameParticles: Set<UInt64> = Set(["de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den",
                                                 "la", "le", "du", "bin", "al", "el", "ben", "ter", "y", "zu"].compactMap {
        FurnitureText.wordHashes(of: $0).first
    })
}

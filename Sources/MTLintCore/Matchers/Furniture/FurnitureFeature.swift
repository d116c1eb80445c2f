/// What the furniture classifier reads in a line and around it. Each feature has a weight in
/// the rule file (`weights:`); a line's score is the sum of the weights of its features, and a
/// line scoring at least the threshold is page furniture. The descriptions are what messages
/// and `rules explain` print.
enum FurnitureFeature: Int, CaseIterable, Sendable {
    // What the line says
    case teaser
    case teaserAfterSpace
    case containsLabel
    case weakLabel
    case phrase
    case weakPhrase
    case buttons
    case byline
    case role
    case timeStamp
    case isoTime
    case siteName
    case masthead
    case keywords
    case markup
    case emptyItem
    case initials
    case personName
    case nameAndTitle
    case authorBox
    case nextToCredit
    case bullet
    // How it is written
    case short
    case noStopwords
    case titleCase
    case noTerminal
    case sentence
    case prose
    // Where it stands
    case headline
    case body
    case edge
    case neighbour
    case repeated

    /// The feature's position in `allCases`.
    var index: Int { rawValue }

    /// The feature's name in rule files.
    var name: String {
        switch self {
        case .teaser: "teaser"
        case .teaserAfterSpace: "teaser-after-space"
        case .containsLabel: "contains-label"
        case .weakLabel: "weak-label"
        case .phrase: "phrase"
        case .weakPhrase: "weak-phrase"
        case .buttons: "buttons"
        case .byline: "byline"
        case .role: "role"
        case .timeStamp: "time-stamp"
        case .isoTime: "iso-time"
        case .siteName: "site-name"
        case .masthead: "masthead"
        case .keywords: "keywords"
        case .markup: "markup"
        case .emptyItem: "empty-item"
        case .initials: "initials"
        case .personName: "person-name"
        case .nameAndTitle: "name-and-title"
        case .authorBox: "author-box"
        case .nextToCredit: "next-to-credit"
        case .bullet: "bullet"
        case .short: "short"
        case .noStopwords: "no-stopwords"
        case .titleCase: "title-case"
        case .noTerminal: "no-terminal"
        case .sentence: "sentence"
        case .prose: "prose"
        case .headline: "headline"
        case .body: "body"
        case .edge: "edge"
        case .neighbour: "neighbour"
        case .repeated: "repeated"
        }
    }

    /// The feature a rule file names, if any.
    init?(name: String) {
        guard let feature = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = feature
    }

    var description: String {
        switch self {
        case .teaser: "a teaser label and a headline"
        case .teaserAfterSpace: "a teaser label, then a capitalised headline"
        case .containsLabel: "holds a widget or prompt label"
        case .weakLabel: "a section or interface word alone"
        case .phrase: "holds a furniture phrase"
        case .weakPhrase: "holds a phrase common in furniture"
        case .buttons: "only button words"
        case .byline: "a byline without a name"
        case .role: "names a journalist's role"
        case .timeStamp: "a clock time or a machine time stamp"
        case .isoTime: "only a machine time stamp"
        case .siteName: "a website's name"
        case .masthead: "a news site's name"
        case .keywords: "lower-case keywords"
        case .markup: "HTML markup"
        case .emptyItem: "only dashes or bullets"
        case .initials: "only initials"
        case .personName: "only a name"
        case .nameAndTitle: "a name and a title, as under a picture"
        case .authorBox: "an author box: a name, then a journalist's role"
        case .nextToCredit: "a caption next to a photo credit"
        case .bullet: "opens with a bullet or arrow"
        case .short: "one to three words"
        case .noStopwords: "no function words"
        case .titleCase: "mostly capitalised words"
        case .noTerminal: "no sentence end"
        case .sentence: "reads as a sentence"
        case .prose: "a paragraph of prose"
        case .headline: "the first line of the text"
        case .body: "inside the article body"
        case .edge: "before or after the article's paragraphs"
        case .neighbour: "next to other furniture"
        case .repeated: "repeated in other documents of this run"
        }
    }

    /// How the feature is measured, for `rules explain`.
    var definition: String {
        switch self {
        case .teaser: "starts with a teaser prefix (teaser-prefixes) followed by punctuation (: – | > ») or by a word glued to it, or behind an arrow or bullet (`>>> Relive …`), then a headline"
        case .teaserAfterSpace: "starts with a teaser prefix of two or more words, a space, then a capital, a quotation mark or a digit"
        case .containsLabel: "holds a label of two or more words from the label lists (labels), with more words around it"
        case .weakLabel: "the whole line is a weak label (weak-labels): a site section or an interface word"
        case .phrase: "holds a phrase of the phrase list (phrases), digits folded: `0 mins ago`, `min read`, `unlimited access`"
        case .weakPhrase: "holds a phrase of the weak phrase list (weak-phrases) and none of the phrase list: `newsletter`, `live coverage`, `a month`"
        case .buttons: "two or more interface words (interface-words) and otherwise only function words"
        case .byline: "the first word opens a byline (byline-words), the next is lower-case or a function word (the name is missing: `By with AFP`), and the line has at most eight words"
        case .role: "holds a journalist's role (roles) and has at most eight words"
        case .timeStamp: "holds a clock time (9:41, 14h30) or an ISO date (2020-11-18)"
        case .isoTime: "nothing but an ISO 8601 date and time (2020-11-18T08:01:26.322Z)"
        case .siteName: "holds a domain name: a word, a dot and a top-level domain (domains)"
        case .markup: "starts with an HTML tag (`<p class=…`)"
        case .masthead: "one to five words, all capitalised (name particles allowed), one of them a word news sites' names are made of (mastheads), no sentence end"
        case .keywords: "three words or more, all lower-case, no function word, nothing but spaces, commas and hyphens between them (a tag line)"
        case .emptyItem: "only dashes, bullets or arrows"
        case .initials: "one to three words, each a single capital letter"
        case .personName: "two to four capitalised words (name particles allowed) and nothing else"
        case .nameAndTitle: "at most fifteen words, no sentence end, one comma with a name on one side and two words or more on the other (`Jane Doe, mayor of Lindhaven`)"
        case .authorBox: "a line that is only a name, and the next line names a journalist's role (`Jane Doe` / `Business correspondent in Berlin`): both lines"
        case .nextToCredit: "the line below is a photo credit and this line is not prose nor a sentence of twelve words or more, or the line above is one and this line is not a sentence"
        case .bullet: "starts with a bullet, arrow or `>`"
        case .short: "one to three words"
        case .noStopwords: "five words or more and no function word (stopwords)"
        case .titleCase: "three words or more, at least 60% of them capitalised"
        case .noTerminal: "does not end with . ! ? … (closing quotes and brackets aside)"
        case .sentence: "ends with . ! ? …, has five words or more and a function word"
        case .prose: "twenty words or more with at least 20% function words, or forty words or more"
        case .headline: "the headline: the first line of four words or more (else three) before the first paragraph of prose and within the first 24 lines, with none of the features of what a line says, not a caption, not ending in an ellipsis (nor a sentence, when another line qualifies)"
        case .body: "article text within 8 lines above and within 8 below: prose, or a sentence of twelve words or more with none of the features of what a line says (lines other rules report not counted)"
        case .edge: "no article text within 8 lines above, or none within 8 below (the document has some prose)"
        case .neighbour: "for each of the nearest lines above and below that is furniture (lines other rules report are skipped and count for nothing, so fixing them away changes nothing), counted again for 4 rounds, so blocks grow"
        case .repeated: "the same folded line stands in at least two other documents of the run (files of one lint or fix, records of --jsonl), and the line is short and not a sentence"
        }
    }
}

/// The weights of the features and the threshold, from the rule file.
struct FurnitureWeights: Sendable {
    private var values: [Double]
    var threshold: Double

    init(threshold: Double, weights: [FurnitureFeature: Double] = [:]) {
        self.threshold = threshold
        values = FurnitureFeature.allCases.map { weights[$0] ?? 0 }
    }

    subscript(_ feature: FurnitureFeature) -> Double { values[feature.index] }
    subscript(index index: Int) -> Double { values[index] }

    /// Decodes `weights:` (every key a feature name; a feature left out weighs 0).
    static func decode(_ node: ConfigNode?, threshold: Double) throws(ConfigError) -> FurnitureWeights {
        guard let node else { return FurnitureWeights(threshold: threshold) }
        let mapping = try node.mapping(allowed: FurnitureFeature.allCases.map(\.name))
        var weights: [FurnitureFeature: Double] = [:]
        for entry in mapping.entries {
            guard let feature = FurnitureFeature(name: entry.key) else { continue }
            weights[feature] = try number(entry.value, in: -100...100)
        }
        return FurnitureWeights(threshold: threshold, weights: weights)
    }

    static func number(_ node: ConfigNode, in range: ClosedRange<Double>) throws(ConfigError) -> Double {
        guard case .scalar(let text, false) = node.value, let value = Double(text), range.contains(value) else {
            throw ConfigError("expected a number from \(range.lowerBound) to \(range.upperBound), found \(node.kindName)", at: node.mark)
        }
        return value
    }

    /// The table `rules explain` prints.
    var explanation: String {
        var out = "Each non-blank line gets the sum of the weights of its features; a line scoring \(Self.format(threshold)) or more is reported.\n"
        out += "Lines that are a known label, a photo credit or an image-file slug are reported by their own rules and are left out here (fixing them away changes no other line's score).\n"
        out += "A line of more than 120 units that ends a sentence is read from its first eight words (prose unless it opens with a teaser).\n"
        out += "Words are compared folded: case, accents, Latin/Cyrillic look-alikes, punctuation and digits (every run is 0) do not count.\n"
        for feature in FurnitureFeature.allCases {
            var weight = Self.format(self[feature])
            while weight.count < 6 { weight += " " }
            out += "  \(weight) \(feature.name): \(feature.definition)\n"
        }
        return out
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

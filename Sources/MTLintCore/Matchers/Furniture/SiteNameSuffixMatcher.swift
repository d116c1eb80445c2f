import ICUText

/// ```yaml
/// match:
///   site-name-suffix:
///     mastheads: vocabulary/mastheads.txt          # words news sites' names are made of
///     articles: vocabulary/masthead-articles.txt   # words that may open a name (Le, Die)
/// ```
///
/// Finds a site's name glued to the end of a headline-like line by a dash or a bar, as a
/// page's title tag has it: `Paleontologists find a giant bone – Raw Story`. The line must not
/// end a sentence, be at most 250 UTF-16 units long and have four words or more before the
/// separator (` – `, ` — `, ` | `, ` - `); after it come one to four words, each capitalised or a
/// number (`du`, `of` and other lower-case joining words aside), and one of them a `mastheads`
/// word, or the first an `articles` word (`Le Progrès`). Words are compared as `FurnitureText`
/// folds them. Most lines end in a full stop and are left after one look at their last
/// character. The match covers the separator, the spaces before it and the name. Value
/// `${name}`: the name.
public struct SiteNameSuffixMatcherKind: MatcherKind {
    public static let key = "site-name-suffix"
    static let ownKeys = ["mastheads", "articles"]

    let mastheads: FurnitureVocabulary
    let articles: FurnitureVocabulary

    static let maxLine = 250
    static let maxNameWords = 4

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let mastheads = try FurnitureVocabulary.load(try options.required("mastheads"), files: files)
        let articles = try options["articles"].map { node throws(ConfigError) in try FurnitureVocabulary.load(node, files: files) }
        return Self(mastheads: mastheads, articles: articles ?? FurnitureVocabulary())
    }

    public var valueNames: [String] { ["name"] }
    public var scopes: [Scope] { [.line] }

    public func makeMatcher() throws(ICUError) -> any Matcher { SiteNameSuffixMatcher(kind: self) }
}

final class SiteNameSuffixMatcher: Matcher {
    let kind: SiteNameSuffixMatcherKind

    init(kind: SiteNameSuffixMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let units = document.text.units
        for segment in segments where segment.count >= 12 && segment.count <= SiteNameSuffixMatcherKind.maxLine + 16 {
            var end = segment.upperBound
            while end > segment.lowerBound, units[end - 1] == 0x20 || units[end - 1] == 0x09 { end -= 1 }
            // A name ends in a letter or a digit; a sentence does not.
            guard end > segment.lowerBound, WordHash.isWordUnit(units[end - 1]) else { continue }
            let line = document.trimmed(segment.lowerBound..<end)
            guard line.count <= SiteNameSuffixMatcherKind.maxLine, let found = suffix(in: line, units: units) else { continue }
            emit(Match(range: found.match, values: ["name": document.string(found.name)]))
        }
    }

    /// The last separator of the line with a site's name after it, if any.
    private func suffix(in line: Range<Int>, units: UnsafeBufferPointer<UInt16>) -> (match: Range<Int>, name: Range<Int>)? {
        // The separator: a dash or bar between spaces, within the line's last 80 units.
        var i = line.upperBound - 2
        let floor = max(line.lowerBound + 1, line.upperBound - 80)
        while i > floor {
            let u = units[i]
            if (u == 0x2013 || u == 0x2014 || u == 0x7C || u == 0x2D), units[i - 1] == 0x20 || units[i - 1] == 0x09,
               units[i + 1] == 0x20 || units[i + 1] == 0x09 {
                break
            }
            i -= 1
        }
        guard i > floor else { return nil }
        var start = i
        while start > line.lowerBound, units[start - 1] == 0x20 || units[start - 1] == 0x09 { start -= 1 }
        // The text before does not end a sentence and has four words or more.
        guard start > line.lowerBound, WordHash.isWordUnit(units[start - 1]) || units[start - 1] == 0x201D || units[start - 1] == 0x22
        else { return nil }
        let before = FurnitureText.tokens(units, in: line.lowerBound..<start, limit: 4)
        guard before.count >= 4 else { return nil }
        let name = FurnitureText.tokens(units, in: (i + 1)..<line.upperBound, limit: SiteNameSuffixMatcherKind.maxNameWords + 1)
        guard let first = name.first, name.count <= SiteNameSuffixMatcherKind.maxNameWords else { return nil }
        var masthead = kind.articles.contains(word: first.hash) && first.capitalised && name.count >= 2
        for token in name {
            guard token.capitalised || token.allCaps || !token.hasLetter || Self.joiningWords.contains(token.hash) else { return nil }
            if kind.mastheads.contains(word: token.hash) { masthead = true }
        }
        guard masthead else { return nil }
        return (start..<line.upperBound, first.range.lowerBound..<line.upperBound)
    }

    /// Lower-case words that may join the words of a name (`Le Courrier du Port`).
    static let joiningWords: Set<UInt64> = Set(["de", "du", "des", "di", "da", "del", "von", "van", "of", "the", "and"].compactMap {
        FurnitureText.wordHashes(of: $0).first
    })
}

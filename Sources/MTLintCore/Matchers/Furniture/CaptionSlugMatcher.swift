import ICUText

/// ```yaml
/// match:
///   caption-slug:
///     words: { fr: words/fr.txt, de: words/de.txt, it: words/it.txt, es: words/es.txt }
///     english: words/en.txt      # optional: words that are no evidence of a source language
///     image-size: forbidden      # required | forbidden | optional (default optional)
///     min-words: 4               # default 4
///     min-share: 0.6             # default 0.6
/// ```
///
/// Finds a line that is an image-file name or caption slug left in the text: lower-case ASCII
/// words separated by spaces, `-` or `_`, no punctuation, maybe led by an image size
/// (`648x415`), whose words are mostly words of one source language once folded to ASCII.
///
/// Word lists are read through the rule file's resolver (paths relative to the rule file), one
/// word per line, `#` comments, written with accents as the language spells them and folded
/// with ICU's `Latin-ASCII` transliterator the first time a line looks like a slug (so a
/// document without one never pays for the transliterator). A word counts for a language when its
/// list has it and the `english` list does not, so a lower-case English line (a list item, a
/// line of verse) is not taken for a slug. A line matches when it has at least `min-words`
/// words (numbers do not count) and, for some language among `LintContext.sourceLanguages`
/// (all when empty), at least `min-share` of its words count for that language.
///
/// `image-size` lets two rules split the lines between them, e.g. a safe deletion for lines
/// led by an image size and an unsafe one for the others. Values: `${line}`, `${language}`,
/// `${count}` (source words) and `${total}` (words).
public struct CaptionSlugMatcherKind: MatcherKind {
    public static let key = "caption-slug"
    static let ownKeys = ["words", "english", "image-size", "min-words", "min-share"]

    public enum ImageSize: String, Sendable, CaseIterable {
        case required, forbidden, optional
    }

    /// The word lists, folded on first use.
    let words: FoldedWordLists
    public let imageSize: ImageSize
    public let minWords: Int
    public let minShare: Double

    /// Folded words per language code, sorted by code (folds them now if not yet done).
    public var lists: [(language: String, words: Set<String>)] { (try? words.folded().lists) ?? [] }
    public var english: Set<String> { (try? words.folded().english) ?? [] }

    public init(lists: [(language: String, words: Set<String>)], english: Set<String> = [], imageSize: ImageSize = .optional,
                minWords: Int = 4, minShare: Double = 0.6) {
        self.init(words: FoldedWordLists(folded: lists, english: english), imageSize: imageSize, minWords: minWords, minShare: minShare)
    }

    init(words: FoldedWordLists, imageSize: ImageSize, minWords: Int, minShare: Double) {
        self.words = words
        self.imageSize = imageSize
        self.minWords = minWords
        self.minShare = minShare
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let wordsNode = try options.required("words")
        guard case .mapping(let pairs) = wordsNode.value, !pairs.isEmpty else {
            throw ConfigError("words: expected a mapping of language code to word list, e.g. { fr: words/fr.txt }", at: wordsNode.mark)
        }
        var lists: [(language: String, words: [String])] = []
        for pair in pairs {
            let code = try pair.key.string("a language code")
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw ConfigError("words: '\(code)' is not a two-letter ISO 639-1 code", at: pair.key.mark)
            }
            guard !lists.contains(where: { $0.language == code }) else {
                throw ConfigError("words: '\(code)' is listed twice", at: pair.key.mark)
            }
            lists.append((code, try loadList(pair.value, files: files)))
        }
        var english: [String] = []
        if let node = options["english"] { english = try loadList(node, files: files) }
        let imageSize = try options["image-size"]?.oneOf(ImageSize.self) ?? .optional
        let minWords = try options["min-words"]?.int(in: 1...50) ?? 4
        var minShare = 0.6
        if let node = options["min-share"] {
            guard case .scalar(let text, false) = node.value, let value = Double(text), (0.0...1.0).contains(value) else {
                throw ConfigError("min-share: expected a number from 0 to 1, found \(node.kindName)", at: node.mark)
            }
            minShare = value
        }
        return Self(words: FoldedWordLists(raw: lists, english: english), imageSize: imageSize, minWords: minWords, minShare: minShare)
    }

    /// Reads a word list: one entry per line, `#` comments.
    static func loadList(_ node: ConfigNode, files: RuleFileResolver) throws(ConfigError) -> [String] {
        try WordListFile.load(node, files: files)
    }

    public var valueNames: [String] { ["line", "language", "count", "total"] }
    public var scopes: [Scope] { [.line] }

    public func makeMatcher() throws(ICUError) -> any Matcher { CaptionSlugMatcher(kind: self) }
}

final class CaptionSlugMatcher: Matcher {
    let kind: CaptionSlugMatcherKind

    init(kind: CaptionSlugMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        var selected: [(language: String, words: Set<String>)]?
        var english: Set<String> = []
        for segment in segments {
            let trimmed = document.trimmed(segment)
            guard !trimmed.isEmpty, trimmed.count <= 400, let tokens = Self.tokens(document.text, trimmed) else { continue }
            var words = tokens[...]
            let sized = words.first.map(Self.isImageSize) ?? false
            if sized { words = words.dropFirst() }
            switch kind.imageSize {
            case .required where !sized, .forbidden where sized: continue
            default: break
            }
            let letters = words.filter { $0.contains(where: \.isLetter) }
            guard letters.count >= kind.minWords else { continue }
            if selected == nil {
                let folded = try kind.words.folded()
                selected = folded.lists.filter { context.lint.sourceLanguages.isEmpty || context.lint.sourceLanguages.contains($0.language) }
                english = folded.english
            }
            guard let selected, !selected.isEmpty else { return }
            var best: (language: String, count: Int)?
            for list in selected {
                let count = letters.reduce(0) { $0 + (list.words.contains($1) && !english.contains($1) ? 1 : 0) }
                if count > (best?.count ?? -1) { best = (list.language, count) }
            }
            guard let best, Double(best.count) >= kind.minShare * Double(letters.count), best.count > 0 || kind.minShare == 0 else { continue }
            emit(Match(range: trimmed, values: ["line": document.string(trimmed), "language": best.language,
                                                 "count": String(best.count), "total": String(letters.count)]))
        }
    }

    /// The line's words, or nil unless it is lower-case ASCII letters and digits separated by
    /// spaces, `-` or `_`.
    static func tokens(_ text: UTF16Text, _ range: Range<Int>) -> [String]? {
        var tokens: [String] = []
        var current = ""
        for i in range {
            let unit = text[i]
            switch unit {
            case 0x61...0x7A, 0x30...0x39:
                current.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            case 0x20, 0x09, 0x2D, 0x5F:
                if !current.isEmpty { tokens.append(current) }
                current = ""
            default:
                return nil
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.isEmpty ? nil : tokens
    }

    /// `648x415`: two to four digits, x, two to four digits.
    static func isImageSize(_ token: String) -> Bool {
        let parts = token.split(separator: "x", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { (2...4).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

/// Word lists as written (with accents), folded to lower-case ASCII with ICU's `Latin-ASCII`
/// transliterator the first time they are needed, then shared by all tasks.
final class FoldedWordLists: Sendable {
    typealias Folded = (lists: [(language: String, words: Set<String>)], english: Set<String>)

    private let raw: [(language: String, words: [String])]
    private let rawEnglish: [String]
    private let cache: Locked<Result<Folded, ICUError>?>

    init(raw: [(language: String, words: [String])], english: [String]) {
        self.raw = raw.sorted { $0.language < $1.language }
        self.rawEnglish = english
        cache = Locked(nil)
    }

    init(folded lists: [(language: String, words: Set<String>)], english: Set<String>) {
        raw = []
        rawEnglish = []
        cache = Locked(.success((lists.sorted { $0.language < $1.language }, english)))
    }

    func folded() throws(ICUError) -> Folded {
        let result = cache.withLock { cached -> Result<Folded, ICUError> in
            if let cached { return cached }
            let made = Result { () throws(ICUError) -> Folded in
                let folder = try Transliterator(id: "Latin-ASCII")
                var lists: [(language: String, words: Set<String>)] = []
                for (language, words) in raw { lists.append((language, try Self.fold(words, with: folder))) }
                return (lists, try Self.fold(rawEnglish, with: folder))
            }
            cached = made
            return made
        }
        return try result.get()
    }

    /// Folds the words (one transliteration call for all that need it) and splits compounds
    /// (états-unis) into the words slugs split them into.
    static func fold(_ entries: [String], with folder: Transliterator) throws(ICUError) -> Set<String> {
        let accented = entries.filter { !$0.isASCII }
        var foldedAccented: [String] = []
        if !accented.isEmpty {
            foldedAccented = try folder.apply(accented.joined(separator: "\n")).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var words: Set<String> = []
        var next = foldedAccented.makeIterator()
        for word in entries {
            let folded = (word.isASCII ? word : next.next() ?? word).lowercased()
            for part in folded.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "_" || $0 == "'" }) {
                words.insert(String(part))
            }
        }
        return words
    }
}

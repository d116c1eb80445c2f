import ICUText

/// `match: { phrases: [list] | {wrong: right}, case-sensitive: false }`
///
/// Finds listed words or phrases on ICU word boundaries (Unicode word-boundary mode), with
/// any run of white space between words and either apostrophe (' or ’). With a map, each
/// match proposes its replacement in the match's own capitalisation.
public struct PhraseMatcherKind: MatcherKind {
    public static let key = "phrases"
    public static let optionKeys = ["case-sensitive"]

    /// Normalised phrase → replacement (nil for a plain list).
    public let replacements: [String: String?]
    public let caseSensitive: Bool
    /// Hashes of each phrase's first word: matching only tries where one of them starts.
    public let firstWordHashes: Set<UInt64>
    /// The same as a table for the scan's hits.
    let firstWordTable: WordHashTable<Bool>
    /// One regex per first word, holding only the phrases that start with it.
    let byFirstWord: PhraseRegexes
    /// For first words that only start phrases of two or more words: the second words that
    /// may follow. Most hits of a common first word (`the`, `at`) end there, without ICU.
    let secondWords: [UInt64: Set<UInt64>]
    public var secondWordHashes: [UInt64: Set<UInt64>] { secondWords }
    /// Every phrase's word sequence: a place goes to the regex only if one follows in full.
    let sequences: PhraseSequences
    /// The whole list, for lists with a phrase that does not start with a word.
    let whole: SharedRegex?

    public init(phrases: [(String, String?)], caseSensitive: Bool) {
        self.init(phrases: phrases, normalized: phrases.map { Self.normalize($0.0, caseSensitive: caseSensitive) }, caseSensitive: caseSensitive)
    }

    /// `normalized` holds each phrase's `normalize`d form, in order.
    init(phrases: [(String, String?)], normalized: [String], caseSensitive: Bool) {
        var table: [String: String?] = [:]
        for (key, (_, replacement)) in zip(normalized, phrases) { table[key] = replacement }
        replacements = table
        self.caseSensitive = caseSensitive
        // A phrase that does not start with a letter or digit cannot be found by its first
        // word: then the list is searched the slow way, everywhere.
        let startsWithWords = phrases.allSatisfy { phrase in phrase.0.utf16.first.map(WordHash.isWordUnit) ?? false }
        let options: RegexOptions = caseSensitive ? [.unicodeWordBoundaries] : [.unicodeWordBoundaries, .caseInsensitive]
        if startsWithWords {
            let grouped = Dictionary(grouping: phrases.map(\.0)) { WordHash.firstWord(of: $0) ?? 0 }
            firstWordHashes = Set(grouped.keys)
            byFirstWord = PhraseRegexes(groups: grouped, options: options)
            secondWords = grouped.compactMapValues { group in
                let seconds = group.map { WordHash.words(of: $0).dropFirst().first }
                return seconds.allSatisfy { $0 != nil } ? Set(seconds.compactMap { $0 }) : nil
            }
            sequences = PhraseSequences(phrases: phrases.map(\.0))
            whole = nil
        } else {
            sequences = PhraseSequences(phrases: [])
            firstWordHashes = []
            byFirstWord = PhraseRegexes(groups: [:], options: options)
            secondWords = [:]
            whole = PhraseRegexes.regex(for: phrases.map(\.0), options: options)
        }
        firstWordTable = WordHashTable(set: firstWordHashes)
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let caseSensitive = try mapping["case-sensitive"]?.bool() ?? false
        let node = try mapping.required(key)
        var phrases: [(String, String?)] = []
        switch node.value {
        case .sequence(let items):
            for item in items { phrases.append((try item.string("a phrase"), nil)) }
        case .mapping(let pairs):
            for pair in pairs { phrases.append((try pair.key.string("a phrase"), try pair.value.string("a replacement"))) }
        case .scalar:
            throw ConfigError("phrases: expected a list of phrases or a map of phrase: replacement", at: node.mark)
        }
        guard !phrases.isEmpty else { throw ConfigError("phrases: the list is empty", at: node.mark) }
        var seen: [String: Int] = [:]
        var normalized: [String] = []
        normalized.reserveCapacity(phrases.count)
        for (index, (phrase, _)) in phrases.enumerated() {
            let key = normalize(phrase, caseSensitive: caseSensitive)
            if key.isEmpty { throw ConfigError("phrases: empty phrase", at: node.mark) }
            if let earlier = seen[key] { throw ConfigError("phrases: '\(phrase)' is listed twice (entries \(earlier + 1) and \(index + 1))", at: node.mark) }
            seen[key] = index
            normalized.append(key)
        }
        let kind = Self(phrases: phrases, normalized: normalized, caseSensitive: caseSensitive)
        // The phrases are escaped, so their regexes compile; check one list anyway so a
        // surprise shows at load time rather than as a rule failure.
        if !node.mark.source.isTrusted,
           let sample = kind.whole ?? kind.byFirstWord.groups.keys.first.flatMap(kind.byFirstWord.regex(forFirstWord:)) {
            do { _ = try SharedRegex(sample.pattern, options: sample.options) } catch {
                throw ConfigError("phrases: cannot compile the list: \(error.reason)", at: node.mark)
            }
        }
        return kind
    }

    public var valueNames: [String] { ["match", "replacement"] }
    public var proposesEdits: Bool { replacements.values.contains { $0 != nil } }

    /// Lower-cased (unless case-sensitive), single spaces, straight apostrophes.
    static func normalize(_ phrase: String, caseSensitive: Bool) -> String {
        ASCIIPhrase(phrase)?.normalized(caseSensitive: caseSensitive) ?? normalizeByCharacter(phrase, caseSensitive: caseSensitive)
    }

    /// `normalize` for any text, Character by Character.
    static func normalizeByCharacter(_ phrase: String, caseSensitive: Bool) -> String {
        let words = phrase.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let straight = words.replacing("’", with: "'")
        return caseSensitive ? straight : straight.lowercased()
    }

    /// The phrase as regex source: words joined by `\s+`, either apostrophe, syntax escaped.
    static func regexSource(_ phrase: String) -> String {
        ASCIIPhrase(phrase)?.regexSource ?? regexSourceByCharacter(phrase)
    }

    /// `regexSource` for any text, Character by Character.
    static func regexSourceByCharacter(_ phrase: String) -> String {
        phrase.split(whereSeparator: { $0.isWhitespace }).map { word in
            var out = ""
            for scalar in word.unicodeScalars {
                switch scalar {
                case "'", "’": out += "['’]"
                case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-", "#", "&", "~":
                    out += "\\" + String(scalar)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }.joined(separator: "\\s+")
    }

    public func makeMatcher() throws(ICUError) -> any Matcher { PhraseMatcher(kind: self) }
}

final class PhraseMatcher: Matcher {
    let kind: PhraseMatcherKind
    /// This task's regexes, made on first use.
    private var regexes: [UInt64: ICUText.Regex] = [:]
    private var wholeRegex: ICUText.Regex?

    init(kind: PhraseMatcherKind) { self.kind = kind }

    /// The regex for phrases starting with the word `hash`, pointed at the document's text.
    private func regex(for hash: UInt64, in document: Document) throws(ICUError) -> ICUText.Regex? {
        if let made = regexes[hash] { return made }
        guard let lazy = kind.byFirstWord.regex(forFirstWord: hash) else { return nil }
        let made = try lazy.instance()
        try made.reset(document.text)
        regexes[hash] = made
        return made
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        // Regexes hold a pointer to the text they search: point them at this document's.
        for regex in regexes.values { try regex.reset(document.text) }
        if let whole = kind.whole {
            if wholeRegex == nil { wholeRegex = try whole.instance() }
            guard let regex = wholeRegex else { return }
            try regex.reset(document.text)
            for segment in segments {
                try regex.setRegion(segment)
                while let match = try regex.next() { emit(Self.match(match, in: document, kind: kind)) }
            }
            return
        }
        let hits = context.scan.hits(of: kind.firstWordTable)
        guard !hits.isEmpty, !segments.isEmpty else { return }
        var segmentIndex = 0
        var resumeAt = 0
        for hit in hits where hit.position >= resumeAt {
            // Segments are sorted; find the one holding this word.
            while segmentIndex < segments.count, segments[segmentIndex].upperBound <= hit.position { segmentIndex += 1 }
            guard segmentIndex < segments.count else { break }
            let segment = segments[segmentIndex]
            guard segment.lowerBound <= hit.position else { continue }
            guard kind.sequences.mayMatch(at: hit.position, firstWord: hit.hash, in: document.text, before: segment.upperBound) else { continue }
            guard let regex = try regex(for: hit.hash, in: document) else { continue }
            if let match = try regex.lookingAt(hit.position..<segment.upperBound), !match.range.isEmpty {
                resumeAt = match.range.upperBound
                emit(Self.match(match, in: document, kind: kind))
            }
        }
    }

    /// The match with the phrase's replacement in the match's capitalisation.
    static func match(_ found: RegexMatch, in document: Document, kind: PhraseMatcherKind) -> Match {
        let text = document.string(found.range)
        var values = ["match": text]
        var edits: [Edit]?
        if let entry = kind.replacements[PhraseMatcherKind.normalize(text, caseSensitive: kind.caseSensitive)],
           let replacement = entry {
            let cased = CasePreservation.apply(replacement, like: text)
            values["replacement"] = cased
            edits = [Edit(range: found.range, replacement: cased)]
        }
        return Match(range: found.range, values: values, edits: edits)
    }
}

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
    let regex: SharedRegex
    /// Hashes of each phrase's first word: matching only tries where one of them starts.
    public let firstWordHashes: Set<UInt64>

    public init(phrases: [(String, String?)], caseSensitive: Bool) throws(RegexCompileError) {
        var table: [String: String?] = [:]
        for (phrase, replacement) in phrases { table[Self.normalize(phrase, caseSensitive: caseSensitive)] = replacement }
        replacements = table
        self.caseSensitive = caseSensitive
        // A phrase that does not start with a letter or digit cannot be found by its first
        // word: then the list is searched the slow way, everywhere.
        let startsWithWords = phrases.allSatisfy { phrase in phrase.0.utf16.first.map(WordHash.isWordUnit) ?? false }
        firstWordHashes = startsWithWords ? Set(phrases.compactMap { WordHash.firstWord(of: $0.0) }) : []
        let alternatives = phrases.map(\.0).sorted { $0.count > $1.count }.map(Self.regexSource)
        regex = try SharedRegex("\\b(?:" + alternatives.joined(separator: "|") + ")\\b",
                                options: caseSensitive ? [.unicodeWordBoundaries] : [.unicodeWordBoundaries, .caseInsensitive])
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
        for (index, (phrase, _)) in phrases.enumerated() {
            let key = normalize(phrase, caseSensitive: caseSensitive)
            if key.isEmpty { throw ConfigError("phrases: empty phrase", at: node.mark) }
            if let earlier = seen[key] { throw ConfigError("phrases: '\(phrase)' is listed twice (entries \(earlier + 1) and \(index + 1))", at: node.mark) }
            seen[key] = index
        }
        do {
            return try Self(phrases: phrases, caseSensitive: caseSensitive)
        } catch {
            throw ConfigError("phrases: cannot compile the list: \(error.reason)", at: node.mark)
        }
    }

    public var valueNames: [String] { ["match", "replacement"] }
    public var proposesEdits: Bool { replacements.values.contains { $0 != nil } }

    /// Lower-cased (unless case-sensitive), single spaces, straight apostrophes.
    static func normalize(_ phrase: String, caseSensitive: Bool) -> String {
        let words = phrase.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let straight = words.replacing("’", with: "'")
        return caseSensitive ? straight : straight.lowercased()
    }

    static func regexSource(_ phrase: String) -> String {
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

    public func makeMatcher() throws(ICUError) -> any Matcher {
        PhraseMatcher(kind: self, regex: try regex.instance())
    }
}

final class PhraseMatcher: Matcher {
    let kind: PhraseMatcherKind
    let regex: ICUText.Regex

    init(kind: PhraseMatcherKind, regex: ICUText.Regex) {
        self.kind = kind
        self.regex = regex
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        try regex.reset(document.text)
        guard !kind.firstWordHashes.isEmpty else {
            for segment in segments {
                try regex.setRegion(segment)
                while let match = try regex.next() { emit(Self.match(match, in: document, kind: kind)) }
            }
            return
        }
        let hits = context.scan.wordHits
        guard !hits.isEmpty, !segments.isEmpty else { return }
        var segmentIndex = 0
        var resumeAt = 0
        for hit in hits where hit.position >= resumeAt && kind.firstWordHashes.contains(hit.hash) {
            // Segments are sorted; find the one holding this word.
            while segmentIndex < segments.count, segments[segmentIndex].upperBound <= hit.position { segmentIndex += 1 }
            guard segmentIndex < segments.count else { break }
            let segment = segments[segmentIndex]
            guard segment.lowerBound <= hit.position else { continue }
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

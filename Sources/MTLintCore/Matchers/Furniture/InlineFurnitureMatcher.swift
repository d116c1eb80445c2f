import ICUText

/// ```yaml
/// match:
///   inline-furniture:
///     teasers: vocabulary/teaser-prefixes.txt   # a label, punctuation, then another article's headline
///     calls: vocabulary/calls-to-action.txt     # a sentence that sends the reader elsewhere
///     sources: vocabulary/source-labels.txt     # a label, then a website's name
///     domains: vocabulary/domains.txt
/// ```
///
/// Finds furniture that a scraper glued into a paragraph, after the end of one of its
/// sentences, where a line rule cannot see it:
///
/// - a teaser: a `teasers` label followed by `:` or a dash, then another article's headline,
///   up to the end of the line, the next quotation that opens (`… dialogue. Read also: Ivory
///   Coast: … of dialogue “ Anyone …`), or a `?`/`!`/full stop followed by a capital (`Ms.`
///   and other short capitalised words before a full stop do not end it); at most 30 words;
/// - a call to action: a sentence opening with a `calls` phrase (`Follow our live stream.`);
/// - a source note: a `sources` label, maybe a colon, and a domain name (`Source: example.com`,
///   `Источник www.mk.ru`, `Photo: Wikipedia.org.`).
///
/// Only what follows a sentence end (`.`, `!`, `?`, `…`, maybe behind a closing quote) is
/// read: a line that opens with a teaser is the line classifier's. The match covers the
/// furniture and the space before it, so deleting it (`delete: match`) leaves the paragraph
/// whole. Value: `${text}`, the furniture without that space.
public struct InlineFurnitureMatcherKind: MatcherKind {
    public static let key = "inline-furniture"
    static let ownKeys = ["teasers", "calls", "sources", "domains"]

    let teasers: FurnitureVocabulary
    let calls: FurnitureVocabulary
    let sources: FurnitureVocabulary
    let domains: FurnitureVocabulary
    /// First words of all three lists.
    let firstWords: Set<UInt64>
    let firstWordTable: WordHashTable<Bool>
    /// The same words as the shared word scan hashes them, in every spelling they may take.
    let scanWords: Set<UInt64>
    let scanTable: WordHashTable<Bool>

    static let maxTeaserWords = 30
    static let maxCallWords = 14

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        func list(_ key: String) throws(ConfigError) -> FurnitureVocabulary {
            guard let node = options[key] else { return FurnitureVocabulary() }
            return try FurnitureVocabulary.load(node, files: files)
        }
        let kind = Self(teasers: try list("teasers"), calls: try list("calls"), sources: try list("sources"), domains: try list("domains"))
        guard !kind.firstWords.isEmpty else { throw ConfigError("inline-furniture: give teasers, calls or sources", at: mapping.mark) }
        if !kind.sources.isEmpty, kind.domains.isEmpty {
            throw ConfigError("inline-furniture: sources need domains (a list of top-level domains)", at: mapping.mark)
        }
        return kind
    }

    init(teasers: FurnitureVocabulary, calls: FurnitureVocabulary, sources: FurnitureVocabulary, domains: FurnitureVocabulary) {
        self.teasers = teasers
        self.calls = calls
        self.sources = sources
        self.domains = domains
        firstWords = Set(teasers.firstWords).union(calls.firstWords).union(sources.firstWords)
        firstWordTable = WordHashTable(set: firstWords)
        var scanWords = Set<UInt64>()
        for word in Set(teasers.firstSpellings).union(calls.firstSpellings).union(sources.firstSpellings) {
            scanWords.formUnion(FurnitureText.scanHashes(of: word))
        }
        self.scanWords = scanWords
        scanTable = WordHashTable(set: scanWords)
    }

    public var valueNames: [String] { ["text"] }
    public var scopes: [Scope] { [.line] }
    public var firstWordHashes: Set<UInt64> { scanWords }

    public func makeMatcher() throws(ICUError) -> any Matcher { InlineFurnitureMatcher(kind: self) }
}

final class InlineFurnitureMatcher: Matcher {
    let kind: InlineFurnitureMatcherKind

    init(kind: InlineFurnitureMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let units = document.text.units
        // Where a listed first word starts (the shared word scan), then whether a sentence ends
        // just before it, in the same line.
        var segment = 0
        var after = 0
        for hit in context.scan.hits(of: kind.scanTable) where hit.position >= after {
            let start = hit.position
            while segment < segments.count, segments[segment].upperBound <= start { segment += 1 }
            guard segment < segments.count, segments[segment].contains(start), start > segments[segment].lowerBound,
                  FurnitureText.isUpper(units[start]) else { continue }
            let line = segments[segment]
            var i = start
            while i > line.lowerBound, units[i - 1] == 0x20 || units[i - 1] == 0x09 || units[i - 1] == 0xA0 { i -= 1 }
            guard i > line.lowerBound else { continue }
            let u = units[i - 1]
            guard Self.endsSentence(u) || ((u == 0x201D || u == 0x22 || u == 0xBB) && i - 1 > line.lowerBound && Self.endsSentence(units[i - 2]))
            else { continue }
            if let found = furniture(at: start, before: line.upperBound, units: units) {
                emit(Match(range: i..<found.upperBound, values: ["text": document.string(found)]))
                after = found.upperBound
            }
        }
    }

    /// The furniture starting at `start` (up to `end`), if any.
    private func furniture(at start: Int, before end: Int, units: UnsafeBufferPointer<UInt16>) -> Range<Int>? {
        var first: FurnitureToken?
        FurnitureText.forEachToken(units, in: start..<min(end, start + 64)) { token in
            first = token
            return false
        }
        guard let word = first, word.range.lowerBound == start, word.capitalised, kind.firstWordTable.contains(word.hash) else { return nil }
        let tokens = FurnitureText.tokens(units, in: start..<end, limit: InlineFurnitureMatcherKind.maxTeaserWords + 8)
        if let count = kind.sources.longestPrefix(of: tokens[...]), let range = sourceNote(tokens, after: count, units: units, end: end) {
            return range
        }
        if let count = kind.teasers.longestPrefix(of: tokens[...]), count < tokens.count {
            let gap = tokens[count - 1].range.upperBound..<tokens[count].range.lowerBound
            let separated = gap.contains { units[$0] == 0x3A || units[$0] == 0x2013 || units[$0] == 0x2014 || units[$0] == 0x7C }
            if separated, tokens[count].capitalised || tokens[count].hasDigit || gap.contains(where: { Self.isQuote(units[$0]) }),
               let teaserEnd = teaserEnd(tokens, from: count, units: units, end: end) {
                return start..<teaserEnd
            }
        }
        if kind.calls.longestPrefix(of: tokens[...]) != nil, let callEnd = sentenceEnd(tokens, units: units, end: end) {
            return start..<callEnd
        }
        return nil
    }

    /// A domain name right after the label (and a colon): `Source: example.com`.
    private func sourceNote(_ tokens: [FurnitureToken], after count: Int, units: UnsafeBufferPointer<UInt16>, end: Int) -> Range<Int>? {
        // The name: words joined by dots (or hyphens), the last one after a dot a top-level domain.
        var i = count
        guard i < tokens.count else { return nil }
        let gap = tokens[i - 1].range.upperBound..<tokens[i].range.lowerBound
        guard gap.allSatisfy({ units[$0] == 0x20 || units[$0] == 0x3A || units[$0] == 0xA0 }) else { return nil }
        var lastDot = false
        while i + 1 < tokens.count, tokens[i + 1].range.lowerBound == tokens[i].range.upperBound + 1,
              units[tokens[i].range.upperBound] == 0x2E || units[tokens[i].range.upperBound] == 0x2D {
            lastDot = units[tokens[i].range.upperBound] == 0x2E
            i += 1
        }
        guard i > count, lastDot, kind.domains.contains(word: tokens[i].hash), !tokens[i].capitalised else { return nil }
        var stop = tokens[i].range.upperBound
        if stop < end, units[stop] == 0x2E { stop += 1 }
        return tokens[0].range.lowerBound..<stop
    }

    /// Where a teaser's headline ends: the line's end, before an opening quotation mark that
    /// follows a space, or after `?`, `!` or a full stop followed by a capital (not after a
    /// short capitalised word such as `Ms.`). Nil when it runs past the word limit.
    private func teaserEnd(_ tokens: [FurnitureToken], from index: Int, units: UnsafeBufferPointer<UInt16>, end: Int) -> Int? {
        for t in index..<tokens.count {
            let after = tokens[t].range.upperBound
            var j = after
            while j < end, !WordHash.isWordUnit(units[j]) {
                let u = units[j]
                if (u == 0x3F || u == 0x21) && (j + 1 == end || units[j + 1] == 0x20) { return j + 1 }
                if u == 0x2E, j + 1 < end, units[j + 1] == 0x20, tokens[t].range.count > 2 || !tokens[t].capitalised,
                   j + 2 < end, FurnitureText.isUpper(units[j + 2]) || Self.isQuote(units[j + 2]) {
                    return j + 1
                }
                if u == 0x20, j + 1 < end, Self.isOpeningQuote(units[j + 1]) { return Self.trimEnd(units, tokens[t].range.lowerBound, j) }
                j += 1
            }
            if j >= end { return Self.trimEnd(units, tokens[t].range.lowerBound, end) }
        }
        return nil
    }

    /// The end of the sentence the tokens open, within `maxCallWords` words.
    private func sentenceEnd(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, end: Int) -> Int? {
        for token in tokens.prefix(InlineFurnitureMatcherKind.maxCallWords) {
            var j = token.range.upperBound
            while j < end, !WordHash.isWordUnit(units[j]) {
                if Self.endsSentence(units[j]) { return j + 1 }
                j += 1
            }
            if j >= end { return Self.trimEnd(units, token.range.lowerBound, end) }
        }
        return nil
    }

    static func trimEnd(_ units: UnsafeBufferPointer<UInt16>, _ floor: Int, _ end: Int) -> Int {
        var e = end
        while e > floor, units[e - 1] == 0x20 || units[e - 1] == 0x09 || units[e - 1] == 0xA0 { e -= 1 }
        return e
    }

    static func endsSentence(_ u: UInt16) -> Bool { u == 0x2E || u == 0x21 || u == 0x3F || u == 0x2026 }

    static func isQuote(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2018, 0x2019: true
        default: false
        }
    }

    static func isOpeningQuote(_ u: UInt16) -> Bool { u == 0x22 || u == 0x201C || u == 0x201E || u == 0xAB }
}

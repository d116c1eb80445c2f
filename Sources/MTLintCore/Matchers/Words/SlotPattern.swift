/// A phrase with slots, as calque rules write them, compiled to an ICU regex:
///
/// - words match themselves, case-insensitively except that a word written with a capital
///   needs its capital (`the Sages` is not `the sages`, `Judicial Power` not `judicial
///   power`), with any white space between them, either apostrophe (`'` `’`) and a hyphen or
///   a space for `-`; slot entries follow the same rule;
/// - `(a|b c|d)` matches one of the alternatives (each a phrase of its own);
/// - `[the]` is optional;
/// - `{slot}` matches one entry of a slot list (longest first) and captures it;
/// - `{Name}` matches one to three capitalised words (a person or place; the matcher checks
///   that they are not common words).
///
/// A match needs a word boundary (`\b`) at either end. The phrase's anchors are
/// the words that every match holds (see `anchors`): the shared word scan looks for them, and
/// the regex runs only on lines holding one.
struct SlotPattern: Sendable {
    /// Only the cases that hold items are indirect: with the whole enum indirect, the boxes of
    /// words built while a phrase was parsed leaked (LeakSanitizer, at every rule load).
    enum Item: Sendable, Equatable {
        case word(String)
        indirect case choice([[Item]])
        indirect case optional([Item])
        case slot(String)
        /// The items on either side touch, with no space between them (`vice-{scope}`).
        case glue
    }

    struct ParseError: Error {
        let message: String
    }

    let source: String
    let items: [Item]

    /// The name of the built-in slot for a person's or place's name.
    static let nameSlot = "Name"

    init(_ source: String) throws(ParseError) {
        self.source = source
        var parser = Parser(units: Array(source.unicodeScalars))
        let items = try parser.sequence(until: [])
        guard !items.isEmpty else { throw ParseError(message: "the phrase is empty") }
        self.items = items
    }

    /// The slots the phrase names, in order of their capture groups.
    var slots: [String] {
        var names: [String] = []
        func walk(_ items: [Item]) {
            for item in items {
                switch item {
                case .slot(let name): names.append(name)
                case .choice(let alternatives): alternatives.forEach(walk)
                case .optional(let inner): walk(inner)
                case .word, .glue: break
                }
            }
        }
        walk(items)
        return names
    }

    /// What the matcher knows of a slot when it plans a phrase's anchors.
    struct SlotInfo: Sendable {
        /// The most whitespace-separated chunks an entry has.
        var chunks: Int
        /// Each entry's first word (nil: not enumerable, as for `{Name}`).
        var firstWords: [String]?
        /// Each entry's rarest word, or nil when some entry has none that is not a function word.
        var anchors: [String]?
    }

    /// Where the word scan looks for a phrase: `words`, one of which every match holds, each
    /// counting only before one of `followers` when that is set (`the` before `minister`), and
    /// how many whitespace-separated chunks of the match may come before the word.
    struct AnchorPlan: Sendable, Equatable {
        var words: [String]
        var followers: [String]?
        var chunksBefore: Int
    }

    /// The cheapest way to find the phrase, in this order: a long rare word or choice of words
    /// outside options and slots (`diplomacy`); a rare word and the words that may follow it
    /// (`last` before `energy`, `frame` before `of`); a shorter rare word (`Sages`); any word
    /// (or choice of single words) and its followers, punctuation skipped as the scan skips it
    /// (`the` before a title, `said` before `declared`); a common word (`minister`); the words
    /// of a slot every match passes through. Function words (`the`, `of`) are never anchors on
    /// their own: they are on every line. Nil when there is no way (a phrase of slots only
    /// whose entries have no words to anchor on).
    func anchorPlan(slots: [String: SlotInfo]) -> AnchorPlan? {
        func chunks(_ items: ArraySlice<Item>) -> Int {
            var total = 0
            for item in items {
                switch item {
                case .glue: continue
                case .word: total += 1
                case .slot(let name): total += name == Self.nameSlot ? 3 : slots[name]?.chunks ?? 1
                case .choice(let alternatives): total += alternatives.map { chunks($0[...]) }.max() ?? 0
                case .optional(let inner): total += chunks(inner[...])
                }
            }
            return total
        }
        func before(_ index: Int) -> Int { chunks(items[..<index]) + max(chunks(items[index...index]) - 1, 0) }
        // The first words a match of items[index...] may start with (nil: not enumerable).
        func firstWords(_ list: [Item], from index: Int) -> [String]? {
            guard index < list.count else { return nil }
            switch list[index] {
            case .word(let word) where Self.letters(word) == 0: return firstWords(list, from: index + 1)  // `.`: the scan skips it
            case .word(let word): return [word]
            case .glue: return firstWords(list, from: index + 1)
            case .slot(let name): return name == Self.nameSlot ? nil : slots[name]?.firstWords
            case .choice(let alternatives):
                var words: [String] = []
                for alternative in alternatives {
                    guard let first = firstWords(alternative, from: 0) else { return nil }
                    words += first
                }
                return words
            case .optional(let inner):
                guard let inside = firstWords(inner, from: 0), let after = firstWords(list, from: index + 1) else { return nil }
                return inside + after
            }
        }
        // Rare or common words and choices at the top level.
        func choiceWords(_ alternative: [Item]) -> [String]? {
            let words = alternative.compactMap { item -> String? in if case .word(let w) = item, !Self.isFunctionWord(w) { w } else { nil } }
            return words.max { Self.rarity($0) < Self.rarity($1) }.map { [$0] }
        }
        var sets: [(words: [String], index: Int)] = []
        for (index, item) in items.enumerated() {
            switch item {
            case .word(let word) where !Self.isFunctionWord(word):
                sets.append(([word], index))
            case .choice(let alternatives):
                let each = alternatives.map(choiceWords)
                if each.allSatisfy({ $0 != nil }) { sets.append((each.flatMap { $0 ?? [] }, index)) }
            default:
                break
            }
        }
        func score(_ words: [String]) -> (Int, Int) {
            (words.contains(where: { Self.commonWords.contains($0.lowercased()) }) ? 0 : 1, words.map(Self.letters).min() ?? 0)
        }
        let best = sets.reduce(nil as (words: [String], index: Int)?) { best, set in
            guard let best else { return set }
            return score(set.words) >= score(best.words) ? set : best
        }
        let rare = best.flatMap { score($0.words).0 == 1 ? $0 : nil }
        if let rare, score(rare.words).1 >= 8 {
            return AnchorPlan(words: Array(Set(rare.words)).sorted(), followers: nil, chunksBefore: before(rare.index))
        }
        // A word (or a choice of single words) and the words that may follow it.
        var pairs: [AnchorPlan] = []
        for (index, item) in items.enumerated() {
            let words: [String]
            switch item {
            case .word(let word) where Self.letters(word) > 0: words = [word]
            case .choice(let alternatives):
                let firsts = alternatives.compactMap { alternative -> String? in
                    guard alternative.count == 1, case .word(let word) = alternative[0], Self.letters(word) > 0 else { return nil }
                    return word
                }
                guard firsts.count == alternatives.count else { continue }
                words = firsts
            default: continue
            }
            guard let next = firstWords(items, from: index + 1), !next.isEmpty else { continue }
            pairs.append(AnchorPlan(words: Array(Set(words)).sorted(), followers: Array(Set(next)).sorted(), chunksBefore: before(index)))
        }
        // A pair whose first word is rare is more selective than a short rare word alone.
        let goodPair = pairs.last { pair in
            !pair.words.contains { Self.isFunctionWord($0) || Self.commonWords.contains($0.lowercased()) }
        }
        if let goodPair { return goodPair }
        if let rare { return AnchorPlan(words: Array(Set(rare.words)).sorted(), followers: nil, chunksBefore: before(rare.index)) }
        if let pair = pairs.last(where: { !$0.words.contains(where: Self.isFunctionWord) }) ?? pairs.first { return pair }
        if let best { return AnchorPlan(words: Array(Set(best.words)).sorted(), followers: nil, chunksBefore: before(best.index)) }
        for (index, item) in items.enumerated() {
            if case .slot(let name) = item, let anchors = slots[name]?.anchors {
                return AnchorPlan(words: anchors, followers: nil, chunksBefore: before(index))
            }
        }
        return nil
    }

    /// How rare a word is likely to be: not a common news word, then longer.
    static func rarity(_ word: String) -> (Int, Int) {
        (commonWords.contains(word.lowercased()) ? 0 : 1, letters(word))
    }

    /// Words too common to anchor a phrase.
    static func isFunctionWord(_ word: String) -> Bool {
        let count = letters(word)
        return count < 3 || (count <= 5 && functionWords.contains(word.lowercased()))
    }

    /// Words frequent in news text: an anchor only when a phrase has nothing rarer.
    static let commonWords: Set<String> = [
        "about", "after", "against", "before", "between", "under", "without", "which", "there", "where", "would",
        "could", "should", "other", "people", "state", "police", "political", "government", "minister",
        "president", "party", "security", "money", "level", "council", "department", "end", "year", "time",
        "said", "says", "told",
    ]

    static let functionWords: Set<String> = [
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "but", "as",
        "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "is", "was", "are",
        "were", "be", "been", "it", "he", "she", "they", "we", "not", "no", "has", "have", "had", "will",
    ]

    static func letters(_ word: String) -> Int {
        var count = 0
        for unit in word.utf8 {
            if unit < 0x80 {
                if (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A { count += 1 }
            } else {
                // Not ASCII: ask the scalar properties (rare in the shipped lists).
                return word.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            }
        }
        return count
    }

    /// The ICU regex: slots as capture groups in order, everything else non-capturing.
    /// `slotSources` gives each slot's regex (an alternation of its entries).
    func regexSource(slotSources: [String: String]) -> String {
        // `\b` rather than `(?<![\p{L}\p{N}])`: ICU keeps the word characters as a static
        // set, where a property set is built (and, case-insensitively, closed over case)
        // each time a phrase is compiled, which costs milliseconds per phrase at start-up.
        "\\b" + Self.sequence(items, slotSources) + "\\b"
    }


    private static func sequence(_ items: [Item], _ slots: [String: String]) -> String {
        var out = ""
        var needsSeparator = false
        for (index, item) in items.enumerated() {
            if case .optional(let inner) = item {
                let body = sequence(inner, slots)
                if index == items.count - 1 {
                    out += "(?:\\s+" + body + ")?"
                } else {
                    out += (needsSeparator ? "\\s+" : "") + "(?:" + body + "\\s+)?"
                    needsSeparator = false
                }
                continue
            }
            if case .glue = item {
                needsSeparator = false
                continue
            }
            if needsSeparator { out += "\\s+" }
            switch item {
            case .word(let word): out += wordSource(word)
            case .choice(let alternatives): out += "(?:" + alternatives.map { sequence($0, slots) }.joined(separator: "|") + ")"
            case .slot(let name): out += "(" + (slots[name] ?? "(?!)") + ")"
            case .optional, .glue: break
            }
            needsSeparator = true
        }
        return out
    }

    /// A word as regex source: either apostrophe, a hyphen or a space for `-`, syntax escaped,
    /// and a leading capital matched as written (the regex is otherwise case-insensitive).
    static func wordSource(_ word: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count + 8)
        appendWordSource(Substring(word).unicodeScalars, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `phrases` as one alternation of their sources, written as UTF-8 straight into one buffer
    /// (a slot list of a hundred nationalities is written the first time an entry needs it).
    static func alternationSource(_ phrases: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(phrases.reduce(0) { $0 + 2 * $1.utf8.count + 1 })
        for (index, phrase) in phrases.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "|")) }
            appendPhraseSource(phrase, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the source of `phrase`: its words (split at spaces that are characters of their
    /// own) joined by `\s+`.
    private static func appendPhraseSource(_ phrase: String, to out: inout [UInt8]) {
        let separator = Array("\\s+".utf8)
        var first = true
        if phrase.isASCII {
            // In ASCII text every space is a character of its own, and every byte a scalar.
            var atWordStart = true
            for byte in phrase.utf8 {
                if byte == 0x20 {
                    atWordStart = true
                    continue
                }
                if atWordStart {
                    if !first { out.append(contentsOf: separator) }
                    first = false
                    atWordStart = false
                    if byte >= 0x41 && byte <= 0x5A {
                        appendCapital(Unicode.Scalar(byte), to: &out)
                        continue
                    }
                }
                appendASCIISource(byte, to: &out)
            }
            return
        }
        // Elsewhere a space may carry a combining mark: split the characters.
        for word in phrase.split(whereSeparator: { $0 == " " }) {
            if !first { out.append(contentsOf: separator) }
            appendWordSource(word.unicodeScalars, to: &out)
            first = false
        }
    }

    private static func appendWordSource(_ word: Substring.UnicodeScalarView, to out: inout [UInt8]) {
        var scalars = word[...]
        if let first = scalars.first, first.isASCII ? ("A"..."Z").contains(first) : first.properties.isUppercase {
            appendCapital(first, to: &out)
            scalars = scalars.dropFirst()
        }
        for scalar in scalars {
            if scalar.isASCII {
                appendASCIISource(UInt8(truncatingIfNeeded: scalar.value), to: &out)
            } else if scalar == "’" {
                out.append(contentsOf: "['’]".utf8)
            } else {
                appendUTF8(scalar, to: &out)
            }
        }
    }

    /// A word's leading capital, matched as written in an otherwise case-insensitive regex.
    private static func appendCapital(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: "(?-i:".utf8)
        appendUTF8(scalar, to: &out)
        out.append(UInt8(ascii: ")"))
    }

    /// An ASCII character of a word (not its first capital) as regex source.
    @inline(__always)
    private static func appendASCIISource(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "'"): out.append(contentsOf: "['’]".utf8)
        case UInt8(ascii: "-"): out.append(contentsOf: "[-‐‑ ]".utf8)
        case UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "?"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        default: out.append(byte)
        }
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.isASCII {
            out.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { out.append($0) }
        }
    }

    /// The regex of `{Name}`: one to three capitalised words, case-sensitive.
    static let nameSource = "(?-i:\\p{Lu}[\\p{Ll}\\p{M}’'\\-]+(?:[ \\u00A0]\\p{Lu}[\\p{Ll}\\p{M}’'\\-]+){0,2})"

    private struct Parser {
        let units: [Unicode.Scalar]
        var index = 0

        init(units: [Unicode.Scalar]) { self.units = units }

        /// Whether `scalar` ends a word: a space, a tab, a bracket, a brace or `|`.
        static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case " ", "\t", "(", ")", "[", "]", "{", "}", "|": true
            default: false
            }
        }

        /// Skips spaces; whether there were any.
        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = index
            while index < units.count, units[index] == " " || units[index] == "\t" { index += 1 }
            return index > start
        }

        /// Items up to one of `terminators` (not consumed) or the end. (An array: at most two,
        /// where a set was built and hashed at every call.)
        mutating func sequence(until terminators: [Unicode.Scalar]) throws(ParseError) -> [Item] {
            var items: [Item] = []
            while true {
                let spaced = skipSpaces()
                guard index < units.count, !terminators.contains(units[index]) else { return items }
                if !spaced, !items.isEmpty { items.append(.glue) }
                switch units[index] {
                case "(":
                    index += 1
                    var alternatives: [[Item]] = []
                    while true {
                        let alternative = try sequence(until: ["|", ")"])
                        guard !alternative.isEmpty else { throw ParseError(message: "an empty alternative in ( | )") }
                        alternatives.append(alternative)
                        guard index < units.count else { throw ParseError(message: "'(' is not closed") }
                        index += 1
                        if units[index - 1] == ")" { break }
                    }
                    items.append(.choice(alternatives))
                case "[":
                    index += 1
                    let inner = try sequence(until: ["]"])
                    guard index < units.count else { throw ParseError(message: "'[' is not closed") }
                    guard !inner.isEmpty else { throw ParseError(message: "an empty option [ ]") }
                    index += 1
                    items.append(.optional(inner))
                case "{":
                    index += 1
                    var name = ""
                    while index < units.count, units[index] != "}" { name.unicodeScalars.append(units[index]); index += 1 }
                    guard index < units.count else { throw ParseError(message: "'{' is not closed") }
                    index += 1
                    guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else {
                        throw ParseError(message: "'{\(name)}' is not a slot name (letters and '-')")
                    }
                    items.append(.slot(name))
                case ")", "]", "}", "|":
                    throw ParseError(message: "unexpected '\(units[index])'")
                default:
                    var word = ""
                    while index < units.count, !Self.endsWord(units[index]) {
                        word.unicodeScalars.append(units[index])
                        index += 1
                    }
                    items.append(.word(word))
                }
            }
        }
    }
}

import ICUText
import WordTables

/// ```yaml
/// match:
///   slot-phrases:
///     dictionary: ../glued/dictionary/en.words   # optional: for {Name}, words that are not names
///     slots:
///       nationality: slots/nationalities.txt     # a file: `Ukrainian = Ukraine` or `Ukrainian` per line
///       party: [LFI, RN, PS, LR]                 # or a list
///     entries:
///       - find: 'the head of {nationality} diplomacy'
///         suggest: '{nationality}’s foreign minister'
///         why: 'le chef de la diplomatie ukrainienne is the country’s foreign minister.'
///         example: 'She met the head of Ukrainian diplomacy in Kyiv.'
/// ```
///
/// Finds constructions written as phrases with slots (see `SlotPattern`) — the calque rules'
/// literal translations, a doubled reporting verb: one entry per construction, each with its
/// reason and an English suggestion. In `suggest`,
/// `{slot}` stands for the slot's value for the entry that matched (the entry itself when the
/// list gives no value) and `{Name}` for the name matched. The suggestion takes the match's
/// capitalisation and is proposed as the fix. `{Name}` matches capitalised words that the
/// dictionary does not list as common words (`the minister Darmanin`, not `the minister
/// Said`), so it needs `dictionary`.
///
/// Each entry's regex is tried only where one of its anchors stands (see
/// `SlotPattern.anchorPlan`), found by the shared word scan: anchored (ICU `lookingAt`) at the
/// starts of the few whitespace-separated chunks before the anchor that a match could start
/// at, so a frequent anchor costs a few anchored attempts, not a search of its line. Where entries overlap, the longer match is kept. `example` is a sentence the entry must flag (checked by the test suite).
/// Values: `${match}`, `${suggestion}`, `${why}`.
public struct SlotPhraseMatcherKind: MatcherKind {
    public static let key = "slot-phrases"
    static let ownKeys = ["dictionary", "slots", "entries"]
    static let entryKeys = ["find", "suggest", "why", "example"]

    public struct Entry: Sendable {
        public let find: String
        public let suggest: String?
        public let why: String
        public let example: String?
        let pattern: SlotPattern
        let regex: LazySlotRegex
        /// Slot name for each capture group (group n + 1).
        let groups: [String]
        /// Where the word scan finds it.
        let plan: SlotPattern.AnchorPlan
    }

    /// A slot list: its regex source and the value of each entry (lower-cased key).
    struct Slot: Sendable {
        /// The entries, longest first (the regex alternation is written from them on first use).
        let phrases: [String]
        let values: [String: String]
        /// What anchor planning needs of it.
        let info: SlotPattern.SlotInfo
    }

    public let entries: [Entry]
    let slots: [String: Slot]
    let dictionary: WordLists?
    /// Entry indices by anchor hash.
    let entriesByAnchor: [UInt64: [Int]]
    /// The anchors the shared word scan looks for (see `SlotPattern.AnchorPlan`).
    public var firstWordHashes: Set<UInt64> { Set(entriesByAnchor.keys) }
    /// For anchors that only count before certain words (`the` before a title), those words.
    public let secondWordHashes: [UInt64: Set<UInt64>]

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let dictionary = try options["dictionary"].map { node throws(ConfigError) in try WordLists.decode(node, files: files) }
        var slots: [String: Slot] = [:]
        if let node = options["slots"] {
            guard case .mapping(let pairs) = node.value else {
                throw ConfigError("slots: expected a mapping of slot name to a list or a word-list file", at: node.mark)
            }
            for pair in pairs {
                let name = try pair.key.string("a slot name")
                guard name != SlotPattern.nameSlot else { throw ConfigError("slots: '\(name)' is built in", at: pair.key.mark) }
                guard slots[name] == nil else { throw ConfigError("slots: '\(name)' is defined twice", at: pair.key.mark) }
                slots[name] = try slot(pair.value, files: files)
            }
        }
        let entriesNode = try options.required("entries")
        var slotInfos = slots.mapValues(\.info)
        slotInfos[SlotPattern.nameSlot] = SlotPattern.SlotInfo(chunks: 3, firstWords: nil, anchors: nil)
        let slotSources = SlotSources(slots.mapValues(\.phrases))
        var entries: [Entry] = []
        var byAnchor: [UInt64: [Int]] = [:]
        var followersByAnchor: [UInt64: Set<UInt64>] = [:]
        var freeAnchors = Set<UInt64>()
        for node in try entriesNode.list() {
            let map = try node.mapping(allowed: entryKeys)
            let findNode = try map.required("find")
            let find = try findNode.string("a phrase with slots")
            let pattern: SlotPattern
            do { pattern = try SlotPattern(find) } catch { throw ConfigError("find: \(error.message)", at: findNode.contentMark) }
            for name in pattern.slots where name != SlotPattern.nameSlot && slots[name] == nil {
                throw ConfigError("find: no slot '\(name)' (define it under slots:)", at: findNode.contentMark)
            }
            if pattern.slots.contains(SlotPattern.nameSlot), dictionary == nil {
                throw ConfigError("find: {Name} needs a dictionary (the dictionary: option)", at: findNode.contentMark)
            }
            guard let plan = pattern.anchorPlan(slots: slotInfos) else {
                throw ConfigError("find: the phrase needs a word, or a slot whose entries have words, for the word scan to find", at: findNode.contentMark)
            }
            let regex = LazySlotRegex(pattern: pattern, slots: slotSources)
            if !findNode.mark.source.isTrusted {
                // A rule of the user's: compile now, so a bad phrase stops mtlint before linting.
                do { _ = try regex.compiled() } catch {
                    throw ConfigError("find: cannot compile the phrase: \(error.reason)", at: findNode.contentMark)
                }
            }
            let suggestNode = map["suggest"]
            let suggest = try suggestNode?.string("a suggestion")
            if let suggest, let suggestNode {
                for name in Self.placeholders(in: suggest) where !pattern.slots.contains(name) {
                    throw ConfigError("suggest: {\(name)} is not a slot of the phrase", at: suggestNode.contentMark)
                }
            }
            let entry = Entry(find: find, suggest: suggest, why: try map.required("why").string("a reason"),
                              example: try map["example"]?.string("an example sentence"),
                              pattern: pattern, regex: regex, groups: pattern.slots, plan: plan)
            for anchor in plan.words {
                let hash = WordHash.firstWord(of: anchor) ?? 0
                byAnchor[hash, default: []].append(entries.count)
                if let followers = plan.followers {
                    followersByAnchor[hash, default: []].formUnion(followers.compactMap(WordHash.firstWord))
                } else {
                    freeAnchors.insert(hash)
                }
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw ConfigError("entries: the list is empty", at: entriesNode.mark) }
        return Self(entries: entries, slots: slots, dictionary: dictionary, entriesByAnchor: byAnchor,
                    secondWordHashes: followersByAnchor.filter { !freeAnchors.contains($0.key) })
    }

    /// A slot list: inline, or a file with one entry per line, `entry = value` or `entry`. A
    /// file's slot is made once per set of rule files (see `RuleFileResolver.derived`); a
    /// shipped list's, in a file or inline, was laid out when mtlint was built.
    static func slot(_ node: ConfigNode, files: RuleFileResolver) throws(ConfigError) -> Slot {
        guard case .scalar = node.value else {
            let entries = try node.stringList()
            if let layout = node.mark.source.laidOut?.slotLayout(ofInlineList: entries),
               let laidOut = layout.withUTF8Buffer({ SlotListLayout.slot(fromLayout: $0) }) {
                return laidOut
            }
            return try slot(lines: entries, at: node)
        }
        let name = try node.string("a word-list file name")
        let slot = try files.derived(from: name, purpose: SlotListLayout.purpose) { lines throws(ConfigError) in
            try Self.slot(lines: WordListFile.entries(of: lines), at: node)
        }
        guard let slot else {
            throw ConfigError("slots: word list '\(name)' not found (paths are relative to the rule file)", at: node.mark)
        }
        return slot
    }

    static func slot(lines: [String], at node: ConfigNode) throws(ConfigError) -> Slot {
        var values: [String: String] = [:]
        var phrases: [String] = []
        var lengths: [Int] = []
        var anchors: [String] = []
        var chunks = 1
        var firstWords: Set<String> = []
        for line in lines {
            let parts = ASCIISlotLine.parts(of: line) ?? line.split(separator: "=", maxSplits: 1).map { $0.trimmedWhitespace }
            guard let phrase = parts.first, !phrase.isEmpty else { continue }
            phrases.append(phrase)
            values[PhraseMatcherKind.normalize(phrase, caseSensitive: false)] = parts.count > 1 ? parts[1] : phrase
            // Lengths by characters, anchors, chunks and first words, as Character splits give
            // them (on bytes when the phrase is ASCII, where each byte is a Character).
            let words: [String], tokens: [String]
            if let ascii = ASCIISlotLine.words(of: phrase) {
                (words, tokens) = ascii
                lengths.append(phrase.utf8.count)
            } else {
                words = phrase.split(separator: " ").map(String.init)
                tokens = phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
                lengths.append(phrase.count)
            }
            if let anchor = tokens.filter({ !SlotPattern.isFunctionWord($0) }).max(by: { SlotPattern.letters($0) < SlotPattern.letters($1) }) {
                anchors.append(anchor)
            }
            chunks = max(chunks, words.count)
            if let first = words.first { firstWords.insert(first) }
        }
        guard !phrases.isEmpty else { throw ConfigError("slots: the list is empty", at: node.mark) }
        // Longest first, by characters.
        let longestFirst = phrases.indices.sorted { lengths[$0] > lengths[$1] }.map { phrases[$0] }
        return Slot(phrases: longestFirst, values: values,
                    info: SlotPattern.SlotInfo(chunks: chunks, firstWords: firstWords.sorted(),
                                               anchors: anchors.count == phrases.count ? Array(Set(anchors)).sorted() : nil))
    }

    /// The `{name}` placeholders of a suggestion.
    static func placeholders(in text: String) -> [String] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiPlaceholders(in: Array(text.utf8)) : characterPlaceholders(in: text)
    }

    /// `placeholders` found Character by Character (a brace followed by a combining mark is
    /// another Character, not a placeholder's).
    static func characterPlaceholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `placeholders` of ASCII text, byte by byte (in ASCII every byte is a Character).
    static func asciiPlaceholders(in bytes: [UInt8]) -> [String] {
        var names: [String] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")),
              let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
            names.append(String(decoding: bytes[(open + 1)..<close], as: UTF8.self))
            index = close + 1
        }
        return names
    }

    /// The suggestion for a match of `entry`, with each slot's value put in.
    func suggestion(for entry: Entry, slotTexts: [String: String]) -> String? {
        guard var text = entry.suggest else { return nil }
        for (name, matched) in slotTexts {
            let value = name == SlotPattern.nameSlot ? matched
                : slots[name]?.values[PhraseMatcherKind.normalize(matched, caseSensitive: false)] ?? matched
            text = Self.replacing("{\(name)}", with: value, in: text)
        }
        return text
    }

    /// `text` with each `placeholder` replaced by `value`, left to right. ASCII text is
    /// searched byte by byte; other text by characters (where a placeholder followed by a
    /// combining mark is not the placeholder).
    static func replacing(_ placeholder: String, with value: String, in text: String) -> String {
        guard text.isASCII else {
            return text.split(separator: placeholder, omittingEmptySubsequences: false).joined(separator: value)
        }
        let bytes = Array(text.utf8), wanted = Array(placeholder.utf8)
        guard let head = wanted.first, wanted.count <= bytes.count else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + value.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == head, index + wanted.count <= bytes.count, bytes[index..<index + wanted.count].elementsEqual(wanted) {
                out.append(contentsOf: value.utf8)
                index += wanted.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var valueNames: [String] { ["match", "suggestion", "why"] }
    public var proposesEdits: Bool { entries.contains { $0.suggest != nil } }
    public var scopes: [Scope] { [.line, .paragraph, .sentence] }

    public func makeMatcher() throws(ICUError) -> any Matcher { SlotPhraseMatcher(kind: self) }
}

final class SlotPhraseMatcher: Matcher {
    let kind: SlotPhraseMatcherKind
    /// This task's regexes, made when a document first holds an entry's anchor.
    private var regexes: [Int: ICUText.Regex] = [:]
    private let anchorTable: WordHashTable<Bool>

    init(kind: SlotPhraseMatcherKind) {
        self.kind = kind
        anchorTable = WordHashTable(set: kind.entriesByAnchor.keys)
    }

    private func regex(_ index: Int, in document: Document) throws(ICUError) -> ICUText.Regex {
        if let made = regexes[index] { return made }
        let made = try kind.entries[index].regex.shared().instance()
        try made.reset(document.text)
        regexes[index] = made
        return made
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        for regex in regexes.values { try regex.reset(document.text) }
        let hits = context.scan.hits(of: anchorTable)
        guard !hits.isEmpty, !segments.isEmpty else { return }
        let units = document.text.units
        var segmentIndex = 0
        var found: [(range: Range<Int>, entry: Int, slotTexts: [String: String])] = []
        var pendingSegment = -1
        for hit in hits {
            while segmentIndex < segments.count, segments[segmentIndex].upperBound <= hit.position { segmentIndex += 1 }
            guard segmentIndex < segments.count else { break }
            let segment = segments[segmentIndex]
            guard segment.lowerBound <= hit.position else { continue }
            if segmentIndex != pendingSegment {
                emitKept(found, in: document, emit: emit)
                found.removeAll(keepingCapacity: true)
                pendingSegment = segmentIndex
            }
            for entryIndex in kind.entriesByAnchor[hit.hash] ?? [] {
                let entry = kind.entries[entryIndex]
                let regex = try regex(entryIndex, in: document)
                // Anchored at each chunk start a match could begin at: an anchored attempt fails
                // at its first character almost everywhere, where a search would try every place.
                for start in Self.chunkStarts(before: hit.position, count: entry.plan.chunksBefore + 1, in: segment, units: units) {
                    guard let match = try regex.lookingAt(start..<segment.upperBound), match.range.upperBound > hit.position,
                          let (range, slotTexts) = accept(match, entry: entry, in: document),
                          !found.contains(where: { $0.entry == entryIndex && $0.range == range }) else { continue }
                    found.append((range, entryIndex, slotTexts))
                }
            }
        }
        emitKept(found, in: document, emit: emit)
    }

    /// The starts of the chunk holding `position` and of up to `count - 1` chunks before it
    /// (chunks are runs of text between white space), nearest first.
    static func chunkStarts(before position: Int, count: Int, in segment: Range<Int>, units: UnsafeBufferPointer<UInt16>) -> [Int] {
        @inline(__always) func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 }
        var starts: [Int] = []
        var index = position
        while starts.count < count {
            while index > segment.lowerBound, !isSpace(units[index - 1]) { index -= 1 }
            starts.append(index)
            while index > segment.lowerBound, isSpace(units[index - 1]) { index -= 1 }
            if index == segment.lowerBound { break }
        }
        return starts
    }

    /// Emits the matches of one segment: longest first, then earliest, dropping what overlaps
    /// a kept match; in text order.
    private func emitKept(_ found: [(range: Range<Int>, entry: Int, slotTexts: [String: String])], in document: Document,
                          emit: (Match) -> Void) {
        guard !found.isEmpty else { return }
        var kept: [(range: Range<Int>, entry: Int, slotTexts: [String: String])] = []
        for candidate in found.sorted(by: { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) })
        where !kept.contains(where: { $0.range.overlaps(candidate.range) }) {
            kept.append(candidate)
        }
        for (range, entryIndex, slotTexts) in kept.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let entry = kind.entries[entryIndex]
            let text = document.string(range)
            var values = ["match": text, "why": entry.why]
            var edits: [Edit]?
            if let suggestion = kind.suggestion(for: entry, slotTexts: slotTexts) {
                let cased = CasePreservation.apply(suggestion, like: text)
                values["suggestion"] = cased
                edits = [Edit(range: range, replacement: cased)]
            } else {
                values["suggestion"] = "a rewording"
            }
            emit(Match(range: range, values: values, edits: edits))
        }
    }

    /// The match's range and slot texts, or nil when a `{Name}` holds no name: its words are
    /// trimmed from the end while they are common words, and a match whose name is then empty
    /// is dropped.
    private func accept(_ match: RegexMatch, entry: SlotPhraseMatcherKind.Entry,
                        in document: Document) -> (Range<Int>, [String: String])? {
        var range = match.range
        var slotTexts: [String: String] = [:]
        for (offset, name) in entry.groups.enumerated() {
            let group = offset + 1
            guard group < match.groups.count, let captured = match.groups[group] else { continue }
            if name == SlotPattern.nameSlot {
                guard let name = properName(captured, in: document) else { return nil }
                // A name at the end of the match may lose trailing common words.
                if captured.upperBound == range.upperBound { range = range.lowerBound..<name.upperBound }
                slotTexts[SlotPattern.nameSlot] = document.string(name)
            } else {
                slotTexts[name] = document.string(captured)
            }
        }
        return (range, slotTexts)
    }

    /// Function words that a capitalised word at the start of a clause may be, whatever the
    /// dictionary lists (`In` is also indium, `Said` a name), days and months (`the
    /// president Tuesday` is a date, not a name), and the French plural article (`the mayor
    /// Les Républicains` names a party).
    private static let notNames = Set(["the", "a", "an", "in", "on", "at", "of", "to", "for", "and", "or", "but", "who",
                                       "which", "that", "this", "with", "from", "by", "as", "is", "was", "has", "had",
                                       "said", "says", "told", "will", "would", "also", "after", "before", "when",
                                       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                       "january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december", "les"].map(WordKey.hash))

    /// The longest leading run of words in `range` that are names: words the dictionary does
    /// not list, or lists with a capital (`Darmanin`, `Marine Le Pen`), and not function words.
    /// Nil if the first word is not one (`Who`, `Said`, `Prices`).
    private func properName(_ range: Range<Int>, in document: Document) -> Range<Int>? {
        guard let dictionary = kind.dictionary else { return nil }
        let units = document.text.units
        var end = range.lowerBound
        var wordStart = range.lowerBound
        var index = range.lowerBound
        while index <= range.upperBound {
            if index == range.upperBound || units[index] == 0x20 || units[index] == 0xA0 {
                let key = WordKey.hash(units[wordStart..<index])
                if Self.notNames.contains(key) { break }
                if let flags = dictionary.flags(forKey: key), !flags.contains(.capitalised) { break }
                end = index
                wordStart = index + 1
            }
            index += 1
        }
        return end > range.lowerBound ? range.lowerBound..<end : nil
    }
}

/// An entry's regex, written and compiled the first time a document holds its anchor: most
/// entries never fire on a given text, and writing the alternations of their slot lists
/// (a hundred nationalities) for each at start-up would cost more than linting a short article.
final class LazySlotRegex: Sendable {
    let pattern: SlotPattern
    private let slots: SlotSources
    private let made: Locked<SharedRegex?>

    init(pattern: SlotPattern, slots: SlotSources) {
        self.pattern = pattern
        self.slots = slots
        made = Locked(nil)
    }

    /// The regex source: the phrase with each of its slots as an alternation of the slot's
    /// entries.
    var source: String {
        var sources: [String: String] = [SlotPattern.nameSlot: SlotPattern.nameSource]
        for name in pattern.slots where sources[name] == nil {
            if let source = slots.source(of: name) { sources[name] = source }
        }
        return pattern.regexSource(slotSources: sources)
    }

    /// The shared regex, compiled on first use (a shipped phrase is known to compile).
    func shared() -> SharedRegex {
        made.withLock { made in
            if let made { return made }
            let regex = SharedRegex(trusted: source, options: [.caseInsensitive], analyze: false)
            made = regex
            return regex
        }
    }

    /// Compiles now and reports an error (for phrases from users' rule files).
    func compiled() throws(RegexCompileError) -> SharedRegex {
        let regex = try SharedRegex(source, options: [.caseInsensitive])
        made.withLock { $0 = regex }
        return regex
    }
}

/// The slot lists of one rule, each written as a regex alternation the first time an entry
/// that uses it is compiled, and then shared by the rule's other entries.
final class SlotSources: Sendable {
    private let phrases: [String: [String]]
    private let written = Locked<[String: String]>([:])

    init(_ phrases: [String: [String]]) { self.phrases = phrases }

    /// The alternation of the entries of slot `name`, or nil for no such slot.
    func source(of name: String) -> String? {
        if let source = written.withLock({ $0[name] }) { return source }
        guard let list = phrases[name] else { return nil }
        let source = SlotPattern.alternationSource(list)
        written.withLock { $0[name] = source }
        return source
    }
}

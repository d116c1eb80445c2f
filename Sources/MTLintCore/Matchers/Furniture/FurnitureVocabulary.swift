/// A list of words or word sequences (labels, prefixes, phrases), read from word-list files
/// next to a rule file and compared as `FurnitureText` folds them: one entry per line, `#`
/// comments. An entry such as `- Advertisement -` is stored as its words (`advertisement`).
/// Lookups go through open-addressing tables keyed by the hashes (`WordHashTable`).
struct FurnitureVocabulary: Sendable {
    /// Hashes of the entries' word sequences.
    private(set) var sequences: Set<UInt64> = []
    /// Hashes of single-word entries.
    private(set) var words: Set<UInt64> = []
    /// Hashes of the entries' first words (a quick test before a whole sequence is compared).
    private(set) var firstWords: Set<UInt64> = []
    /// The entries' first words as written, lower-cased (for registering with the shared word scan).
    private(set) var firstSpellings: Set<String> = []
    private var sequenceTable = WordHashTable<Bool>(set: [])
    private var wordTable = WordHashTable<Bool>(set: [])
    private var firstWordTable = WordHashTable<Bool>(set: [])
    /// The most words an entry has.
    private(set) var longest = 0
    /// How many entries were read.
    private(set) var count = 0

    init() {}

    init(entries: [String]) {
        for entry in entries { add(entry) }
        makeTables()
    }

    /// Builds the lookup tables from the sets (after entries were added).
    private mutating func makeTables() {
        sequenceTable = WordHashTable(set: sequences)
        wordTable = WordHashTable(set: words)
        firstWordTable = WordHashTable(set: firstWords)
    }

    private mutating func add(_ entry: String) {
        let hashes = FurnitureText.wordHashes(of: entry)
        guard !hashes.isEmpty else { return }
        sequences.insert(FurnitureText.sequenceHash(hashes))
        if hashes.count == 1 { words.insert(hashes[0]) }
        firstWords.insert(hashes[0])
        let units = entry.utf16
        if let start = units.firstIndex(where: WordHash.isWordUnit) {
            let end = units[start...].firstIndex { !WordHash.isWordUnit($0) } ?? units.endIndex
            // Word units are never surrogates, so both ends fall on scalar boundaries.
            firstSpellings.insert(String(entry[start..<end]).lowercased())
        }
        longest = max(longest, hashes.count)
        count += 1
    }

    mutating func formUnion(_ other: FurnitureVocabulary) {
        sequences.formUnion(other.sequences)
        words.formUnion(other.words)
        firstWords.formUnion(other.firstWords)
        firstSpellings.formUnion(other.firstSpellings)
        longest = max(longest, other.longest)
        count += other.count
        makeTables()
    }

    var isEmpty: Bool { count == 0 }

    /// Whether `word` is a one-word entry.
    @inline(__always)
    func contains(word: UInt64) -> Bool { wordTable.contains(word) }

    /// Whether `word` is the first word of an entry.
    @inline(__always)
    func containsFirst(word: UInt64) -> Bool { firstWordTable.contains(word) }

    /// Whether `hash` is the hash of an entry's word sequence.
    @inline(__always)
    func containsSequence(_ hash: UInt64) -> Bool { sequenceTable.contains(hash) }

    /// Whether the words of `tokens` are exactly an entry.
    func matchesWhole(_ tokens: ArraySlice<FurnitureToken>) -> Bool {
        guard !tokens.isEmpty, tokens.count <= longest else { return false }
        return sequenceTable.contains(FurnitureText.sequenceHash(tokens.lazy.map(\.hash)))
    }

    /// The number of words of the longest entry that `tokens` starts with, or nil.
    func longestPrefix(of tokens: ArraySlice<FurnitureToken>) -> Int? {
        guard let first = tokens.first, firstWordTable.contains(first.hash) else { return nil }
        var hash = FurnitureText.offset
        var found: Int?
        for (count, token) in tokens.prefix(longest).enumerated() {
            hash = FurnitureText.combine(hash, token.hash)
            if sequenceTable.contains(hash) { found = count + 1 }
        }
        return found
    }

    /// The first entry found among `tokens` (its start and length in words), or nil.
    func firstOccurrence(in tokens: ArraySlice<FurnitureToken>) -> (start: Int, count: Int)? {
        guard !isEmpty else { return nil }
        var start = tokens.startIndex
        while start < tokens.endIndex {
            if let count = longestPrefix(of: tokens[start...]) { return (start, count) }
            start += 1
        }
        return nil
    }

    /// Reads and merges the word-list files `node` names (one file name or a list of them).
    /// Each file's vocabulary is laid out once per set of rule files (several rules name the
    /// same label lists).
    static func load(_ node: ConfigNode, files: RuleFileResolver) throws(ConfigError) -> FurnitureVocabulary {
        let names: [ConfigNode]
        if case .sequence(let items) = node.value { names = items } else { names = [node] }
        guard !names.isEmpty else { throw ConfigError("expected a word-list file name or a list of them", at: node.mark) }
        var merged: FurnitureVocabulary?
        for name in names {
            let entries = try CaptionSlugMatcherKind.loadList(name, files: files)
            let path = try name.string("a word-list file name")
            let vocabulary = try files.derived(from: path, purpose: "furniture-vocabulary") { _ in FurnitureVocabulary(entries: entries) }
                ?? FurnitureVocabulary(entries: entries)
            guard !vocabulary.isEmpty else {
                throw ConfigError("word list '\(path)' has no entry with a letter or digit", at: name.mark)
            }
            if merged == nil { merged = vocabulary } else { merged?.formUnion(vocabulary) }
        }
        return merged ?? FurnitureVocabulary()
    }
}

/// A list of words or word sequences (labels, prefixes, phrases), read from word-list files
/// next to a rule file and compared as `FurnitureText` folds them: one entry per line, `#`
/// comments. An entry such as `- Advertisement -` is stored as its words (`advertisement`).
/// Lookups go through open-addressing tables keyed by the hashes (`WordHashTable`).
struct FurnitureVocabulary: Sendable {
    /// The laid-out entries, shared by every copy of the vocabulary: a line reader and the
    /// matchers pass vocabularies around for every line, and a copy is then one reference.
    private final class Storage: Sendable {
        /// Hashes of the entries' word sequences.
        let sequences: Set<UInt64>
        /// Hashes of single-word entries.
        let words: Set<UInt64>
        /// Hashes of the entries' first words (a quick test before a whole sequence is compared).
        let firstWords: Set<UInt64>
        /// The entries' first words as written, lower-cased (for registering with the shared word scan).
        let firstSpellings: Set<String>
        let sequenceTable: WordHashTable<Bool>
        let wordTable: WordHashTable<Bool>
        let firstWordTable: WordHashTable<Bool>
        /// The most words an entry has.
        let longest: Int
        /// How many entries were read.
        let count: Int

        init(_ entries: Entries) {
            sequences = entries.sequences
            words = entries.words
            firstWords = entries.firstWords
            firstSpellings = entries.firstSpellings
            sequenceTable = WordHashTable(set: entries.sequences)
            wordTable = WordHashTable(set: entries.words)
            firstWordTable = WordHashTable(set: entries.firstWords)
            longest = entries.longest
            count = entries.count
        }
    }

    /// Entries being read, before they are laid out.
    private struct Entries {
        var sequences: Set<UInt64> = []
        var words: Set<UInt64> = []
        var firstWords: Set<UInt64> = []
        var firstSpellings: Set<String> = []
        var longest = 0
        var count = 0

        /// Adds the entry whose UTF-16 units are `units`: its words hashed as lines' words are
        /// (`FurnitureText.wordHashes`), one after the other, with no array of them made.
        mutating func add(units: UnsafeBufferPointer<UInt16>) {
            var sequence = FurnitureText.offset
            var first: UInt64?
            var wordCount = 0
            FurnitureText.forEachToken(units, in: 0..<units.count) { token in
                if first == nil { first = token.hash }
                sequence = FurnitureText.combine(sequence, token.hash)
                wordCount += 1
                return true
            }
            guard let first else { return }
            sequences.insert(sequence)
            if wordCount == 1 { words.insert(first) }
            firstWords.insert(first)
            if let start = units.firstIndex(where: WordHash.isWordUnit) {
                let end = units[start...].firstIndex { !WordHash.isWordUnit($0) } ?? units.endIndex
                // Word units are never surrogates, so both ends fall on scalar boundaries.
                firstSpellings.insert(String(decoding: UnsafeBufferPointer(rebasing: units[start..<end]), as: UTF16.self).lowercased())
            }
            longest = max(longest, wordCount)
            count += 1
        }

        mutating func reserve(_ entries: Int) {
            sequences.reserveCapacity(entries)
            words.reserveCapacity(entries)
            firstWords.reserveCapacity(entries)
            firstSpellings.reserveCapacity(entries)
        }
    }

    private var storage: Storage

    var sequences: Set<UInt64> { storage.sequences }
    var words: Set<UInt64> { storage.words }
    var firstWords: Set<UInt64> { storage.firstWords }
    var firstSpellings: Set<String> { storage.firstSpellings }
    var longest: Int { storage.longest }
    var count: Int { storage.count }

    init() { storage = Storage(Entries()) }

    init(entries: [String]) {
        var read = Entries()
        read.reserve(entries.count)
        // One buffer for every entry's units, copied whole (the standard library transcodes a
        // whole string faster than unit by unit).
        var units: [UInt16] = []
        for entry in entries {
            units.removeAll(keepingCapacity: true)
            units.append(contentsOf: entry.utf16)
            units.withUnsafeBufferPointer { read.add(units: $0) }
        }
        storage = Storage(read)
    }

    /// A vocabulary from the parts a layout holds (see `FurnitureVocabularyLayout`).
    init(sequences: Set<UInt64>, words: Set<UInt64>, firstWords: Set<UInt64>, firstSpellings: Set<String>,
         longest: Int, count: Int) {
        var parts = Entries()
        parts.sequences = sequences
        parts.words = words
        parts.firstWords = firstWords
        parts.firstSpellings = firstSpellings
        parts.longest = longest
        parts.count = count
        storage = Storage(parts)
    }

    /// This vocabulary and `other` together.
    mutating func formUnion(_ other: FurnitureVocabulary) {
        var merged = Entries()
        merged.sequences = sequences.union(other.sequences)
        merged.words = words.union(other.words)
        merged.firstWords = firstWords.union(other.firstWords)
        merged.firstSpellings = firstSpellings.union(other.firstSpellings)
        merged.longest = max(longest, other.longest)
        merged.count = count + other.count
        storage = Storage(merged)
    }

    var isEmpty: Bool { count == 0 }

    /// Whether `word` is a one-word entry.
    @inline(__always)
    func contains(word: UInt64) -> Bool { storage.wordTable.contains(word) }

    /// Whether `word` is the first word of an entry.
    @inline(__always)
    func containsFirst(word: UInt64) -> Bool { storage.firstWordTable.contains(word) }

    /// Whether `hash` is the hash of an entry's word sequence.
    @inline(__always)
    func containsSequence(_ hash: UInt64) -> Bool { storage.sequenceTable.contains(hash) }

    /// Whether the words of `tokens` are exactly an entry.
    func matchesWhole(_ tokens: ArraySlice<FurnitureToken>) -> Bool {
        guard !tokens.isEmpty, tokens.count <= longest else { return false }
        return storage.sequenceTable.contains(FurnitureText.sequenceHash(tokens.lazy.map(\.hash)))
    }

    /// The number of words of the longest entry that `tokens` starts with, or nil.
    func longestPrefix(of tokens: ArraySlice<FurnitureToken>) -> Int? {
        guard let first = tokens.first, storage.firstWordTable.contains(first.hash) else { return nil }
        var hash = FurnitureText.offset
        var found: Int?
        for (count, token) in tokens.prefix(longest).enumerated() {
            hash = FurnitureText.combine(hash, token.hash)
            if storage.sequenceTable.contains(hash) { found = count + 1 }
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
            let vocabulary = try WordListFile.derived(name, purpose: "furniture-vocabulary", files: files) { FurnitureVocabulary(entries: $0) }
            guard !vocabulary.isEmpty else {
                throw ConfigError("word list '\(try name.string("a word-list file name"))' has no entry with a letter or digit", at: name.mark)
            }
            if merged == nil { merged = vocabulary } else { merged?.formUnion(vocabulary) }
        }
        return merged ?? FurnitureVocabulary()
    }
}

/// A list of words or word sequences (labels, prefixes, phrases), read from word-list files
/// next to a rule file and compared as `FurnitureText` folds them: one entry per line, `#`
/// comments. An entry such as `- Advertisement -` is stored as its words (`advertisement`).
/// Lookups go through open-addressing tables keyed by the hashes (`WordHashTable`).
struct FurnitureVocabulary: Sendable {
    /// The laid-out entries, shared by every copy of the vocabulary: a line reader and the
    /// matchers pass vocabularies around for every line, and a copy is then one reference.
    ///
    /// The parts are sorted arrays, not sets: a vocabulary read back from its build-time layout
    /// gets them in order as they are written, and two are merged without hashing (hashing them
    /// into sets was a twentieth of decoding the shipped rules).
    private final class Storage: Sendable {
        /// Hashes of the entries' word sequences, ascending, each once.
        let sequences: [UInt64]
        /// Hashes of single-word entries, ascending, each once.
        let words: [UInt64]
        /// Hashes of the entries' first words (a quick test before a whole sequence is compared),
        /// ascending, each once.
        let firstWords: [UInt64]
        /// The entries' first words as written, lower-cased (for registering with the shared word
        /// scan), ascending, each once.
        let firstSpellings: [String]
        let sequenceTable: WordHashTable<Bool>
        let wordTable: WordHashTable<Bool>
        let firstWordTable: WordHashTable<Bool>
        /// The most words an entry has.
        let longest: Int
        /// How many entries were read.
        let count: Int

        init(sequences: [UInt64], words: [UInt64], firstWords: [UInt64], firstSpellings: [String], longest: Int, count: Int) {
            self.sequences = sequences
            self.words = words
            self.firstWords = firstWords
            self.firstSpellings = firstSpellings
            sequenceTable = WordHashTable(set: sequences)
            wordTable = WordHashTable(set: words)
            firstWordTable = WordHashTable(set: firstWords)
            self.longest = longest
            self.count = count
        }

        convenience init(_ entries: Entries) {
            self.init(sequences: entries.sequences.sorted(), words: entries.words.sorted(), firstWords: entries.firstWords.sorted(),
                      firstSpellings: entries.firstSpellings.sorted(), longest: entries.longest, count: entries.count)
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

    var sequences: [UInt64] { storage.sequences }
    var words: [UInt64] { storage.words }
    var firstWords: [UInt64] { storage.firstWords }
    var firstSpellings: [String] { storage.firstSpellings }
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

    /// A vocabulary from the parts a layout holds (see `FurnitureVocabularyLayout`), each
    /// ascending with no repeats.
    init(sequences: [UInt64], words: [UInt64], firstWords: [UInt64], firstSpellings: [String], longest: Int, count: Int) {
        storage = Storage(sequences: sequences, words: words, firstWords: firstWords, firstSpellings: firstSpellings,
                          longest: longest, count: count)
    }

    /// This vocabulary and `other` together.
    mutating func formUnion(_ other: FurnitureVocabulary) {
        storage = Storage(sequences: Self.merged(sequences, other.sequences), words: Self.merged(words, other.words),
                          firstWords: Self.merged(firstWords, other.firstWords),
                          firstSpellings: Self.merged(firstSpellings, other.firstSpellings),
                          longest: max(longest, other.longest), count: count + other.count)
    }

    /// The elements of two ascending arrays without repeats, ascending, each once.
    static func merged<Element: Comparable>(_ a: [Element], _ b: [Element]) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(a.count + b.count)
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex, j < b.endIndex {
            if a[i] < b[j] {
                result.append(a[i]); i += 1
            } else if b[j] < a[i] {
                result.append(b[j]); j += 1
            } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        result += a[i...]
        result += b[j...]
        return result
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

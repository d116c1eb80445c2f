import ICUText

/// The word sequences of a phrase list, as hashes (see `WordHash`): before any regex runs at a
/// place where a listed first word starts, the words that follow are hashed one by one and
/// walked down the list's prefixes. Only where some listed phrase's words all follow does
/// ICU confirm the match (spacing, apostrophes and word boundaries), so the many places where
/// a common first word (`in`, `the`, `according`) starts no phrase cost no regex call.
///
/// It is a filter and never rejects a place the phrase regex matches: a regex match is the
/// phrase's words separated by white space (or an apostrophe inside a word), and those split
/// into the same words here. Hash collisions only let a place through to the regex.
struct PhraseSequences: Sendable {
    /// Hashes of every listed phrase's whole word sequence.
    private let complete: WordHashTable<Bool>
    /// Hashes of every proper prefix of two or more words (one word: the scan's hit itself).
    private let prefixes: WordHashTable<Bool>

    init(phrases: [String]) {
        var complete = Set<UInt64>()
        var prefixes = Set<UInt64>()
        for phrase in phrases {
            let words = WordHash.words(of: phrase)
            guard var sequence = words.first else { continue }
            for (index, word) in words.enumerated().dropFirst() {
                sequence = Self.extend(sequence, with: word)
                if index < words.count - 1 { prefixes.insert(sequence) }
            }
            complete.insert(sequence)
        }
        self.complete = WordHashTable(set: complete)
        self.prefixes = WordHashTable(set: prefixes)
    }

    /// The hash of a word sequence one word longer.
    @inline(__always)
    static func extend(_ sequence: UInt64, with word: UInt64) -> UInt64 {
        var mixed = (sequence ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 31
        return mixed ^ word
    }

    /// Whether the words of `text` from the word starting at `start` (whose hash is
    /// `firstWord`) to before `end` begin with a listed phrase.
    func mayMatch(at start: Int, firstWord: UInt64, in text: UTF16Text, before end: Int) -> Bool {
        if complete.contains(firstWord) { return true }
        let units = text.units
        var sequence = firstWord
        var i = start
        var isFirst = true
        while true {
            while i < end, WordHash.isWordUnit(units[i]) { i += 1 }
            while i < end, !WordHash.isWordUnit(units[i]) { i += 1 }
            guard i < end else { return false }
            if !isFirst, !prefixes.contains(sequence) { return false }
            isFirst = false
            var word = WordHash.offset
            while i < end, WordHash.isWordUnit(units[i]) {
                word = (word ^ UInt64(WordHash.lower(units[i]))) &* WordHash.prime
                i += 1
            }
            sequence = Self.extend(sequence, with: word)
            if complete.contains(sequence) { return true }
        }
    }
}

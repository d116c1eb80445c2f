import ICUText

/// A cheap, allocation-free word scan: runs of letters and digits, hashed case-insensitively
/// (FNV-1a over lower-cased UTF-16 units). Phrase rules register the hashes of their phrases'
/// first words; one scan finds every place a listed phrase could start.
public enum WordHash {
    /// Letters and digits, less the scripts whose letters ICU's word boundaries keep apart from
    /// Latin ones (ideographs, kana, and the scripts ICU breaks by dictionary): a word here never
    /// spans a place where a phrase regex's `\b` sees a boundary.
    @inline(__always)
    static func isWordUnit(_ u: UInt16) -> Bool {
        if u < 0x80 { return (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0x30 && u <= 0x39) }
        if u < 0xC0 || UTF16.isSurrogate(u) { return u == 0xAA || u == 0xB5 || u == 0xBA }
        if u >= 0x2000 && u < 0x2070 { return false }  // General Punctuation (quotes, dashes, spaces): no letters
        if u >= 0x0E00 && u < 0x0F00 || u >= 0x1000 && u < 0x10A0 || u >= 0x1780 && u < 0x1800 { return false }
        if u >= 0x2E80 && u < 0xA000 || u >= 0xF900 && u < 0xFB00 || u >= 0xFF66 && u < 0xFFA0 { return false }
        return Unicode.Scalar(u)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func lower(_ u: UInt16) -> UInt16 {
        if u >= 0x41 && u <= 0x5A { return u | 0x20 }
        if u < 0x80 { return u }
        guard let scalar = Unicode.Scalar(u), scalar.properties.changesWhenLowercased,
              let lowered = scalar.properties.lowercaseMapping.utf16.first else { return u }
        return lowered
    }

    static let offset: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3

    /// The hash of the first word of `phrase`, or nil if it has none.
    public static func firstWord(of phrase: String) -> UInt64? { words(of: phrase).first }

    /// The hashes of the words of `phrase`, in order.
    public static func words(of phrase: String) -> [UInt64] {
        var result: [UInt64] = []
        var hash = offset
        var inWord = false
        for u in phrase.utf16 {
            if isWordUnit(u) {
                hash = (hash ^ UInt64(lower(u))) &* prime
                inWord = true
            } else if inWord {
                result.append(hash)
                hash = offset
                inWord = false
            }
        }
        if inWord { result.append(hash) }
        return result
    }

    /// The hash of the word after the one starting at `start`, if one follows within `gap`
    /// non-word units and before `end`.
    static func nextWord(after start: Int, in text: UTF16Text, before end: Int, gap: Int = 16) -> UInt64? {
        let units = text.units
        var i = start
        while i < end, isWordUnit(units[i]) { i += 1 }
        let gapEnd = min(end, i + gap)
        while i < gapEnd, !isWordUnit(units[i]) { i += 1 }
        guard i < end, isWordUnit(units[i]) else { return nil }
        var hash = offset
        while i < end, isWordUnit(units[i]) {
            hash = (hash ^ UInt64(lower(units[i]))) &* prime
            i += 1
        }
        return hash
    }

    /// Start offsets (and hashes) of the words of `text` whose hash is in `wanted`.
    /// A word in `followers` counts only when one of its listed words comes next (`the` only
    /// before `head`, `actual`, …), so common first words do not fill the list.
    static func hits(in text: UTF16Text, words: WordScanWords) -> [(position: Int, hash: UInt64)] {
        guard !words.isEmpty else { return [] }
        let filter = words.filter
        var result: [(Int, UInt64)] = []
        let units = text.units
        let n = units.count
        var i = 0
        // ASCII word characters as a 128-bit mask in registers (no array access per unit).
        let (low, high) = asciiWordMask
        @inline(__always) func isASCIIWord(_ u: UInt16) -> Bool { (u < 64 ? low >> u : high >> (u - 64)) & 1 != 0 }
        filter.withUnsafeBufferPointer { filter in
            while i < n {
                let u = units[i]
                let isWord: Bool = u < 0x80 ? isASCIIWord(u) : isWordUnit(u)
                guard isWord else { i += 1; continue }
                let start = i
                var hash = offset
                while i < n {
                    let w = units[i]
                    if w < 0x80 {
                        guard isASCIIWord(w) else { break }
                        hash = (hash ^ UInt64(w | (w >= 0x41 && w <= 0x5A ? 0x20 : 0))) &* prime
                    } else {
                        guard isWordUnit(w) else { break }
                        hash = (hash ^ UInt64(lower(w))) &* prime
                    }
                    i += 1
                }
                if filter[Int(hash & 0xFFFF) >> 6] & (1 << (hash & 63)) != 0, let followerSet = words.wanted[hash] {
                    if followerSet >= 0 {
                        guard let following = nextWord(after: start, in: text, before: n),
                              words.followerSets[followerSet].contains(following) else { continue }
                    }
                    result.append((start, hash))
                }
            }
        }
        return result
    }

    /// Bits 0–63 and 64–127: which ASCII units are word characters.
    static let asciiWordMask: (UInt64, UInt64) = (0..<128).reduce((UInt64(0), UInt64(0))) { mask, unit in
        guard isWordUnit(UInt16(unit)) else { return mask }
        return unit < 64 ? (mask.0 | 1 << UInt64(unit), mask.1) : (mask.0, mask.1 | 1 << UInt64(unit - 64))
    }
}

/// The words the shared scan looks for, in the tables its inner loop reads: first words of
/// listed phrases and `requires:` words, and for each first word that only counts before
/// certain words, those words.
struct WordScanWords: Sendable {
    /// Word hash → index into `followerSets`, or -1 when the word counts whatever follows.
    let wanted: WordHashTable<Int>
    let followerSets: [WordHashTable<Bool>]
    /// A 2^16-bit filter on the hash's low bits: rejects almost every word before the table.
    let filter: [UInt64]
    let isEmpty: Bool

    init(wanted: Set<UInt64>, followers: [UInt64: Set<UInt64>]) {
        var sets: [WordHashTable<Bool>] = []
        var entries: [(UInt64, Int)] = []
        for word in wanted {
            if let next = followers[word] {
                entries.append((word, sets.count))
                sets.append(WordHashTable(set: next))
            } else {
                entries.append((word, -1))
            }
        }
        self.wanted = WordHashTable(entries)
        followerSets = sets
        var filter = [UInt64](repeating: 0, count: 1024)
        for hash in wanted { filter[Int(hash & 0xFFFF) >> 6] |= 1 << (hash & 63) }
        self.filter = filter
        isEmpty = wanted.isEmpty
    }
}

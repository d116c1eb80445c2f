import ICUText

/// One word of a line as the furniture rules read it: a run of letters and digits, folded
/// (see `FurnitureText`) and hashed, with the facts about its spelling the classifier uses.
struct FurnitureToken: Sendable {
    /// UTF-16 offsets in the document.
    var range: Range<Int>
    /// FNV-1a of the folded units.
    var hash: UInt64
    /// The first unit is an upper-case letter.
    var capitalised: Bool
    /// At least two letters and none of them lower case (`AFP`, `READ`).
    var allCaps: Bool
    /// Holds a digit.
    var hasDigit: Bool
    /// Holds a letter.
    var hasLetter: Bool
    /// Starts right after a lower-case letter, with no space: `articleAbbas` splits into
    /// `article` and a glued `Abbas`.
    var glued: Bool
}

/// How the furniture rules compare text: a line and a vocabulary entry are equal when their
/// words are, after folding each word — lower case, accents off the Latin letters (`À lire`
/// reads as `a lire`), Cyrillic letters that look Latin read as Latin (`Истoчник` written with
/// a Latin `o` equals `Источник`), and every run of digits one `0` (`9:41 a.m.` reads
/// `0 0 a m`). Everything that is not a letter or digit — dashes, bars, bullets, arrows,
/// brackets, quotation marks, punctuation, spacing — only separates words. So one entry
/// covers `- Advertisement -`, `― ADVERTISEMENT ―` and `Advertisement:`, and `[ad_1]`
/// covers `[ad_2]`.
///
/// Words also split where a lower-case letter runs into a capital (`Previous articleAbbas`,
/// `HomeWorld`): the seam of two page blocks glued by a scraper.
enum FurnitureText {
    static let offset: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3

    /// Base letters of U+00C0…U+017F (`.`: none, the letter stays as it is).
    static let latinFold: [UInt16] = Array(
        ("aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty"
         + "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllll."
         + ".llnnnnnn.nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs").utf16)

    /// Cyrillic lower-case letters that look like Latin ones, and the Latin letter.
    @inline(__always)
    private static func latinLookalike(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x0430: 0x61  // а
        case 0x0435: 0x65  // е
        case 0x043E: 0x6F  // о
        case 0x0440: 0x70  // р
        case 0x0441: 0x63  // с
        case 0x0443: 0x79  // у
        case 0x0445: 0x78  // х
        case 0x0456: 0x69  // і
        case 0x0458: 0x6A  // ј
        case 0x0455: 0x73  // ѕ
        default: u
        }
    }

    /// The folded form of a letter unit (digits are handled by the caller).
    @inline(__always)
    static func fold(_ u: UInt16) -> UInt16 {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A ? u | 0x20 : u }
        if u >= 0xC0 && u < 0x180 {
            let base = latinFold[Int(u - 0xC0)]
            if base != 0x2E { return base }
        }
        let lower = WordHash.lower(u)
        return lower >= 0x0400 && lower < 0x0500 ? latinLookalike(lower) : lower
    }

    @inline(__always)
    static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    @inline(__always)
    static func isUpper(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A }
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.isUppercase
    }

    @inline(__always)
    static func isLower(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x61 && u <= 0x7A }
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.isLowercase
    }

    /// The most words a label may have (lines with more are never compared whole).
    static let longestLabelWords = 40

    /// Combines word hashes into the hash of a word sequence.
    @inline(__always)
    static func combine(_ sequence: UInt64, _ word: UInt64) -> UInt64 {
        (sequence ^ word) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }

    /// The hash of a whole word sequence.
    static func sequenceHash(_ words: some Sequence<UInt64>) -> UInt64 {
        words.reduce(offset) { combine($0, $1) }
    }

    /// The words of `range` in `units`, at most `limit` of them.
    static func tokens(_ units: UnsafeBufferPointer<UInt16>, in range: Range<Int>, limit: Int = .max) -> [FurnitureToken] {
        var tokens: [FurnitureToken] = []
        tokens.reserveCapacity(min(limit, 48, range.count / 2 + 1))
        forEachToken(units, in: range) { token in
            tokens.append(token)
            return tokens.count < limit
        }
        return tokens
    }

    /// The hash of the folded word sequence of `range` (`sequenceHash` of its words) and how
    /// many words it has, without building the words; nil past `maxWords` words.
    static func lineHash(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, maxWords: Int) -> (hash: UInt64, words: Int)? {
        var hash = offset
        var count = 0
        forEachToken(units, in: range) { token in
            hash = combine(hash, token.hash)
            count += 1
            return count <= maxWords
        }
        return count <= maxWords ? (hash, count) : nil
    }

    /// Calls `body` with each word of `range` in order, until it returns false.
    @inline(__always)
    static func forEachToken(_ units: UnsafeBufferPointer<UInt16>, in range: Range<Int>, _ body: (FurnitureToken) -> Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        var gluedNext = false
        while i < end {
            var u = units[i]
            guard WordHash.isWordUnit(u) else {
                gluedNext = false
                i += 1
                continue
            }
            let start = i
            var hash = offset
            var letters = 0, uppers = 0, lowers = 0
            var hasDigit = false
            let capitalised = isUpper(u)
            var previousLower = false
            while i < end {
                u = units[i]
                guard WordHash.isWordUnit(u) else { break }
                if isDigit(u) {
                    if i == start || !isDigit(units[i - 1]) { hash = (hash ^ 0x30) &* prime }
                    hasDigit = true
                    previousLower = false
                } else {
                    let upper = isUpper(u)
                    // A capital right after a lower-case letter starts a new (glued) word.
                    if upper, previousLower, i > start { break }
                    letters += 1
                    if upper { uppers += 1 }
                    let lower = !upper && isLower(u)
                    if lower { lowers += 1 }
                    previousLower = lower
                    hash = (hash ^ UInt64(fold(u))) &* prime
                }
                i += 1
            }
            let token = FurnitureToken(range: start..<i, hash: hash, capitalised: capitalised,
                                       allCaps: letters >= 2 && lowers == 0 && uppers >= 2, hasDigit: hasDigit,
                                       hasLetter: letters > 0, glued: gluedNext)
            // The next word is glued when this one stopped at a capital inside a letter run.
            gluedNext = i < end && WordHash.isWordUnit(units[i])
            if !body(token) { return }
        }
    }

    /// The hashes the shared word scan (`WordHash`) gives the spellings a folded word can have
    /// in text: as written, without accents, and with each letter that has a look-alike in the
    /// other of Latin and Cyrillic written either way (at most 64 spellings), so a rule that
    /// finds its words through the scan sees `Istoчник` as the scan hashes it.
    static func scanHashes(of word: String) -> Set<UInt64> {
        let written = Array(word.utf16)
        let unaccented = written.map { u -> UInt16 in
            guard u >= 0xC0 && u < 0x180 else { return u }
            let base = latinFold[Int(u - 0xC0)]
            return base == 0x2E ? u : base
        }
        var hashes = Set(firstWordHashes(ofSpellingsOf: written))
        if unaccented != written { hashes.formUnion(firstWordHashes(ofSpellingsOf: unaccented)) }
        return hashes
    }

    /// `WordHash`'s hash of the first word of `units` written every look-alike way: one hash per
    /// spelling, worked out letter by letter (the hash runs left to right), so no spelling is
    /// built as a string. Letters with a twin double the spellings while there are fewer than 64.
    private static func firstWordHashes(ofSpellingsOf units: [UInt16]) -> [UInt64] {
        var i = 0
        while i < units.count, !WordHash.isWordUnit(units[i]) { i += 1 }
        guard i < units.count else { return [] }
        var hashes: [UInt64] = [WordHash.offset]
        while i < units.count, WordHash.isWordUnit(units[i]) {
            let u = units[i]
            let lower = UInt64(WordHash.lower(u))
            if let twin = lookalikeTwin(u), hashes.count < 64 {
                let twinLower = UInt64(WordHash.lower(twin))
                hashes = hashes.flatMap { [($0 ^ lower) &* WordHash.prime, ($0 ^ twinLower) &* WordHash.prime] }
            } else {
                for k in hashes.indices { hashes[k] = (hashes[k] ^ lower) &* WordHash.prime }
            }
            i += 1
        }
        return hashes
    }

    /// The letter that looks like `u` in the other script (Latin ↔ Cyrillic, lower case), if any.
    static func lookalikeTwin(_ u: UInt16) -> UInt16? {
        let pairs: [(UInt16, UInt16)] = [(0x61, 0x0430), (0x65, 0x0435), (0x6F, 0x043E), (0x70, 0x0440), (0x63, 0x0441),
                                         (0x79, 0x0443), (0x78, 0x0445), (0x69, 0x0456), (0x6A, 0x0458), (0x73, 0x0455)]
        for (latin, cyrillic) in pairs {
            if u == latin { return cyrillic }
            if u == cyrillic { return latin }
        }
        return nil
    }

    /// The word hashes of a vocabulary entry, folded as lines are.
    static func wordHashes(of text: String) -> [UInt64] {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { buffer in tokens(buffer, in: 0..<buffer.count).map(\.hash) }
    }
}

extension FurnitureText {
    /// The most words a line may have to be counted across documents.
    static let repetitionWords = 12

    /// A short line's key for counting it across documents: its words folded as everywhere
    /// here, but digits kept as they are (`Vote on day 2` and `Vote on day 3` are two lines), for
    /// lines of one to `repetitionWords` words that do not end a sentence (template lines such
    /// as `Newsletter subscription` or a site's slogan, not article sentences).
    static func repetitionKey(_ units: UnsafeBufferPointer<UInt16>, _ tokens: [FurnitureToken], terminal: Bool) -> UInt64? {
        guard !terminal, (1...repetitionWords).contains(tokens.count) else { return nil }
        var hash = offset
        for token in tokens {
            for i in token.range {
                let u = units[i]
                hash = (hash ^ UInt64(isDigit(u) ? u : fold(u))) &* prime
            }
            hash = (hash ^ 0x20) &* prime
        }
        return hash
    }

    /// The repetition keys of a document's lines (each once), for `CorpusCensus`. A long text
    /// gives the keys of its first and last `maxKeysPerDocument / 2` short lines: furniture
    /// stands at the top and bottom, and memory stays bounded.
    static func repetitionKeys(of document: Document) -> Set<UInt64> {
        var keys: [UInt64] = []
        let units = document.text.units
        for line in document.lines where !line.content.isEmpty && line.content.count <= 400 {
            let trimmed = document.trimmed(line.content)
            guard !trimmed.isEmpty else { continue }
            let tokens = tokens(units, in: trimmed, limit: repetitionWords + 1)
            if let key = repetitionKey(units, tokens, terminal: FurnitureLine.endsSentence(units, trimmed)) { keys.append(key) }
        }
        let half = maxKeysPerDocument / 2
        if keys.count > maxKeysPerDocument { keys = Array(keys.prefix(half) + keys.suffix(half)) }
        return Set(keys)
    }

    /// At most this many keys are kept per document.
    static let maxKeysPerDocument = 512
}

import ICUText

/// Finds the quotation marks of a document and what flanks them. Apostrophes inside words
/// (`don’t`, `l’OTAN`), before a digit (`’90s`) or an elided word (`’em`), and `»` or `›` used
/// as a separator between words (`Home » World`) are not marks; a single mark after a word
/// (`students’`) and a double mark after a digit (`12"`) may be something else, which the
/// reading decides.
struct QuoteScanner {
    let text: UTF16Text
    let vocabulary: QuoteVocabulary
    /// The vocabulary's ASCII words as `asciiKey` packs them, so the words next to a mark are
    /// looked up without making strings.
    let verbKeys: WordHashTable<Bool>
    let pronounKeys: WordHashTable<Bool>

    init(text: UTF16Text, vocabulary: QuoteVocabulary) {
        self.text = text
        self.vocabulary = vocabulary
        verbKeys = WordHashTable(set: vocabulary.reportingVerbs.compactMap { Self.asciiKey(Array($0.utf16)) })
        pronounKeys = WordHashTable(set: vocabulary.reportingPronouns.compactMap { Self.asciiKey(Array($0.utf16)) })
    }

    func tokens(in blocks: [Range<Int>]) -> [QuoteToken] {
        var tokens: [QuoteToken] = []
        for (blockIndex, block) in blocks.enumerated() {
            var i = block.lowerBound
            var openGuillemets = 0
            while i < block.upperBound {
                i = Self.nextPossibleMark(in: text.units, from: i, to: block.upperBound)
                guard i < block.upperBound else { break }
                let unit = text[i]
                guard QuoteGlyph.mayBeMark(unit), let glyph = QuoteGlyph.of(UInt32(unit)) else { i += 1; continue }
                defer { i += 1 }
                let beforeScalar: UInt32? = i > block.lowerBound ? text.codePoint(before: i) : nil
                let afterScalar: UInt32? = i + 1 < block.upperBound ? text.codePoint(at: i + 1) : nil
                let before = QuoteNeighbour.of(beforeScalar), after = QuoteNeighbour.of(afterScalar)
                if unit == 0xAB || unit == 0x2039 { openGuillemets += 1 }
                var mayBeOther = false
                if glyph.size == .single {
                    if before == .word && after == .word { continue }  // don’t, l’OTAN
                    if before.isSpaceOrEdge || before == .openBracket || before == .dash, after == .word,
                       unit != 0x2039, unit != 0x203A, startsElision(at: i + 1, in: block) { continue }  // ’90s, ’em
                    if before == .word, unit == 0x2019 || unit == 0x27 { mayBeOther = true }  // students’
                } else if before == .word, let b = beforeScalar, b >= 0x30 && b <= 0x39, unit == 0x22 || unit == 0x201D {
                    mayBeOther = true  // 12" record, 5' 11"
                }
                if unit == 0xBB || unit == 0x203A, openGuillemets == 0, isSeparator(at: i, in: block) { continue }
                if unit == 0xBB || unit == 0x203A, openGuillemets > 0 { openGuillemets -= 1 }
                let spaceBefore = spaces(endingAt: i, from: block.lowerBound)
                let spaceAfter = spaces(startingAt: i + 1, to: block.upperBound)
                tokens.append(QuoteToken(
                    position: i, glyph: glyph, before: before, after: after, block: blockIndex,
                    opensBlock: spaceBefore.lowerBound == block.lowerBound, endsBlock: spaceAfter.upperBound == block.upperBound,
                    attributionFollows: attributionFollows(i + 1, in: block), introduced: isIntroduced(i, in: block),
                    splitContinuation: false, speechBefore: false, mayBeOther: mayBeOther, spaceBefore: spaceBefore, spaceAfter: spaceAfter))
            }
        }
        markSplitContinuations(&tokens, blocks: blocks)
        markSpeech(&tokens, blocks: blocks)
        return tokens
    }

    /// The first offset in `start..<end` whose unit may be a mark (`"`, `'` or any non-ASCII
    /// unit), or `end`. Four units at a time (`UnitWords`): most of a text is ASCII without marks.
    static func nextPossibleMark(in units: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int) -> Int {
        var i = start
        while i + 4 <= end {
            let word = UnitWords.load(units, at: i)
            if word & UnitWords.nonASCII != 0 || UnitWords.units(word, equalTo: 0x22) | UnitWords.units(word, equalTo: 0x27) != 0 { break }
            i += 4
        }
        while i < end {
            let unit = units[i]
            if unit == 0x22 || unit == 0x27 || unit >= 0x80 { return i }
            i += 1
        }
        return end
    }

    // MARK: Words around a mark

    func isSpace(_ c: UInt32) -> Bool { QuoteNeighbour.of(c) == .space }
    func isLetter(_ c: UInt32) -> Bool { QuoteNeighbour.of(c) == .word }

    func spaces(endingAt end: Int, from lower: Int) -> Range<Int> {
        var start = end
        while start > lower, isSpace(UInt32(text[start - 1])) { start -= 1 }
        return start..<end
    }

    func spaces(startingAt start: Int, to upper: Int) -> Range<Int> {
        var end = start
        while end < upper, isSpace(UInt32(text[end])) { end += 1 }
        return start..<end
    }

    /// The word (letters and digits) starting at `start`, and where it ends.
    func word(at start: Int, before upper: Int) -> (String, Int) {
        var end = start
        var word = ""
        while end < upper {
            let c = text.codePoint(at: end)
            guard isLetter(c) || (c == 0x2D && !word.isEmpty), let scalar = Unicode.Scalar(c) else { break }
            word.unicodeScalars.append(scalar)
            end = text.index(after: end)
        }
        return (word, end)
    }

    /// The word ending at `end` (letters only), and where it starts.
    func word(endingAt end: Int, after lower: Int) -> (String, Int) {
        var start = end
        while start > lower {
            let previous = text.index(before: start)
            guard isLetter(text.codePoint(at: previous)) else { break }
            start = previous
        }
        return (text.string(start..<end), start)
    }

    func startsElision(at start: Int, in block: Range<Int>) -> Bool {
        guard start < block.upperBound else { return false }
        let first = text.codePoint(at: start)
        if first >= 0x30 && first <= 0x39 { return true }
        let (word, _) = self.word(at: start, before: block.upperBound)
        return vocabulary.elisions.contains(word.lowercased())
    }

    /// `»` between spaces with words beyond them, and no `«` open: a breadcrumb separator.
    func isSeparator(at i: Int, in block: Range<Int>) -> Bool {
        let before = spaces(endingAt: i, from: block.lowerBound)
        let after = spaces(startingAt: i + 1, to: block.upperBound)
        guard !before.isEmpty || before.lowerBound == block.lowerBound, !after.isEmpty || after.upperBound == block.upperBound else { return false }
        let left: UInt32? = before.lowerBound > block.lowerBound ? text.codePoint(before: before.lowerBound) : nil
        let right: UInt32? = after.upperBound < block.upperBound ? text.codePoint(at: after.upperBound) : nil
        let leftIsWord = left.map(isLetter) ?? true
        let rightIsWord = right.map(isLetter) ?? false
        return leftIsWord && rightIsWord
    }

    /// Where the word (letters, digits, inner hyphens) starting at `start` ends.
    func wordEnd(at start: Int, before upper: Int) -> Int {
        var end = start
        while end < upper {
            let unit = text[end]
            if unit < 0x80 {
                let lower = unit | 0x20
                guard (lower >= 0x61 && lower <= 0x7A) || (unit >= 0x30 && unit <= 0x39) || (unit == 0x2D && end > start) else { break }
                end += 1
                continue
            }
            guard isLetter(text.codePoint(at: end)) else { break }
            end = text.index(after: end)
        }
        return end
    }

    /// Whether the word in `range` is in `keys` (ASCII words) or `words` (the others).
    func isWord(_ range: Range<Int>, in keys: WordHashTable<Bool>, or words: Set<String>) -> Bool {
        guard !range.isEmpty else { return false }
        if let key = Self.asciiKey(text.units[range]) { return keys.contains(key) }
        return words.contains(text.string(range).lowercased())
    }

    func isReportingVerb(_ range: Range<Int>) -> Bool { isWord(range, in: verbKeys, or: vocabulary.reportingVerbs) }
    func isReportingPronoun(_ range: Range<Int>) -> Bool { isWord(range, in: pronounKeys, or: vocabulary.reportingPronouns) }
    func isReportingVerb(_ word: String) -> Bool { vocabulary.reportingVerbs.contains(word.lowercased()) }

    /// Whether a reporting clause starts at `start` (after optional comma and spaces):
    /// `, he said`, `” said the mayor`, `”, insisted Ana Ruiz`, `” Ana Ruiz added`.
    func attributionFollows(_ start: Int, in block: Range<Int>) -> Bool {
        var i = start
        if i < block.upperBound, text[i] == 0x2C { i += 1 }  // ,
        i = spaces(startingAt: i, to: block.upperBound).upperBound
        guard i < block.upperBound else { return false }
        // Up to four words, without making strings.
        var words: [Range<Int>] = []
        words.reserveCapacity(4)
        var cursor = i
        while words.count < 4, cursor < block.upperBound {
            let end = wordEnd(at: cursor, before: block.upperBound)
            guard end > cursor else { break }
            words.append(cursor..<end)
            var next = end
            if next < block.upperBound, text[next] == 0x2E, end - cursor <= 3 { next += 1 }  // Mr. Ms.
            let gap = spaces(startingAt: next, to: block.upperBound)
            guard !gap.isEmpty else { break }
            cursor = gap.upperBound
        }
        guard let first = words.first else { return false }
        if isReportingVerb(first) { return true }
        if isReportingPronoun(first), words.count > 1, isReportingVerb(words[1]) { return true }
        // A name of up to three capitalised words, then the verb.
        var k = 0
        while k < words.count, CharacterProperties.isUppercase(text.codePoint(at: words[k].lowerBound)) { k += 1 }
        return k >= 1 && k <= 3 && k < words.count && isReportingVerb(words[k])
    }

    /// Whether a colon or a reporting verb comes right before the mark at `i`.
    func isIntroduced(_ i: Int, in block: Range<Int>) -> Bool {
        let gap = spaces(endingAt: i, from: block.lowerBound)
        guard gap.lowerBound > block.lowerBound else { return false }
        let previous = text[gap.lowerBound - 1]
        if previous == 0x3A { return true }  // :
        guard !gap.isEmpty else { return false }
        var start = gap.lowerBound
        while start > block.lowerBound, gap.lowerBound - start < 20, QuoteNeighbour.of(UInt32(text[start - 1])) == .word { start -= 1 }
        return isReportingVerb(start..<gap.lowerBound)
    }

    /// First- and second-person words, as `asciiKey` packs them (`markSpeech` relies on their
    /// initials and lengths).
    static let speakerKeys = WordHashTable<Bool>(set: ["i", "we", "you", "me", "us", "my", "our", "your", "mine", "ours", "yours",
                                               "myself", "ourselves"].compactMap { asciiKey(Array($0.utf16)) })

    /// An ASCII word of up to twelve letters packed lower-cased into a number (5 bits a letter),
    /// or nil.
    static func asciiKey<C: Collection>(_ units: C) -> UInt64? where C.Element == UInt16 {
        guard units.count <= 12 else { return nil }
        var key: UInt64 = 0
        for unit in units {
            let lower = unit | 0x20
            guard lower >= 0x61 && lower <= 0x7A else { return nil }
            key = key << 5 | UInt64(lower - 0x60)
        }
        return key
    }

    /// Marks the closing-shaped and straight marks with first- or second-person words between
    /// them and the previous mark of their block (or the block's start). Reads units only.
    func markSpeech(_ tokens: inout [QuoteToken], blocks: [Range<Int>]) {
        let units = text.units
        for index in tokens.indices where tokens[index].glyph.drawnDirection <= 0 {
            let token = tokens[index]
            let start = index > 0 && tokens[index - 1].block == token.block ? tokens[index - 1].end : blocks[token.block].lowerBound
            var i = start
            while i < token.position {
                let unit = units[i]
                guard (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A else { i += 1; continue }
                var end = i + 1
                while end < token.position, (units[end] | 0x20) >= 0x61 && (units[end] | 0x20) <= 0x7A { end += 1 }
                // Every speaker word starts with one of i, w, y, m, u, o and has at most nine
                // letters: the other words are passed over before any lookup.
                let initial = unit | 0x20
                guard end - i <= 9, initial == 0x69 || initial == 0x77 || initial == 0x79 || initial == 0x6D
                        || initial == 0x75 || initial == 0x6F else { i = end; continue }
                // A whole word: no letter (of any script) right before or after it.
                let whole = (i == start || QuoteNeighbour.of(UInt32(units[i - 1])) != .word)
                    && (end == token.position || QuoteNeighbour.of(UInt32(units[end])) != .word)
                if whole, let key = Self.asciiKey(units[i..<end]), Self.speakerKeys.contains(key),
                   end - i > 1 || unit == 0x49 {  // `I`, not a lone `i`
                    tokens[index].speechBefore = true
                    break
                }
                i = end
            }
        }
    }

    /// Closing marks followed by a full stop and a lower-case word, with another closing mark
    /// (after a word, before a space or the end) within twelve words: the seed's
    /// `“support”. very concrete ”to`, a sentence break the translation put inside a quotation.
    func markSplitContinuations(_ tokens: inout [QuoteToken], blocks: [Range<Int>]) {
        for index in tokens.indices {
            let token = tokens[index]
            guard token.glyph.drawnDirection <= 0, token.before == .word || token.before == .terminal,
                  token.after == .terminal, token.end < blocks[token.block].upperBound, text[token.end] == 0x2E else { continue }
            let gap = spaces(startingAt: token.end + 1, to: blocks[token.block].upperBound)
            guard !gap.isEmpty, gap.upperBound < blocks[token.block].upperBound,
                  CharacterProperties.isLowercase(text.codePoint(at: gap.upperBound)) else { continue }
            guard let next = tokens[(index + 1)...].first(where: { $0.block == token.block }),
                  next.glyph.drawnDirection <= 0 || next.before == .space, next.position > gap.upperBound else { continue }
            let between = text.string(gap.upperBound..<next.position)
            if between.split(separator: " ").count <= 12 { tokens[index].splitContinuation = true }
        }
    }
}

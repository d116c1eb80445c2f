/// A set of `FurnitureFeature`s (one bit each; there are fewer than 64).
struct FurnitureFeatures: Sendable, Equatable {
    var bits: UInt64 = 0

    mutating func insert(_ feature: FurnitureFeature) { bits |= 1 << UInt64(feature.index) }
    mutating func remove(_ feature: FurnitureFeature) { bits &= ~(1 << UInt64(feature.index)) }
    func contains(_ feature: FurnitureFeature) -> Bool { bits & (1 << UInt64(feature.index)) != 0 }

    var all: [FurnitureFeature] { FurnitureFeature.allCases.filter(contains) }

    /// The sum of `weights` over the features in the set (the neighbour feature aside).
    func score(_ weights: FurnitureWeights) -> Double {
        var rest = bits & ~(1 << UInt64(FurnitureFeature.neighbour.index))
        var sum = 0.0
        while rest != 0 {
            let bit = rest.trailingZeroBitCount
            sum += weights[index: bit]
            rest &= rest - 1
        }
        return sum
    }
}

/// What the furniture classifier reads in one non-blank line, before it looks at the lines
/// around it.
struct FurnitureLine: Sendable {
    /// Why a line is furniture that another rule reports (the classifier only counts it as
    /// furniture next to other lines).
    enum Elsewhere: Sendable {
        /// A known label (the label rules).
        case label
        /// A photo credit (the credits rules).
        case credit
        /// An image-file name led by its pixel size (the slugs rules).
        case imageSlug
    }

    /// The trimmed line (UTF-16 offsets).
    var range: Range<Int>
    /// The document's line index.
    var index: Int
    var features = FurnitureFeatures()
    var elsewhere: Elsewhere?
    /// Words (estimated past the first `FurnitureLine.sampledWords`).
    var words = 0
    /// The line's key for the repetition count (`FurnitureText.repetitionKey`), if it has one.
    var repetitionKey: UInt64?
    /// The score from the line's own features, then with its context.
    var score = 0.0

    var isProse: Bool { features.contains(.prose) }

    /// Lines are read from at most this many words; longer ones are prose by their length.
    static let sampledWords = 48
    /// Lines longer than this (UTF-16 units) that end a sentence may be taken for prose from
    /// their start alone.
    static let longLine = 120

    // MARK: Reading a line

    init(index: Int, range: Range<Int>, units: UnsafeBufferPointer<UInt16>, lexicon: FurnitureLexicon) {
        self.index = index
        self.range = range
        // A paragraph that ends a sentence, with twenty words or more and function words among
        // its first ones (or forty words), is prose: read only its start (a teaser is not).
        if range.count > Self.longLine, Self.endsSentence(units, range) {
            // The first eight words, read without keeping them.
            var count = 0, stop = 0, lastEnd = range.lowerBound
            var teaserFirst = false
            FurnitureText.forEachToken(units, in: range) { token in
                if count == 0 { teaserFirst = lexicon.teaserPrefixes.containsFirst(word: token.hash) }
                if lexicon.stopwords.contains(word: token.hash) { stop += 1 }
                count += 1
                lastEnd = token.range.upperBound
                return count < 8
            }
            // Past the eighth word, about one word in six units.
            let estimate = count < 8 ? count : 8 + (range.upperBound - lastEnd) / 6
            let teaser = teaserFirst
                && Self.teaser(FurnitureText.tokens(units, in: range, limit: 8), units: units, range: range, lexicon: lexicon) != nil
            if estimate >= 20, estimate >= 40 || 5 * stop >= count, !teaser {
                words = estimate
                features.insert(.prose)
                features.insert(.sentence)
                return
            }
        }
        let tokens = FurnitureText.tokens(units, in: range, limit: Self.sampledWords)
        guard !tokens.isEmpty else {
            if Self.isOnlyDecoration(units, range) { features.insert(.emptyItem) }
            return
        }
        let sampled = tokens.count == Self.sampledWords
        words = sampled ? Self.estimateWords(units, range, upTo: .max) : tokens.count
        let all = tokens[...]
        var stop = 0
        for token in tokens where lexicon.stopwords.contains(word: token.hash) { stop += 1 }
        let stopShare = Double(stop) / Double(tokens.count)
        let terminal = Self.endsSentence(units, range)
        // Words of a sentence: single letters (the `a` and `m` of `a.m.`) aside.
        let sentenceWords = sampled ? words : tokens.reduce(0) { $0 + ($1.hasLetter && $1.range.count > 1 ? 1 : 0) }
        let sentence = terminal && sentenceWords >= 5 && stop >= 1

        // Lines other rules report.
        if !sampled, lexicon.labels.matchesWhole(all) {
            elsewhere = .label
            return
        }
        if Self.startsWithImageSize(units, range) || Self.isFileName(tokens, units: units, range: range) {
            elsewhere = .imageSlug
            return
        }
        if words <= 40, isCredit(tokens, units: units, lexicon: lexicon) {
            elsewhere = .credit
            return
        }

        // What the line says.
        if words <= 40, let teaser = Self.teaser(tokens, units: units, range: range, lexicon: lexicon) { features.insert(teaser) }
        let isTeaser = features.contains(.teaser) || features.contains(.teaserAfterSpace)
        if !isTeaser, (words >= 20 && stopShare >= 0.2) || words >= 40 {
            features.insert(.prose)
        }
        if sentence { features.insert(.sentence) } else if !terminal { features.insert(.noTerminal) }
        repetitionKey = FurnitureText.repetitionKey(units, tokens, terminal: terminal)
        guard !isProse else { return }

        if lexicon.weakLabels.matchesWhole(all) { features.insert(.weakLabel) }
        if words <= 30 {
            if Self.containsLongLabel(all, lexicon.labels) { features.insert(.containsLabel) }
            if lexicon.phrases.firstOccurrence(in: all) != nil {
                features.insert(.phrase)
            } else if lexicon.weakPhrases.firstOccurrence(in: all) != nil {
                features.insert(.weakPhrase)
            }
        }
        var interface = 0
        var onlyInterface = true
        for token in tokens {
            if lexicon.interfaceWords.contains(word: token.hash) { interface += 1 } else if !lexicon.stopwords.contains(word: token.hash) {
                onlyInterface = false
            }
        }
        if onlyInterface, interface >= 2 { features.insert(.buttons) }
        // A byline whose name is missing or is not a name (`By with AFP`, `by time news`); a
        // byline that names its author (`By Jane Smith`) is the article's own.
        if words >= 2, words <= 8, !sentence, lexicon.bylineWords.contains(word: tokens[0].hash),
           !tokens[1].capitalised || lexicon.stopwords.contains(word: tokens[1].hash) {
            features.insert(.byline)
        }
        if words <= 8, lexicon.roles.firstOccurrence(in: all) != nil { features.insert(.role) }
        if Self.isISOTime(units, range) {
            features.insert(.isoTime)
        } else if Self.hasTimeStamp(units, range) {
            features.insert(.timeStamp)
        }
        if hasSiteName(tokens, units: units, lexicon: lexicon) { features.insert(.siteName) }
        if Self.isMarkup(units, range) { features.insert(.markup) }
        if !terminal, tokens.count <= 5, tokens.contains(where: { lexicon.mastheads.contains(word: $0.hash) }),
           tokens.allSatisfy({ $0.capitalised || $0.hasDigit || FurnitureLexicon.nameParticles.contains($0.hash) }) {
            features.insert(.masthead)
        }
        if tokens.count >= 3, stop == 0, tokens.allSatisfy({ $0.hasLetter && !$0.capitalised && !$0.allCaps }),
           range.allSatisfy({ WordHash.isWordUnit(units[$0]) || units[$0] == 0x20 || units[$0] == 0x2C || units[$0] == 0x2D }) {
            features.insert(.keywords)
        }
        if tokens.count <= 3, tokens.allSatisfy({ $0.capitalised && $0.range.count == 1 }) { features.insert(.initials) }
        if Self.isPersonName(tokens, units: units, range: range, lexicon: lexicon) { features.insert(.personName) }
        if !terminal, Self.isNameAndTitle(tokens, units: units, range: range, lexicon: lexicon) { features.insert(.nameAndTitle) }
        if Self.startsWithBullet(units, range) { features.insert(.bullet) }

        // How it is written.
        if words <= 3 { features.insert(.short) }
        if words >= 5, stop == 0 { features.insert(.noStopwords) }
        let lettered = tokens.filter(\.hasLetter)
        if lettered.count >= 3, Double(lettered.filter(\.capitalised).count) >= 0.6 * Double(lettered.count) { features.insert(.titleCase) }
    }

    // MARK: Features read from the words

    /// `.teaser` or `.teaserAfterSpace` when the line opens with a teaser prefix and goes on.
    static func teaser(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, range: Range<Int>,
                       lexicon: FurnitureLexicon) -> FurnitureFeature? {
        guard let count = lexicon.teaserPrefixes.longestPrefix(of: tokens[...]), count < tokens.count else { return nil }
        let next = tokens[count]
        guard next.hasLetter || next.hasDigit else { return nil }
        if next.glued { return .teaser }
        let gap = tokens[count - 1].range.upperBound..<next.range.lowerBound
        var spaces = 0
        var separator = false
        var quote = false
        for i in gap {
            switch units[i] {
            case 0x20, 0x09, 0xA0: spaces += 1
            case 0x3A, 0x2D, 0x2013, 0x2014, 0x2015, 0x7C, 0x3E, 0xBB, 0x2192, 0x2022, 0x25BA, 0x25B6, 0x2F: separator = true
            case 0x22, 0x27, 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0xAB: quote = true
            // A comma or semicolon after the words is the punctuation of a sentence that opens
            // with them (`Next up, the team travel north`), not a teaser's separator.
            case 0x2C, 0x3B: return nil
            default: break
            }
        }
        // A headline starts with a capital, a digit or a quotation mark (`Related: the council
        // asked for more` is a sentence).
        let headline = next.capitalised || next.hasDigit || quote
        if separator { return headline ? .teaser : nil }
        // An arrow or bullet in front stands for the separator (`>>> Relive France-Belgium`).
        if startsWithBullet(units, range), units[range.lowerBound] != 0x2D, units[range.lowerBound] != 0x2A { return .teaser }
        guard count >= 2, headline else { return nil }
        return spaces >= 2 ? .teaser : .teaserAfterSpace
    }

    /// Whether a label of two or more words stands in the line among other words.
    static func containsLongLabel(_ tokens: ArraySlice<FurnitureToken>, _ labels: FurnitureVocabulary) -> Bool {
        var start = tokens.startIndex
        while start < tokens.endIndex {
            guard labels.containsFirst(word: tokens[start].hash) else {
                start += 1
                continue
            }
            var hash = FurnitureText.offset
            for (count, token) in tokens[start...].prefix(labels.longest).enumerated() {
                hash = FurnitureText.combine(hash, token.hash)
                if count >= 1, labels.containsSequence(hash) { return true }
            }
            start += 1
        }
        return false
    }

    /// A credit: a credit label then `:`, `/` or `©` (`Photo: …`, `Zdjęcie: … / PAP`), a short
    /// line with `©`, or a line ending in an agency's name after a slash or bracket
    /// (`… / POOL / AFP`, `(Photo: Reuters)`).
    func isCredit(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, lexicon: FurnitureLexicon) -> Bool {
        if let count = lexicon.creditLabels.longestPrefix(of: tokens[...]), count < tokens.count {
            let gap = tokens[count - 1].range.upperBound..<tokens[count].range.lowerBound
            // What follows names someone: a capitalised word or an agency (`Photo: dpa`), not a
            // description (`Photograph: the author at home` is a caption).
            let named = tokens[count].capitalised || tokens[count].allCaps || tokens[count].hasDigit
                || lexicon.agencies.containsFirst(word: tokens[count].hash)
            if named, gap.contains(where: { units[$0] == 0x3A || units[$0] == 0x2F || units[$0] == 0xA9 }) { return true }
        }
        if tokens.count <= 12, range.contains(where: { units[$0] == 0xA9 }) { return true }
        // The last one or two words an agency, behind a slash or an opening bracket, and nothing
        // after it but a closing bracket or a full stop (`BERLIN (Reuters) -` is a dateline).
        guard let last = tokens.last,
              (last.range.upperBound..<range.upperBound).allSatisfy({ units[$0] == 0x29 || units[$0] == 0x5D || units[$0] == 0x2E || units[$0] == 0x20 })
        else { return false }
        for length in [2, 1] where tokens.count > length {
            let tail = tokens.suffix(length)
            guard tail.allSatisfy({ $0.capitalised || $0.allCaps }), lexicon.agencies.matchesWhole(tail) else { continue }
            let before = tokens[tokens.count - length - 1].range.upperBound..<tail[tail.startIndex].range.lowerBound
            if before.contains(where: { units[$0] == 0x2F || units[$0] == 0x28 }) { return true }
        }
        return false
    }

    /// A domain name (`dziennik.pl`, `www.mk.ru`), or an agency after a bullet or bar
    /// (`Kyiv • UNN`).
    func hasSiteName(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, lexicon: FurnitureLexicon) -> Bool {
        for i in tokens.indices.dropLast() {
            let dot = tokens[i].range.upperBound
            let next = tokens[i + 1]
            guard next.range.lowerBound == dot + 1, units[dot] == 0x2E, !next.capitalised, !next.hasDigit,
                  lexicon.domains.contains(word: next.hash) else { continue }
            let after = next.range.upperBound
            if after == range.upperBound || !WordHash.isWordUnit(units[after]) { return true }
        }
        if tokens.count >= 2, tokens.count <= 4, let last = tokens.last, last.allCaps, lexicon.agencies.contains(word: last.hash) {
            let before = tokens[tokens.count - 2].range.upperBound..<last.range.lowerBound
            if before.contains(where: { units[$0] == 0x2022 || units[$0] == 0x7C || units[$0] == 0xB7 }) { return true }
        }
        return false
    }

    /// Two to four capitalised words, lower-case name particles inside, and nothing but letters,
    /// spaces, hyphens, apostrophes and full stops.
    static func isPersonName(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, range: Range<Int>,
                             lexicon: FurnitureLexicon) -> Bool {
        guard isName(tokens[...], lexicon: lexicon) else { return false }
        for i in range where !WordHash.isWordUnit(units[i]) {
            switch units[i] {
            case 0x20, 0x2D, 0x27, 0x2019, 0x2E: continue
            default: return false
            }
        }
        // A line ending in a full stop is a name only with initials (`F. H.`), not a sentence.
        return units[range.upperBound - 1] != 0x2E || tokens.last.map { $0.range.count == 1 } ?? false
    }

    /// Two to five words, two to four of them capitalised and the others name particles inside
    /// (`Luiz Inácio Lula da Silva`), no function word or digit, no byline word first, not a weak
    /// label.
    static func isName(_ tokens: ArraySlice<FurnitureToken>, lexicon: FurnitureLexicon) -> Bool {
        guard (2...5).contains(tokens.count), tokens.allSatisfy({ !$0.hasDigit }), let first = tokens.first, let last = tokens.last,
              !lexicon.bylineWords.contains(word: first.hash) else { return false }
        var capitalised = 0
        for token in tokens {
            if token.capitalised && !token.glued && !lexicon.stopwords.contains(word: token.hash) {
                capitalised += 1
            } else if token.range == first.range || token.range == last.range || !FurnitureLexicon.nameParticles.contains(token.hash) {
                return false
            }
        }
        return (2...4).contains(capitalised) && !lexicon.weakLabels.matchesWhole(tokens)
    }

    /// A name and a description on either side of the line's one comma, as under a picture or a
    /// pull quote: `Jane Doe, mayor of Lindhaven`, `The candidate of the Workers' Party, Jane Doe`.
    static func isNameAndTitle(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, range: Range<Int>,
                               lexicon: FurnitureLexicon) -> Bool {
        guard tokens.count <= 15 else { return false }
        let commas = range.filter { units[$0] == 0x2C }
        guard commas.count == 1, let comma = commas.first else { return false }
        let left = tokens.prefix { $0.range.upperBound <= comma }
        let right = tokens[left.endIndex...]
        return (isName(left, lexicon: lexicon) && right.count >= 2) || (isName(right, lexicon: lexicon) && left.count >= 2)
    }

    // MARK: Features read from the characters

    /// Sentence-ending punctuation at the end, behind closing quotes and brackets; an ellipsis
    /// (`...`, `…`) marks a cut, not an end.
    static func endsSentence(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound {
            switch units[end - 1] {
            case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x29, 0x5D, 0x20: end -= 1
            default:
                let last = units[end - 1]
                if last == 0x21 || last == 0x3F { return true }
                if last == 0x2E { return !(end - range.lowerBound >= 2 && units[end - 2] == 0x2E) }
                return false
            }
        }
        return false
    }

    /// Only dashes, bullets, arrows or bars (an empty list item or menu entry).
    static func isOnlyDecoration(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return range.allSatisfy {
            switch units[$0] {
            case 0x2D, 0x2013, 0x2014, 0x2015, 0x2022, 0xB7, 0x25AA, 0x25BA, 0x25B6, 0x3E, 0xBB, 0x2192, 0x7C, 0x20, 0x09, 0xA0: true
            default: false
            }
        }
    }

    /// A bullet, arrow or `>` first, or a dash or `*` and a space.
    static func startsWithBullet(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        switch units[first] {
        case 0x2022, 0xB7, 0x25AA, 0x25BA, 0x25B6, 0x3E, 0xBB, 0x2192, 0x27A4: return true
        case 0x2D, 0x2013, 0x2014, 0x2A: return range.count > 1 && units[first + 1] == 0x20
        default: return false
        }
    }

    /// `<` and a letter first, and `=` or `>` later: a leaked HTML tag.
    static func isMarkup(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard range.count >= 3, units[range.lowerBound] == 0x3C else { return false }
        let second = units[range.lowerBound + 1]
        guard (second >= 0x61 && second <= 0x7A) || second == 0x2F else { return false }
        return range.dropFirst(2).contains { units[$0] == 0x3D || units[$0] == 0x3E }
    }

    /// A clock time (`9:41`, `14h30`) or an ISO date (`2020-11-18`).
    static func hasTimeStamp(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        func digit(_ i: Int) -> Bool { range.contains(i) && FurnitureText.isDigit(units[i]) }
        for i in range where digit(i) {
            let u = i + 1 < range.upperBound ? units[i + 1] : 0
            if (u == 0x3A || u == 0x68) && digit(i + 2) && digit(i + 3) && !digit(i + 4) && !digit(i - 2) { return true }
            if u == 0x2D, digit(i - 1), digit(i - 2), digit(i - 3), !digit(i - 4), digit(i + 2), digit(i + 3), i + 4 < range.upperBound,
               units[i + 4] == 0x2D, digit(i + 5), digit(i + 6) { return true }
        }
        return false
    }

    /// Nothing but an ISO 8601 date and time: `2020-11-18T08:01:26.322Z`, `2020-11-18 08:01`.
    static func isISOTime(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard (16...40).contains(range.count), hasTimeStamp(units, range) else { return false }
        var digits = 0
        for i in range {
            switch units[i] {
            case 0x30...0x39: digits += 1
            case 0x2D, 0x3A, 0x2E, 0x54, 0x5A, 0x2B, 0x20: continue
            default: return false
            }
        }
        return digits >= 12
    }

    /// `648x415` (two to four digits, x, two to four digits) as the first word.
    static func startsWithImageSize(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        var first = 0
        while i < range.upperBound, FurnitureText.isDigit(units[i]) { first += 1; i += 1 }
        guard (2...4).contains(first), i < range.upperBound, units[i] == 0x78 else { return false }
        i += 1
        var second = 0
        while i < range.upperBound, FurnitureText.isDigit(units[i]) { second += 1; i += 1 }
        return (2...4).contains(second) && (i == range.upperBound || !WordHash.isWordUnit(units[i]))
    }

    /// An image file's name or id as the slugs rules see it: a hexadecimal hash first, only
    /// long digit runs, or one lower-case word of four or more parts joined by `-` or `_`.
    static func isFileName(_ tokens: [FurnitureToken], units: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> Bool {
        guard let first = tokens.first else { return false }
        let hex = first.range.allSatisfy { (0x30...0x39).contains(units[$0]) || (0x61...0x66).contains(units[$0]) }
        if hex, first.range.count >= 16, first.hasDigit, first.hasLetter { return true }
        if tokens.count <= 4, tokens.allSatisfy({ !$0.hasLetter }),
           first.range.count >= 8 { return true }
        let spaced = range.contains { units[$0] == 0x20 || units[$0] == 0x09 }
        let lower = range.allSatisfy { (0x61...0x7A).contains(units[$0]) || (0x30...0x39).contains(units[$0]) || units[$0] == 0x2D || units[$0] == 0x5F || units[$0] == 0x2E }
        return !spaced && lower && tokens.count >= 4
    }

    /// Words in a long line (runs of non-spaces), counted up to `limit`.
    static func estimateWords(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, upTo limit: Int) -> Int {
        var count = 0
        var inWord = false
        for i in range {
            let space = units[i] == 0x20 || units[i] == 0x09
            if !space && !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = !space
        }
        return count
    }
}

/// One cheap pass over a document, shared by every rule: for each line, a bit mask of the
/// rare characters rules require (see `RequiredCharacters`), and — on first request — where
/// the first words of listed phrases start. Rules skip segments that cannot match.
public final class DocumentScan {
    let document: Document
    let prefilter: CharacterPrefilter
    /// OR of the bits of the characters on each line.
    let lineMasks: [UInt64]
    /// The character-class transitions on each line (when some regex needs them).
    let transitionMasks: [UInt16]
    /// Bits of the character pairs on each line.
    let pairMasks: [UInt64]
    /// Each line's longest run of possible digits (when some regex needs a run).
    let digitRuns: [UInt8]
    private let words: WordScanWords
    private var cachedWordHits: [(position: Int, hash: UInt64)]?
    private var linesByLiterals: [ObjectIdentifier: [Bool]] = [:]
    private var sentencesByLiterals: [ObjectIdentifier: [Range<Int>]] = [:]
    private var trimmedLineHashes: [Bool: [UInt64]] = [:]
    /// Analyses several rules read (the quotation-mark model), by the type of what they were
    /// made from, then that key and the analysis. Not `AnyHashable` keys: making one asks at
    /// run time which protocols the key's type conforms to, which cost a start's first lint
    /// 0.1 ms in the static binary; a lint makes only a handful of analyses.
    private var sharedAnalyses: [ObjectIdentifier: [(key: Any, value: Any)]] = [:]

    /// The longest trimmed line a whole-line rule compares (see `trimmedLineHashes`).
    private let longestHashedLine: Int
    /// The longest trimmed line a furniture-label rule compares (see `foldedLineHashes`).
    let longestFoldedLine: Int
    private var cachedFoldedLineHashes: [(hash: UInt64, words: Int)]?

    init(document: Document, prefilter: CharacterPrefilter, words: WordScanWords, longestHashedLine: Int = .max,
         longestFoldedLine: Int = .max) {
        self.document = document
        self.longestHashedLine = longestHashedLine
        self.longestFoldedLine = longestFoldedLine
        self.prefilter = prefilter
        self.words = words
        (lineMasks, pairMasks) = prefilter.isEmpty ? ([], []) : prefilter.lineMasks(of: document)
        if prefilter.usesTransitions || prefilter.usesDigitRuns {
            let masks = CharacterTransitions.lineMasks(of: document, digitRuns: prefilter.usesDigitRuns)
            (transitionMasks, digitRuns) = (prefilter.usesTransitions ? masks.transitions : [], masks.digitRuns)
        } else {
            (transitionMasks, digitRuns) = ([], [])
        }
    }

    /// Where each word registered by phrase rules and `requires:` lists starts, in text order.
    public var wordHits: [(position: Int, hash: UInt64)] {
        if let cachedWordHits { return cachedWordHits }
        let made = WordHash.hits(in: document.text, words: words)
        cachedWordHits = made
        return made
    }

    /// An analysis of the document that several rules read, made once for each `key` (which
    /// says everything the analysis depends on besides the document) and kept for this lint.
    public func shared<Key: Hashable & Sendable, Value>(_ key: Key, make: () -> Value) -> Value {
        let type = ObjectIdentifier(Key.self)
        for entry in sharedAnalyses[type] ?? [] {
            if let known = entry.key as? Key, known == key, let value = entry.value as? Value { return value }
        }
        let made = make()
        sharedAnalyses[type, default: []].append((key, made))
        return made
    }

    /// The places of the words in `words`, in text order.
    func hits(of words: WordHashTable<Bool>) -> [(position: Int, hash: UInt64)] {
        wordHits.filter { words.contains($0.hash) }
    }

    /// Each line's trimmed text hashed as `LineMatcherKind.lineHash` does, shared by every
    /// whole-line rule; 0 for blank lines and for lines longer than any listed line (which no
    /// rule compares: article paragraphs, most of the text).
    public func trimmedLineHashes(caseSensitive: Bool) -> [UInt64] {
        if let known = trimmedLineHashes[caseSensitive] { return known }
        let made = document.lines.map { line -> UInt64 in
            let trimmed = document.trimmed(line.content)
            guard !trimmed.isEmpty, trimmed.count <= longestHashedLine else { return 0 }
            return LineMatcherKind.lineHash(document.text.units, trimmed, caseSensitive: caseSensitive)
        }
        trimmedLineHashes[caseSensitive] = made
        return made
    }

    /// Each line's folded word sequence as the furniture rules compare it (`FurnitureText.lineHash`:
    /// case, accents, punctuation and digits folded) and its number of words, shared by the
    /// furniture-label rules; (0, 0) for blank lines and for lines longer than any of them
    /// compares.
    public var foldedLineHashes: [(hash: UInt64, words: Int)] {
        if let cachedFoldedLineHashes { return cachedFoldedLineHashes }
        let units = document.text.units
        let made = document.lines.map { line -> (hash: UInt64, words: Int) in
            guard !line.content.isEmpty, line.content.count <= longestFoldedLine + 64 else { return (0, 0) }
            let trimmed = document.trimmed(line.content)
            guard !trimmed.isEmpty, trimmed.count <= longestFoldedLine else { return (0, 0) }
            return FurnitureText.lineHash(units, trimmed, maxWords: FurnitureText.longestLabelWords) ?? (0, 0)
        }
        cachedFoldedLineHashes = made
        return made
    }

    /// For each line, whether it holds one of `literals` (computed once per document).
    public func lines(containing literals: RequiredLiterals) -> [Bool] {
        if let known = linesByLiterals[ObjectIdentifier(literals)] { return known }
        var flags = characterLines(containing: literals)
        if !literals.words.isEmpty {
            for hit in hits(of: literals.wordTable) {
                flags[document.lineIndex(containing: hit.position)] = true
            }
        }
        linesByLiterals[ObjectIdentifier(literals)] = flags
        return flags
    }

    /// For each line, whether it holds one of the characters of `literals` (not its words).
    /// Reads only the masks made on creation, so it may run beside the lazily cached scans.
    func characterLines(containing literals: RequiredLiterals) -> [Bool] {
        var flags = [Bool](repeating: false, count: max(document.lines.count, 1))
        if let bit = prefilter.bit(for: literals) {
            for index in flags.indices where index < lineMasks.count && lineMasks[index] & bit != 0 { flags[index] = true }
        } else if !literals.characters.isEmpty {
            // No filter bit left for these characters: every line may hold them.
            flags = [Bool](repeating: true, count: flags.count)
        }
        return flags
    }

    /// The ICU sentences of the lines holding one of `literals` (computed once per document):
    /// a sentence-scope rule that requires them is never given the others, so they need not
    /// be segmented. For literals without words it touches no other cache of the scan (see
    /// `characterLines`), so it may run beside them.
    public func sentences(containing literals: RequiredLiterals, using segmenter: Segmenter) -> [Range<Int>] {
        if let known = sentencesByLiterals[ObjectIdentifier(literals)] { return known }
        let flags = literals.words.isEmpty ? characterLines(containing: literals) : lines(containing: literals)
        let made = document.sentences(using: segmenter, onLines: flags)
        sentencesByLiterals[ObjectIdentifier(literals)] = made
        return made
    }

    func candidates(_ segments: [Range<Int>], for regex: SharedRegex) -> [Range<Int>] {
        let bit = prefilter.bit(for: regex)
        let transitions = prefilter.transitions(for: regex)
        let pairs = prefilter.pairs(for: regex)
        let run = prefilter.digitRun(for: regex).map { UInt8(clamping: $0) }
        guard bit != nil || transitions != nil || pairs != nil || run != nil else { return segments }
        // Local constants: the closure runs for every segment of every filtered regex, and a
        // property read through `self` retains and releases the array each time.
        let lineMasks = self.lineMasks, transitionMasks = self.transitionMasks, pairMasks = self.pairMasks
        let digitRuns = self.digitRuns
        @inline(__always) func someLine(_ lines: Range<Int>, _ oneLine: Bool, _ holds: (Int) -> Bool) -> Bool {
            oneLine ? holds(lines.lowerBound) : lines.contains(where: holds)
        }
        return filter(segments) { lines, oneLine in
            // A required character, or a run of digits (which never spans a line break), is on some line.
            if let bit, !someLine(lines, oneLine, { lineMasks[$0] & bit != 0 }) { return false }
            if let run, !someLine(lines, oneLine, { digitRuns[$0] >= run }) { return false }
            // Transitions and pairs across a line break are not tracked: several lines pass.
            if oneLine, let transitions, transitionMasks[lines.lowerBound] & transitions == 0 { return false }
            if oneLine, let pairs, pairMasks[lines.lowerBound] & pairs == 0 { return false }
            return true
        }
    }

    /// The segments for which `test` holds, given the range of line indices each touches and
    /// whether that is a single line. Segments are sorted, so one cursor walks the lines.
    func filter(_ segments: [Range<Int>], _ test: (Range<Int>, Bool) -> Bool) -> [Range<Int>] {
        let lines = document.lines
        guard !lines.isEmpty else { return [] }
        var result: [Range<Int>] = []
        result.reserveCapacity(segments.count)
        var cursor = 0
        for segment in segments {
            if cursor >= lines.count || lines[cursor].content.lowerBound > segment.lowerBound {
                cursor = document.lineIndex(containing: segment.lowerBound)
            }
            while cursor + 1 < lines.count, lines[cursor + 1].content.lowerBound <= segment.lowerBound { cursor += 1 }
            var last = cursor
            while last + 1 < lines.count, lines[last].end < segment.upperBound { last += 1 }
            if test(cursor..<(last + 1), last == cursor) { result.append(segment) }
        }
        return result
    }

    /// Whether line `index` may hold a match of `regex`.
    public func lineMayMatch(_ index: Int, _ regex: SharedRegex) -> Bool {
        if let bit = prefilter.bit(for: regex), lineMasks[index] & bit == 0 { return false }
        if let transitions = prefilter.transitions(for: regex), transitionMasks[index] & transitions == 0 { return false }
        if let pairs = prefilter.pairs(for: regex), pairMasks[index] & pairs == 0 { return false }
        if let run = prefilter.digitRun(for: regex), Int(digitRuns[index]) < run { return false }
        return true
    }
}

/// Maps UTF-16 units to bits: bit k stands for the k-th distinct required set among a
/// linter's regexes (at most 64; regexes beyond that run unfiltered).
final class CharacterPrefilter {
    private var table: UnitMaskTable?
    private var bits: [ObjectIdentifier: UInt64] = [:]
    private var transitionMasks: [ObjectIdentifier: UInt16] = [:]
    /// Pair filters: bit k is set in `pairFirst[a]` and `pairSecond[b]` when (a, b) belongs
    /// to the k-th distinct pair set, so `pairFirst[a] & pairSecond[b]` finds them all.
    private var pairFirst: UnitMaskTable?
    private var pairSecond: UnitMaskTable?
    /// Bit k set for the characters that may stand between the k-th pair's two (nil: no pair has a gap).
    private var pairGap: UnitMaskTable?
    /// The same for pairs whose gap holds at least one character (nil: no pair requires one).
    private var pairRequiredGap: UnitMaskTable?
    /// The bits of those pairs, which their two characters side by side do not make.
    private var requiredGapBits: UInt64 = 0
    private var pairBits: [ObjectIdentifier: UInt64] = [:]
    private var digitRuns: [ObjectIdentifier: Int] = [:]

    var isEmpty: Bool { table == nil && pairFirst == nil }
    /// Whether it was made from the regexes' detailed requirements.
    let isDetailed: Bool
    var usesTransitions: Bool { !transitionMasks.isEmpty }
    var usesDigitRuns: Bool { !digitRuns.isEmpty }

    /// `detailed`: use each regex's `detailedRequirement` (see `SharedRegex`).
    init(regexes: [SharedRegex], literals: [RequiredLiterals] = [], detailed: Bool = true) {
        isDetailed = detailed
        // Distinct sets and pairs get a bit each, told apart by fingerprint (see `fingerprint`):
        // hashing a set through `Hasher` hashes every member, hundreds for the digits.
        var setBits: [UInt64: UInt64] = [:]
        var sets: [(set: Set<UInt16>, bit: UInt64)] = []
        func bit(for set: Set<UInt16>) -> UInt64? {
            let key = Self.fingerprint(set)
            if let known = setBits[key] { return known }
            guard sets.count < 64 else { return nil }  // out of bits: not filtered
            let made = UInt64(1) << UInt64(sets.count)
            setBits[key] = made
            sets.append((set, made))
            return made
        }
        for literal in literals where !literal.characters.isEmpty {
            if let made = bit(for: literal.characters) { bits[ObjectIdentifier(literal)] = made }
        }
        var pairSetBits: [PairKey: UInt64] = [:]
        var pairSets: [(pair: RequiredCharacters.CharacterPair, bit: UInt64)] = []
        for regex in regexes {
            let requirement = detailed ? regex.detailedRequirement : regex.requirement
            if let transitions = requirement.transitions {
                transitionMasks[ObjectIdentifier(regex)] = transitions
            }
            if let run = requirement.digitRun { digitRuns[ObjectIdentifier(regex)] = run }
            if let required = requirement.characters, let made = bit(for: required) { bits[ObjectIdentifier(regex)] = made }
            if let pairs = requirement.pairs {
                var mask: UInt64 = 0
                for pair in pairs {
                    let key = PairKey(first: Self.fingerprint(pair.first), second: Self.fingerprint(pair.second),
                                      gap: Self.fingerprint(pair.gap), gapRequired: pair.gapRequired)
                    if let known = pairSetBits[key] {
                        mask |= known
                    } else if pairSets.count < 64 {
                        let made = UInt64(1) << UInt64(pairSets.count)
                        pairSetBits[key] = made
                        pairSets.append((pair, made))
                        mask |= made
                    } else {
                        mask = 0
                        break
                    }
                }
                if mask != 0 { pairBits[ObjectIdentifier(regex)] = mask }
            }
        }
        if !sets.isEmpty {
            let table = UnitMaskTable()
            for (set, bit) in sets {
                for unit in set { table.insert(bit, for: unit) }
            }
            self.table = table
        }
        if !pairSets.isEmpty {
            let first = UnitMaskTable(), second = UnitMaskTable()
            for (pair, bit) in pairSets {
                for unit in pair.first { first.insert(bit, for: unit) }
                for unit in pair.second { second.insert(bit, for: unit) }
            }
            pairFirst = first
            pairSecond = second
            // The gap characters of the pairs with an optional gap and of those with a required one.
            func gapTable(required: Bool) -> UnitMaskTable? {
                let gapped = pairSets.filter { !$0.pair.gap.isEmpty && $0.pair.gapRequired == required }
                guard !gapped.isEmpty else { return nil }
                let table = UnitMaskTable()
                for (pair, bit) in gapped {
                    for unit in pair.gap { table.insert(bit, for: unit) }
                }
                return table
            }
            pairGap = gapTable(required: false)
            pairRequiredGap = gapTable(required: true)
            requiredGapBits = pairSets.reduce(0) { $1.pair.gapRequired ? $0 | $1.bit : $0 }
        }
    }

    /// A pair's sets by fingerprint (see `CharacterPrefilter.fingerprint`).
    private struct PairKey: Hashable {
        let first: UInt64, second: UInt64, gap: UInt64
        let gapRequired: Bool
    }

    /// An order-independent fingerprint of a set of units: the sum of its members mixed
    /// (SplitMix64's finaliser) and its size. Two different sets with one fingerprint would share
    /// a bit, whose tables then hold both: lines with either pass, so a filter can only let
    /// more lines through, never skip one that holds what a regex needs.
    static func fingerprint(_ set: Set<UInt16>) -> UInt64 {
        var sum = UInt64(set.count) &* 0x9E37_79B9_7F4A_7C15
        for unit in set {
            var z = UInt64(unit) &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            sum &+= z ^ (z >> 31)
        }
        return sum
    }

    func bit(for regex: SharedRegex) -> UInt64? { bits[ObjectIdentifier(regex)] }
    func bit(for literals: RequiredLiterals) -> UInt64? { bits[ObjectIdentifier(literals)] }
    func transitions(for regex: SharedRegex) -> UInt16? { transitionMasks[ObjectIdentifier(regex)] }
    func pairs(for regex: SharedRegex) -> UInt64? { pairBits[ObjectIdentifier(regex)] }
    func digitRun(for regex: SharedRegex) -> Int? { digitRuns[ObjectIdentifier(regex)] }

    /// One walk over every line's units: the character bits and the pair bits it holds. A line
    /// of one unit has no pair; pair sets list BMP characters only, so a line with a surrogate
    /// passes every pair filter.
    func lineMasks(of document: Document) -> (characters: [UInt64], pairs: [UInt64]) {
        let count = max(document.lines.count, 1)
        var characters = [UInt64](repeating: 0, count: table == nil ? 0 : count)
        var pairs = [UInt64](repeating: 0, count: pairFirst == nil ? 0 : count)
        guard table != nil || pairFirst != nil else { return (characters, pairs) }
        let units = document.text.units
        let direct = ~requiredGapBits
        let tables = (table, pairFirst, pairSecond, pairGap, pairRequiredGap)
        withExtendedLifetime(tables) {
            let table = tables.0?.unsafeMasks, first = tables.1?.unsafeMasks, second = tables.2?.unsafeMasks
            let gap = tables.3?.unsafeMasks, requiredGap = tables.4?.unsafeMasks
            for (index, line) in document.lines.enumerated() {
                var characterMask: UInt64 = 0, pairMask: UInt64 = 0
                // Pairs whose first character (and any gap characters) came last; pairs whose
                // first character and at least one required gap character did.
                var previous: UInt64 = 0, across: UInt64 = 0
                var astral = false
                for i in line.content {
                    let unit = Int(units[i])
                    if let table { characterMask |= table[unit] }
                    if let first, let second {
                        // A pair is its first character, any gap characters, then its second.
                        pairMask |= ((previous & direct) | across) & second[unit]
                        if let requiredGap { across = (previous | across) & requiredGap[unit] }
                        previous = (gap.map { previous & $0[unit] } ?? 0) | first[unit]
                    }
                    astral = astral || UTF16.isSurrogate(units[i])
                }
                if table != nil { characters[index] = characterMask }
                if first != nil { pairs[index] = line.content.count > 1 && astral ? UInt64.max : pairMask }
            }
        }
        return (characters, pairs)
    }
}

/// One cheap pass over a document, shared by every rule: for each line, a bit mask of the
/// rare characters rules require (see `RequiredCharacters`), and — on first request — where
/// the first words of listed phrases start. Rules skip segments that cannot match.
public final class DocumentScan {
    let document: Document
    let prefilter: CharacterPrefilter
    /// OR of the bits of the characters on each line.
    private(set) var lineMasks: [UInt64] = []
    /// The character-class transitions on each line (when some regex needs them).
    private(set) var transitionMasks: [UInt16] = []
    /// Bits of the character pairs on each line.
    private(set) var pairMasks: [UInt64] = []
    private let wantedWords: Set<UInt64>
    private var cachedWordHits: [(position: Int, hash: UInt64)]?
    private var linesByLiterals: [ObjectIdentifier: [Bool]] = [:]

    init(document: Document, prefilter: CharacterPrefilter, wantedWords: Set<UInt64>) {
        self.document = document
        self.prefilter = prefilter
        self.wantedWords = wantedWords
        if !prefilter.isEmpty { (lineMasks, pairMasks) = prefilter.lineMasks(of: document) }
        if prefilter.usesTransitions {
            transitionMasks = document.lines.map { line in
                CharacterTransitions.mask(of: document.text.units, in: line.content)
            }
        }
    }

    /// Where words registered by phrase rules start, in text order.
    public var wordHits: [(position: Int, hash: UInt64)] {
        if let cachedWordHits { return cachedWordHits }
        let hits = WordHash.hits(in: document.text, wanted: wantedWords)
        cachedWordHits = hits
        return hits
    }

    /// For each line, whether it holds one of `literals` (computed once per document).
    public func lines(containing literals: RequiredLiterals) -> [Bool] {
        if let known = linesByLiterals[ObjectIdentifier(literals)] { return known }
        var flags = [Bool](repeating: false, count: max(document.lines.count, 1))
        if let bit = prefilter.bit(for: literals) {
            for index in flags.indices where index < lineMasks.count && lineMasks[index] & bit != 0 { flags[index] = true }
        } else if !literals.characters.isEmpty {
            // No filter bit left for these characters: every line may hold them.
            flags = [Bool](repeating: true, count: flags.count)
        }
        if !literals.words.isEmpty {
            for hit in wordHits where literals.words.contains(hit.hash) {
                flags[document.lineIndex(containing: hit.position)] = true
            }
        }
        linesByLiterals[ObjectIdentifier(literals)] = flags
        return flags
    }

    /// Whether any line `segment` touches is flagged.
    public func anyLine(_ flags: [Bool], in segment: Range<Int>) -> Bool {
        let lines = document.lines
        guard !lines.isEmpty else { return false }
        var index = document.lineIndex(containing: segment.lowerBound)
        while index < lines.count {
            if flags[index] { return true }
            if lines[index].end >= segment.upperBound { return false }
            index += 1
        }
        return false
    }

    func candidates(_ segments: [Range<Int>], for regex: SharedRegex) -> [Range<Int>] {
        var result = segments
        if let bit = prefilter.bit(for: regex) { result = result.filter { mayContain(bit, in: $0) } }
        if let transitions = prefilter.transitions(for: regex) { result = result.filter { mayContain(transitions: transitions, in: $0) } }
        if let pairs = prefilter.pairs(for: regex) { result = result.filter { mayContain(pairs: pairs, in: $0) } }
        return result
    }

    /// Whether any line `segment` touches has one of `transitions` (a transition across a
    /// line break is not tracked, so multi-line segments always pass).
    func mayContain(transitions: UInt16, in segment: Range<Int>) -> Bool {
        let lines = document.lines
        guard !lines.isEmpty else { return false }
        let index = document.lineIndex(containing: segment.lowerBound)
        if lines[index].end < segment.upperBound { return true }
        return transitionMasks[index] & transitions != 0
    }

    /// Whether any line `segment` touches holds a character of `bit`'s set.
    public func mayContain(_ bit: UInt64, in segment: Range<Int>) -> Bool {
        let lines = document.lines
        guard !lines.isEmpty else { return false }
        var index = document.lineIndex(containing: segment.lowerBound)
        while index < lines.count {
            if lineMasks[index] & bit != 0 { return true }
            if lines[index].end >= segment.upperBound { return false }
            index += 1
        }
        return false
    }

    /// Whether a one-line `segment` holds one of the pairs of `bits` (a pair across a line
    /// break is not tracked, so multi-line segments always pass).
    func mayContain(pairs bits: UInt64, in segment: Range<Int>) -> Bool {
        let lines = document.lines
        guard !lines.isEmpty else { return false }
        let index = document.lineIndex(containing: segment.lowerBound)
        if lines[index].end < segment.upperBound { return true }
        return pairMasks[index] & bits != 0
    }

    /// Whether line `index` may hold a match of `regex`.
    public func lineMayMatch(_ index: Int, _ regex: SharedRegex) -> Bool {
        if let bit = prefilter.bit(for: regex), lineMasks[index] & bit == 0 { return false }
        if let transitions = prefilter.transitions(for: regex), transitionMasks[index] & transitions == 0 { return false }
        if let pairs = prefilter.pairs(for: regex), pairMasks[index] & pairs == 0 { return false }
        return true
    }
}

/// Maps UTF-16 units to bits: bit k stands for the k-th distinct required set among a
/// linter's regexes (at most 64; regexes beyond that run unfiltered).
final class CharacterPrefilter {
    private var table: [UInt64] = []
    private var bits: [ObjectIdentifier: UInt64] = [:]
    private var transitionMasks: [ObjectIdentifier: UInt16] = [:]
    /// Pair filters: bit k is set in `pairFirst[a]` and `pairSecond[b]` when (a, b) belongs
    /// to the k-th distinct pair set, so `pairFirst[a] & pairSecond[b]` finds them all.
    private var pairFirst: [UInt64] = []
    private var pairSecond: [UInt64] = []
    private var pairBits: [ObjectIdentifier: UInt64] = [:]

    var isEmpty: Bool { table.isEmpty && pairFirst.isEmpty }
    var usesTransitions: Bool { !transitionMasks.isEmpty }

    init(regexes: [SharedRegex], literals: [RequiredLiterals] = []) {
        var setBits: [Set<UInt16>: UInt64] = [:]
        func bit(for set: Set<UInt16>) -> UInt64? {
            if let known = setBits[set] { return known }
            guard setBits.count < 64 else { return nil }  // out of bits: not filtered
            let made = UInt64(1) << UInt64(setBits.count)
            setBits[set] = made
            return made
        }
        for literal in literals where !literal.characters.isEmpty {
            if let made = bit(for: literal.characters) { bits[ObjectIdentifier(literal)] = made }
        }
        var pairSetBits: [RequiredCharacters.CharacterPair: UInt64] = [:]
        for regex in regexes {
            if let transitions = regex.requirement.transitions {
                transitionMasks[ObjectIdentifier(regex)] = transitions
            }
            if let required = regex.requiredUnits, let made = bit(for: required) { bits[ObjectIdentifier(regex)] = made }
            if let pairs = regex.requirement.pairs {
                var mask: UInt64 = 0
                for pair in pairs {
                    if let known = pairSetBits[pair] {
                        mask |= known
                    } else if pairSetBits.count < 64 {
                        let made = UInt64(1) << UInt64(pairSetBits.count)
                        pairSetBits[pair] = made
                        mask |= made
                    } else {
                        mask = 0
                        break
                    }
                }
                if mask != 0 { pairBits[ObjectIdentifier(regex)] = mask }
            }
        }
        if !setBits.isEmpty {
            table = [UInt64](repeating: 0, count: 65_536)
            for (set, bit) in setBits {
                for unit in set { table[Int(unit)] |= bit }
            }
        }
        if !pairSetBits.isEmpty {
            pairFirst = [UInt64](repeating: 0, count: 65_536)
            pairSecond = [UInt64](repeating: 0, count: 65_536)
            for (pair, bit) in pairSetBits {
                for unit in pair.first { pairFirst[Int(unit)] |= bit }
                for unit in pair.second { pairSecond[Int(unit)] |= bit }
            }
        }
    }

    func bit(for regex: SharedRegex) -> UInt64? { bits[ObjectIdentifier(regex)] }
    func bit(for literals: RequiredLiterals) -> UInt64? { bits[ObjectIdentifier(literals)] }
    func transitions(for regex: SharedRegex) -> UInt16? { transitionMasks[ObjectIdentifier(regex)] }
    func pairs(for regex: SharedRegex) -> UInt64? { pairBits[ObjectIdentifier(regex)] }

    /// One pass over every line: the character bits and the pair bits it holds.
    func lineMasks(of document: Document) -> (characters: [UInt64], pairs: [UInt64]) {
        let count = max(document.lines.count, 1)
        var characters = [UInt64](repeating: 0, count: table.isEmpty ? 0 : count)
        var pairs = [UInt64](repeating: 0, count: pairFirst.isEmpty ? 0 : count)
        let units = document.text.units
        if !table.isEmpty {
            table.withUnsafeBufferPointer { table in
                for (index, line) in document.lines.enumerated() {
                    var mask: UInt64 = 0
                    for i in line.content { mask |= table[Int(units[i])] }
                    characters[index] = mask
                }
            }
        }
        if !pairFirst.isEmpty {
            pairFirst.withUnsafeBufferPointer { first in
                pairSecond.withUnsafeBufferPointer { second in
                    for (index, line) in document.lines.enumerated() where line.content.count > 1 {
                        var mask: UInt64 = 0
                        var previous = first[Int(units[line.content.lowerBound])]
                        var astral = UTF16.isSurrogate(units[line.content.lowerBound])
                        for i in (line.content.lowerBound + 1)..<line.content.upperBound {
                            let unit = Int(units[i])
                            mask |= previous & second[unit]
                            previous = first[unit]
                            astral = astral || UTF16.isSurrogate(units[i])
                        }
                        // Pair sets list BMP characters only: a line with astral ones passes.
                        pairs[index] = astral ? UInt64.max : mask
                    }
                }
            }
        }
        return (characters, pairs)
    }
}

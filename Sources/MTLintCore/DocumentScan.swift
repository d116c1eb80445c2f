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
    private let wantedWords: Set<UInt64>
    private var cachedWordHits: [(position: Int, hash: UInt64)]?
    private var linesByLiterals: [ObjectIdentifier: [Bool]] = [:]

    init(document: Document, prefilter: CharacterPrefilter, wantedWords: Set<UInt64>) {
        self.document = document
        self.prefilter = prefilter
        self.wantedWords = wantedWords
        if !prefilter.isEmpty { lineMasks = prefilter.lineMasks(of: document) }
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

    /// Whether line `index` may hold a match of `regex`.
    public func lineMayMatch(_ index: Int, _ regex: SharedRegex) -> Bool {
        if let bit = prefilter.bit(for: regex), lineMasks[index] & bit == 0 { return false }
        if let transitions = prefilter.transitions(for: regex), transitionMasks[index] & transitions == 0 { return false }
        return true
    }
}

/// Maps UTF-16 units to bits: bit k stands for the k-th distinct required set among a
/// linter's regexes (at most 64; regexes beyond that run unfiltered).
final class CharacterPrefilter {
    private var table: [UInt64] = []
    private var bits: [ObjectIdentifier: UInt64] = [:]
    private var transitionMasks: [ObjectIdentifier: UInt16] = [:]

    var isEmpty: Bool { bits.isEmpty }
    var usesTransitions: Bool { !transitionMasks.isEmpty }

    init(regexes: [SharedRegex], literals: [RequiredLiterals] = []) {
        var setBits: [Set<UInt16>: UInt64] = [:]
        for literal in literals where !literal.characters.isEmpty {
            if let bit = setBits[literal.characters] {
                bits[ObjectIdentifier(literal)] = bit
            } else if setBits.count < 64 {
                let bit = UInt64(1) << UInt64(setBits.count)
                setBits[literal.characters] = bit
                bits[ObjectIdentifier(literal)] = bit
            } else {
                // Out of bits: flag every line for these characters.
                bits[ObjectIdentifier(literal)] = UInt64.max
            }
        }
        for regex in regexes {
            if let transitions = regex.requirement.transitions {
                transitionMasks[ObjectIdentifier(regex)] = transitions
            }
            guard let required = regex.requiredUnits else { continue }
            if let bit = setBits[required] {
                bits[ObjectIdentifier(regex)] = bit
                continue
            }
            guard setBits.count < 64 else { continue }
            let bit = UInt64(1) << UInt64(setBits.count)
            setBits[required] = bit
            bits[ObjectIdentifier(regex)] = bit
        }
        guard !setBits.isEmpty else { return }
        table = [UInt64](repeating: 0, count: 65_536)
        for (set, bit) in setBits {
            for unit in set { table[Int(unit)] |= bit }
        }
    }

    func bit(for regex: SharedRegex) -> UInt64? { bits[ObjectIdentifier(regex)] }
    func bit(for literals: RequiredLiterals) -> UInt64? { bits[ObjectIdentifier(literals)] }
    func transitions(for regex: SharedRegex) -> UInt16? { transitionMasks[ObjectIdentifier(regex)] }

    func lineMasks(of document: Document) -> [UInt64] {
        var masks = [UInt64](repeating: 0, count: max(document.lines.count, 1))
        let units = document.text.units
        table.withUnsafeBufferPointer { table in
            for (index, line) in document.lines.enumerated() {
                var mask: UInt64 = 0
                for i in line.content { mask |= table[Int(units[i])] }
                masks[index] = mask
            }
        }
        return masks
    }
}

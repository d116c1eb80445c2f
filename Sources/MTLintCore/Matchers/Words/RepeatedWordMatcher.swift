import ICUText

/// `match: { repeated-word: true }`
///
/// Finds a word followed by the same word, ignoring case, with only spaces or tabs between
/// them (`with with`, `A a test`): one pass over the text, comparing each run of letters with
/// the one before it — what the regex `(?i)\b(\p{L}+)[ \t]+\1\b` finds, without its
/// backtracking at every position of every line. Runs of letters touching a digit are not
/// words (`1 000 000`, `010 020`, `5a 5a`). Capture group 1 is the first word and 2 the
/// second, so `message` and `replace` can use `$1` and `$2`; the rule's `unless` lists the
/// doubles English has (`had had`, `that that`).
public struct RepeatedWordMatcherKind: MatcherKind {
    public static let key = "repeated-word"
    static let ownKeys: [String] = []

    public init() {}

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        _ = try mapping.required(key).matcherOptions(allowed: ownKeys)
        return Self()
    }

    public var captureCount: Int { 2 }
    public var scopes: [Scope] { [.line, .paragraph, .sentence] }

    public func makeMatcher() throws(ICUError) -> any Matcher { RepeatedWordMatcher() }
}

final class RepeatedWordMatcher: Matcher {
    /// 1 for a letter, 2 for a digit, 0 for anything else.
    @inline(__always)
    static func unitKind(_ u: UInt16) -> UInt8 {
        if u < 0x80 {
            if (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A { return 1 }
            return u >= 0x30 && u <= 0x39 ? 2 : 0
        }
        if u < 0x250 { return UInt8(truncatingIfNeeded: latinTable[Int(u)]) }
        if u >= 0x2000 && u < 0x2070 { return 0 }  // General Punctuation: spaces, quotes, dashes
        return classify(u)
    }

    static func classify(_ u: UInt16) -> UInt8 {
        if UTF16.isSurrogate(u) { return 2 }  // never part of a compared word
        guard let scalar = Unicode.Scalar(u) else { return 0 }
        if scalar.properties.numericType != nil { return 2 }
        return scalar.properties.isAlphabetic ? 1 : 0
    }

    /// For each unit below U+0250: its kind in the low byte and its lower-case form above.
    /// Written out as a literal (see `LatinUnitTables`), so that no start works it out.
    static var latinTable: [UInt32] { LatinUnitTables.repeatedWord }

    /// `latinTable` worked out from Unicode's properties: what `LatinUnitTables` must hold.
    static func computedLatinTable() -> [UInt32] {
        (0..<0x250).map { unit in
            let u = UInt16(unit)
            let kind: UInt8 = u < 0x80 ? unitKind(u) : classify(u)
            return UInt32(kind) | UInt32(WordHash.lower(u)) << 8
        }
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let units = document.text.units
        Self.latinTable.withUnsafeBufferPointer { latin in
            @inline(__always) func kind(_ u: UInt16) -> UInt8 {
                u < 0x250 ? UInt8(truncatingIfNeeded: latin[Int(u)]) : Self.unitKind(u)
            }
            @inline(__always) func lowered(_ u: UInt16) -> UInt16 {
                u < 0x250 ? UInt16(truncatingIfNeeded: latin[Int(u)] >> 8) : WordHash.lower(u)
            }
            for segment in segments {
                var previous: Range<Int>?
                var i = segment.lowerBound
                let end = segment.upperBound
                while i < end {
                    let first = kind(units[i])
                    guard first != 0 else { i += 1; continue }
                    let start = i
                    var tainted = first == 2
                    i += 1
                    while i < end {
                        let next = kind(units[i])
                        if next == 0 { break }
                        if next == 2 { tainted = true }
                        i += 1
                    }
                    let word = start..<i
                    let before = previous
                    previous = tainted ? nil : word
                    guard !tainted, let before, before.count == word.count else { continue }
                    // Only spaces and tabs between the two words.
                    var gap = before.upperBound
                    while gap < word.lowerBound, units[gap] == 0x20 || units[gap] == 0x09 { gap += 1 }
                    guard gap == word.lowerBound, gap > before.upperBound else { continue }
                    var same = true
                    for offset in 0..<word.count where lowered(units[before.lowerBound + offset]) != lowered(units[word.lowerBound + offset]) {
                        same = false
                        break
                    }
                    if same {
                        emit(Match(range: before.lowerBound..<word.upperBound, captures: [before.lowerBound..<word.upperBound, before, word]))
                    }
                }
            }
        }
    }
}

/// Cheaper spellings, for ICU's regex compiler, of the general categories rules use most.
///
/// ICU builds a general category's set (`\p{L}`, `\p{Ll}`, `\p{Lu}`, `\p{Nd}`) anew at every
/// escape it compiles, asking every boundary of Unicode's category data for its category:
/// 30–42 µs each. A binary property's set (`\p{Uppercase}`) it builds once per process and
/// copies at each escape: 5–11 µs. Each category here is a binary property minus a few ranges
/// (and, for `L`, plus one code point), exactly the same code points:
/// - `Lu` is `Uppercase` without the capitals that are not letters (Other_Uppercase: Roman
///   numerals, circled and squared capitals);
/// - `Ll` is `Lowercase` without Other_Lowercase (modifier letters, small Roman numerals, …);
/// - `L` is `ID_Start` without the letter numbers and Other_ID_Start, plus U+2E2F (a letter
///   that is Pattern_Syntax);
/// - `Nd` is POSIX `xdigit` without the Latin and full-width letters A–F.
///
/// The ranges are Unicode 15.0's (ICU 72); with any other Unicode version patterns compile as
/// written. An escape in a part of a pattern that matches case-insensitively is left as written
/// too: ICU closes each set there over case, and the closure of the spelling is not the
/// category's closure. The part outside (a name in `(?-i:…)`, text after `(?i:…)`) is respelled.
/// `GeneralCategorySpellingTests` checks each spelling against ICU's own sets.
public enum GeneralCategorySpelling {
    /// A category's spelling: the binary property, the ranges it has beyond the category, and
    /// the ranges of the category it lacks.
    public struct Spelling: Sendable {
        public let property: String
        public let removed: [ClosedRange<UInt32>]
        public let added: [ClosedRange<UInt32>]

        /// The spelling as an ICU set (usable in and outside a bracketed set).
        public var setExpression: String {
            func escapes(_ ranges: [ClosedRange<UInt32>]) -> String {
                ranges.map { range in
                    let low = "\\x{" + String(range.lowerBound, radix: 16, uppercase: true) + "}"
                    return range.count == 1 ? low : low + "-\\x{" + String(range.upperBound, radix: 16, uppercase: true) + "}"
                }.joined()
            }
            let difference = "[\\p{\(property)}--[\(escapes(removed))]]"
            return added.isEmpty ? difference : "[\(difference)\(escapes(added))]"
        }
    }

    /// The Unicode version the ranges below are taken from.
    public static let unicodeVersion = "15.0"

    /// The categories with a spelling, by the name written in `\p{…}`.
    public static let spellings: [String: Spelling] = [
        "L": Spelling(property: "ID_Start", removed: [
            0x16EE...0x16F0, 0x1885...0x1886, 0x2118...0x2118, 0x212E...0x212E, 0x2160...0x2182, 0x2185...0x2188,
            0x3007...0x3007, 0x3021...0x3029, 0x3038...0x303A, 0x309B...0x309C, 0xA6E6...0xA6EF, 0x10140...0x10174,
            0x10341...0x10341, 0x1034A...0x1034A, 0x103D1...0x103D5, 0x12400...0x1246E,
        ], added: [0x2E2F...0x2E2F]),
        "Ll": Spelling(property: "Lowercase", removed: [
            0xAA...0xAA, 0xBA...0xBA, 0x2B0...0x2B8, 0x2C0...0x2C1, 0x2E0...0x2E4, 0x345...0x345, 0x37A...0x37A,
            0x10FC...0x10FC, 0x1D2C...0x1D6A, 0x1D78...0x1D78, 0x1D9B...0x1DBF, 0x2071...0x2071, 0x207F...0x207F,
            0x2090...0x209C, 0x2170...0x217F, 0x24D0...0x24E9, 0x2C7C...0x2C7D, 0xA69C...0xA69D, 0xA770...0xA770,
            0xA7F2...0xA7F4, 0xA7F8...0xA7F9, 0xAB5C...0xAB5F, 0xAB69...0xAB69, 0x10780...0x10780, 0x10783...0x10785,
            0x10787...0x107B0, 0x107B2...0x107BA, 0x1E030...0x1E06D,
        ], added: []),
        "Lu": Spelling(property: "Uppercase", removed: [
            0x2160...0x216F, 0x24B6...0x24CF, 0x1F130...0x1F149, 0x1F150...0x1F169, 0x1F170...0x1F189,
        ], added: []),
        "Nd": Spelling(property: "xdigit", removed: [0x41...0x46, 0x61...0x66, 0xFF21...0xFF26, 0xFF41...0xFF46], added: []),
    ]

    /// A pattern naming each spelling's binary property and `Alphabetic` (which rules use for
    /// names), for a process's warm-up to build their sets before the lint's threads need them.
    public static let warmUpPattern = "[" + (Set(spellings.values.map(\.property)).sorted() + ["Alphabetic"]).map { "\\p{\($0)}" }.joined() + "]"

    /// Whether ICU's data is the Unicode version of the ranges.
    public static let applies = ICUText.unicodeVersion == unicodeVersion

    /// Each spelling's name and set expression as UTF-16, made once (see `prepare`).
    private static let expressions: [(name: [UInt16], expression: [UInt16])] = spellings.map { (Array($0.key.utf16), Array($0.value.setExpression.utf16)) }

    /// Makes the spellings' expressions now (for a process's warm-up), rather than in the first
    /// compile of a pattern that has a category to respell.
    public static func prepare() {
        guard applies else { return }
        _ = expressions.count
    }

    /// The expression of the category named by `name` (the units between `\p{` and `}`).
    private static func expression(named name: ArraySlice<UInt16>) -> [UInt16]? {
        expressions.first { $0.name.elementsEqual(name) }?.expression
    }

    /// `pattern` with each `\p{L}`, `\p{Ll}`, `\p{Lu}` and `\p{Nd}` spelled the cheaper way where
    /// the pattern matches case-sensitively; nil when it has none to respell, the data differs,
    /// or its structure is not the one `CaseScopes` can follow.
    ///
    /// Case-insensitivity is followed group by group, as ICU applies it: `caseInsensitive` (the
    /// whole pattern) or `(?i)` up to the end of the enclosing group, `(?i:…)` and `(?-i:…)` for
    /// their own. An escape inside a case-insensitive part is left as written.
    public static func respelled(_ pattern: [UInt16], caseInsensitive: Bool, comments: Bool = false) -> [UInt16]? {
        guard applies, !comments, pattern.count >= 5, hasCategoryEscape(pattern) else { return nil }
        var scopes = CaseScopes(ignoresCase: caseInsensitive)
        var result: [UInt16] = []
        var copied = 0
        var index = 0
        while index < pattern.count {
            let current = pattern[index]
            guard current == backslash else {
                if CaseScopes.isStructural(current) {
                    guard let next = scopes.step(pattern, at: index) else { return nil }
                    index = next
                } else {
                    index += 1
                }
                continue
            }
            guard index + 1 < pattern.count else { break }
            let next = pattern[index + 1]
            if next == unit("Q") {
                // Quoted text up to `\E` is literal.
                index += 2
                while index + 1 < pattern.count, !(pattern[index] == backslash && pattern[index + 1] == unit("E")) { index += 1 }
                index += 2
                continue
            }
            if next == unit("p"), !scopes.ignoresCase, index + 2 < pattern.count, pattern[index + 2] == unit("{"),
               let close = pattern[(index + 3)...].prefix(4).firstIndex(of: unit("}")),
               let expression = expression(named: pattern[(index + 3)..<close]),
               !isBesideHyphen(pattern, escape: index, close: close) {
                if result.isEmpty { result.reserveCapacity(pattern.count + 512) }
                result += pattern[copied..<index]
                result += expression
                index = close + 1
                copied = index
                continue
            }
            index += 2  // any other escape, `\\` included
        }
        guard copied > 0, scopes.isBalanced else { return nil }
        result += pattern[copied...]
        return result
    }

    /// Whether `\p{` is followed by a name with a spelling and `}` somewhere (quoted or not): most
    /// patterns have none, and are passed over without following their groups.
    private static func hasCategoryEscape(_ pattern: [UInt16]) -> Bool {
        var index = 0
        while index + 3 < pattern.count {
            if pattern[index] == backslash, pattern[index + 1] == unit("p"), pattern[index + 2] == unit("{"),
               let close = pattern[(index + 3)...].prefix(4).firstIndex(of: unit("}")),
               expression(named: pattern[(index + 3)..<close]) != nil {
                return true
            }
            index += 1
        }
        return false
    }

    /// Where a pattern matches case-insensitively, followed one unit at a time outside escapes:
    /// each group keeps the state of its opening to restore at its close; brackets (sets, in
    /// which parentheses are literal) are counted. What it cannot follow (a comment group, the
    /// free-spacing flag, whose comments may hold parentheses) stops it.
    struct CaseScopes {
        private(set) var ignoresCase: Bool
        private var restoredAtClose: [Bool] = []
        private var setDepth = 0

        init(ignoresCase: Bool) { self.ignoresCase = ignoresCase }

        var isBalanced: Bool { restoredAtClose.isEmpty && setDepth == 0 }

        /// Whether `unit` opens or closes a group or a set: the units `step` is for.
        static func isStructural(_ unit: UInt16) -> Bool {
            unit == 0x28 || unit == 0x29 || unit == 0x5B || unit == 0x5D  // ( ) [ ]
        }

        /// The index after the construct at `index` (a structural unit), or nil to give up.
        mutating func step(_ pattern: [UInt16], at index: Int) -> Int? {
            let current = pattern[index]
            if setDepth > 0 {
                if current == unit("[") {
                    setDepth += 1
                    return Self.afterSetOpening(pattern, at: index)
                }
                if current == unit("]") { setDepth -= 1 }
                return index + 1
            }
            switch current {
            case unit("["):
                setDepth = 1
                return Self.afterSetOpening(pattern, at: index)
            case unit(")"):
                guard let restored = restoredAtClose.popLast() else { return nil }
                ignoresCase = restored
                return index + 1
            case unit("("):
                restoredAtClose.append(ignoresCase)
                guard index + 1 < pattern.count, pattern[index + 1] == unit("?") else { return index + 1 }
                if index + 2 < pattern.count, pattern[index + 2] == unit("#") { return nil }
                // Flags: `(?i)`, `(?-i:`, `(?si)`; any other `(?` construct keeps the state.
                var flag = index + 2
                var turningOn = true
                var setsIgnoreCase: Bool?
                while flag < pattern.count, let scalar = Unicode.Scalar(pattern[flag]),
                      scalar.isASCII, scalar.properties.isAlphabetic || scalar == "-" {
                    if scalar == "-" { turningOn = false }
                    if scalar == "x", turningOn { return nil }
                    if scalar == "i" { setsIgnoreCase = turningOn }
                    flag += 1
                }
                guard flag > index + 2 else { return index + 2 }
                guard flag < pattern.count else { return nil }
                if pattern[flag] == unit(")") {
                    // A setting for the rest of the enclosing group: no group of its own.
                    restoredAtClose.removeLast()
                } else if pattern[flag] != unit(":") {
                    return nil
                }
                if let setsIgnoreCase { ignoresCase = setsIgnoreCase }
                return flag + 1
            default:
                return index + 1
            }
        }

        /// After a set's `[` (and `^`): a `]` there is a literal, not the set's end.
        private static func afterSetOpening(_ pattern: [UInt16], at index: Int) -> Int {
            var next = index + 1
            if next < pattern.count, pattern[next] == unit("^") { next += 1 }
            if next < pattern.count, pattern[next] == unit("]") { next += 1 }
            return next
        }
    }

    /// Whether a hyphen touches the escape in a way ICU reads differently once the escape is a
    /// nested set: a hyphen before it (`[a-\p{Lu}]`), or one after it that another escape or a
    /// set follows (`[\p{Lu}-\p{Ll}]`). Such an escape is left as written.
    private static func isBesideHyphen(_ pattern: [UInt16], escape: Int, close: Int) -> Bool {
        if escape > 0, pattern[escape - 1] == unit("-") { return true }
        guard close + 2 < pattern.count, pattern[close + 1] == unit("-") else { return false }
        let after = pattern[close + 2]
        return after == backslash || after == unit("[")
    }

    private static let backslash = unit("\\")

    private static func unit(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
}

import ICUText

/// Reads an ICU regular expression and finds a small set of UTF-16 code units such that every
/// match needs at least one of them somewhere in its segment (look-arounds included). The
/// linter skips segments without any of them, so a rule that rarely fires costs almost nothing.
///
/// The analysis is conservative: anything it does not understand makes the answer nil ("no
/// filter"), which is always correct. A set that would not filter much (one holding letters,
/// spaces or line breaks) is not worth a filter either.
public enum RequiredCharacters {
    public static func of(pattern: String, caseInsensitive: Bool) -> Set<UInt16>? {
        requirement(of: pattern, caseInsensitive: caseInsensitive).characters
    }

    /// What every match of `pattern` needs in its segment: a useful set of characters, or
    /// failing that a useful set of character-class transitions (see `CharacterTransitions`).
    /// The decimal digits (`\d`, `\p{Nd}`) are enumerated from ICU's set in every analysis, so
    /// pairs such as a comma before a digit filter from a process's first line. `properties`:
    /// also enumerate the characters of every other `\p{…}` (a capital after a full stop);
    /// costs about a millisecond the first time.
    public static func requirement(of pattern: String, caseInsensitive: Bool, properties: Bool = false) -> Requirement {
        let units = Array(pattern.utf16)
        var analyzer = Analyzer(units: units, caseInsensitive: caseInsensitive || Self.setsCaseInsensitive(units), properties: properties)
        let result = analyzer.alternation()
        guard analyzer.index == analyzer.units.count else { return Requirement() }
        // Each is a necessary condition, so a segment must meet all of them.
        return Requirement(characters: result.chars.flatMap { useful($0) ? $0.set : nil },
                           transitions: result.transitions.flatMap { CharacterTransitions.useful($0) ? $0 : nil },
                           pairs: result.pairs.flatMap { $0.allSatisfy(\.isUseful) && !$0.isEmpty ? $0.map(\.characterPair) : nil },
                           digitRun: result.digitRun >= usefulDigitRun ? result.digitRun : nil)
    }

    /// Whether the pattern holds `(?i` (a group or the rest of the pattern matched case-insensitively).
    static func setsCaseInsensitive(_ units: [UInt16]) -> Bool {
        var index = 2
        while index < units.count {
            if units[index] == 0x69, units[index - 1] == 0x3F, units[index - 2] == 0x28 { return true }
            index += 1
        }
        return false
    }

    /// What a regex needs in a segment; both nil when nothing cheap can be said.
    public struct Requirement: Sendable, Hashable {
        public var characters: Set<UInt16>?
        /// Bits of `CharacterTransitions`.
        public var transitions: UInt16?
        /// Two characters side by side: every match holds one of these pairs.
        public var pairs: [CharacterPair]?
        /// A run of at least this many decimal digits side by side: every match holds one
        /// (`[1-9]\d{3}`: four). Set from `usefulDigitRun` up, since shorter runs are in most
        /// numbers.
        public var digitRun: Int?

        public init(characters: Set<UInt16>? = nil, transitions: UInt16? = nil, pairs: [CharacterPair]? = nil, digitRun: Int? = nil) {
            self.characters = characters
            self.transitions = transitions
            self.pairs = pairs
            self.digitRun = digitRun
        }
    }

    /// A character from `first` followed by one from `second` (a space before a comma, two
    /// spaces), directly or across any run of `gap` characters (a comma, spaces or tabs, a
    /// comma): rare as a pair even when each character is common. With `gapRequired`, the run
    /// holds at least one gap character (a digit, a space, a digit: `80 000`), so the three
    /// are rare together even when each two side by side are common.
    public struct CharacterPair: Sendable, Hashable {
        public var first: Set<UInt16>
        public var second: Set<UInt16>
        public var gap: Set<UInt16>
        public var gapRequired: Bool

        public init(first: Set<UInt16>, second: Set<UInt16>, gap: Set<UInt16> = [], gapRequired: Bool = false) {
            self.first = first
            self.second = second
            self.gap = gap
            self.gapRequired = gapRequired
        }

        /// Whether `first`, at least one of `gap`, then `second` is rare in prose: no end holds
        /// a letter, a space or a line break (a word, a space, a word is every line), and the
        /// gap holds no word character or line break. Digits across spaces or punctuation
        /// (`80 000`, `14, 6`) are numbers, which most lines lack.
        static func isUsefulAcross<Units: Sequence<UInt16>>(first: Units, gap: Units, second: Units) -> Bool {
            func isLineBreak(_ u: UInt16) -> Bool { u == 0x0A || u == 0x0D }
            // Cheap tests first: most candidates have a letter or a space at an end.
            func isASCIILetterOrSpace(_ u: UInt16) -> Bool {
                isLineBreak(u) || u == 0x20 || u == 0x09 || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A)
            }
            func isWordButNotDigit(_ u: UInt16) -> Bool { isWordish(u) && !isDecimalDigit(u) }
            guard first.contains(where: { _ in true }), gap.contains(where: { _ in true }), second.contains(where: { _ in true }),
                  !gap.contains(where: { isWordish($0) || isLineBreak($0) }),
                  !first.contains(where: isASCIILetterOrSpace), !second.contains(where: isASCIILetterOrSpace) else { return false }
            return !first.contains(where: isWordButNotDigit) && !second.contains(where: isWordButNotDigit)
        }

        static func isDecimalDigit(_ u: UInt16) -> Bool {
            if u >= 0x30 && u <= 0x39 { return true }
            guard u >= 0x80, let scalar = Unicode.Scalar(u) else { return false }
            return scalar.properties.numericType == .decimal
        }

        /// `isUseful` for the sets `first` and `second`, which make `size` pairs.
        static func isUseful<Units: Sequence<UInt16>>(first: Units, second: Units, size: Int) -> Bool {
            guard size > 0 else { return false }
            // Line masks hold no line breaks, so a pair with one could never be seen.
            guard !first.contains(where: { $0 == 0x0A || $0 == 0x0D }), !second.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return false }
            return !hasCommonPair(first: first, second: second)
        }

        /// Whether some `a` in `first` and `b` in `second` make a common pair (`isCommon`),
        /// decided clause by clause on the sets (each clause of `isCommon` asks one thing of
        /// `a` and one of `b`), so sets of thousands of characters cost one pass, not a product.
        static func hasCommonPair<Units: Sequence<UInt16>>(first: Units, second: Units) -> Bool {
            let space: UInt16 = 0x20
            let firstWordish = first.contains(where: isWordish), secondWordish = second.contains(where: isWordish)
            func has(_ units: Units, _ unit: UInt16) -> Bool { units.contains(unit) }
            func hasAny(_ units: Units, _ list: [UInt16]) -> Bool { units.contains(where: list.contains) }
            // Two word characters, unless a digit before a letter rare after digits.
            if secondWordish && first.contains(where: { isWordish($0) && !isDecimalDigit($0) }) { return true }
            if first.contains(where: { isWordish($0) && isDecimalDigit($0) }),
               second.contains(where: { isWordish($0) && !rareAfterDigit.contains($0) }) { return true }
            if has(first, space) && (secondWordish || hasAny(second, afterSpace)) { return true }
            if firstWordish && hasAny(second, afterWord) { return true }
            if hasAny(first, beforeSpace) && has(second, space) { return true }
            if (has(first, 0x2E) || has(first, 0x2C)) && has(second, 0x201D) { return true }
            if (has(first, 0x201C) || has(first, 0x28)) && secondWordish { return true }
            return false
        }

        // A straight apostrophe after a space opens a single-quoted word, rare in news prose,
        // where quotations take double marks: a space before one makes a useful pair.
        static let afterSpace: [UInt16] = [0x28, 0x22, 0x201C, 0x2018, 0x2D, 0x2013, 0x2014]
        static let afterWord: [UInt16] = [0x20, 0x2C, 0x2E, 0x3B, 0x3A, 0x27, 0x2019, 0x2D, 0x29, 0x22, 0x201D, 0x3F, 0x21]
        static let beforeSpace: [UInt16] = [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x22, 0x201D, 0x2019, 0x2013, 0x2014, 0x2D]

        /// Letters that follow a digit directly almost only in French ordinals (`3e`, `20ème`):
        /// English number suffixes (`1st`, `2nd`, `1990s`, `5km`, `9am`, `4x4`) start with others.
        static let rareAfterDigit: [UInt16] = [0x65, 0xE8, 0xE9, 0xEA]  // e è é ê

        static func isWordish(_ u: UInt16) -> Bool { WordHash.isWordUnit(u) || UTF16.isSurrogate(u) }

        static func isCommon(_ a: UInt16, _ b: UInt16) -> Bool {
            let space: UInt16 = 0x20
            if isWordish(a) && isWordish(b) && !(isDecimalDigit(a) && rareAfterDigit.contains(b)) { return true }
            if a == space && (isWordish(b) || afterSpace.contains(b)) { return true }
            if isWordish(a) && afterWord.contains(b) { return true }
            if beforeSpace.contains(a) && b == space { return true }
            if (a == 0x2E && b == 0x201D) || (a == 0x2C && b == 0x201D) || (a == 0x201C && isWordish(b)) || (a == 0x28 && isWordish(b)) { return true }
            return false
        }
    }

    /// A `CharacterPair` while the analysis builds it.
    struct UnitPair {
        var first: UnitSet
        var second: UnitSet
        var gap = UnitSet()
        var gapRequired = false

        var size: Int { first.count * second.count + gap.count * second.count }
        /// Useful when no pair in it is common in prose (letters in words, a space before a
        /// word, punctuation before a space...), nor a gap character before the second; across
        /// a required gap, see `CharacterPair.isUsefulAcross`.
        var isUseful: Bool {
            if gapRequired { return CharacterPair.isUsefulAcross(first: first, gap: gap, second: second) }
            return CharacterPair.isUseful(first: first, second: second, size: first.count * second.count)
                && (gap.isEmpty || CharacterPair.isUseful(first: gap, second: second, size: gap.count * second.count))
        }
        var characterPair: CharacterPair { CharacterPair(first: first.set, second: second.set, gap: gap.set, gapRequired: gapRequired) }
    }

    /// The BMP characters of an ICU set pattern such as `\p{Lu}` (ICU's own definition, as
    /// its regexes use), for pair filters; nil for an invalid pattern or a set too large to
    /// filter anything. BMP members are enough there: a line with characters beyond the BMP
    /// passes every pair filter (see `CharacterPrefilter.lineMasks`). Made once per pattern.
    static func propertyUnits(_ pattern: String) -> UnitSet? {
        propertyCache.withLock { cache in
            if let known = cache[pattern] { return known }
            let made = ICUCharacterSet.ranges(of: pattern).flatMap { ranges -> UnitSet? in
                let size = ranges.reduce(0) { total, range in
                    range.lowerBound > 0xFFFF ? total : total + Int(min(range.upperBound, 0xFFFF) - range.lowerBound) + 1
                }
                return size <= maxPropertyUnits ? UnitSet(ranges: ranges) : nil
            }
            cache[pattern] = made
            return made
        }
    }

    static let propertyCache = Locked<[String: UnitSet?]>([:])
    /// Larger sets (all letters, say) pair with nearly everything.
    static let maxPropertyUnits = 4096

    /// A set filters well when it holds only characters that many lines lack.
    static func useful(_ set: UnitSet) -> Bool {
        !set.isEmpty && set.count <= 48 && set.allSatisfy { unit in
            !(unit >= 0x41 && unit <= 0x5A) && !(unit >= 0x61 && unit <= 0x7A)
                && ![0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x2E, 0x27, 0x2D].contains(unit)
        }
    }

    /// The shortest digit run worth a filter: most lines with a number have two digits side by
    /// side (`10`, `25`), far fewer three, and few four (a year, `2,500` written `2500`).
    static let usefulDigitRun = 3

    /// Whether every character of `set` is a decimal digit (`\d`, `[0-9]`, `[1-9]`).
    static func isDigits(_ set: UnitSet?) -> Bool {
        guard let set, !set.isEmpty else { return false }
        return set.allSatisfy(CharacterPair.isDecimalDigit)
    }

    /// Rough cost of a candidate set: how often its characters occur in English text.
    static func score(_ set: UnitSet) -> Int {
        set.reduce(0) { total, unit in
            switch unit {
            case 0x20, 0x09, 0x0A, 0x0D: total + 1000
            case 0x61...0x7A: total + 300
            case 0x41...0x5A: total + 60
            case 0x2C, 0x2E, 0x27, 0x2D: total + 50
            case 0x30...0x39: total + 10
            case 0x21...0x7E: total + 5
            default: total + 1
            }
        }
    }

    struct Analyzer {
        let units: [UInt16]
        let caseInsensitive: Bool
        /// Whether property escapes get their characters (see `propertyUnits`).
        let properties: Bool
        var index = 0

        init(units: [UInt16], caseInsensitive: Bool, properties: Bool) {
            self.units = units
            self.caseInsensitive = caseInsensitive
            self.properties = properties
        }

        /// `RequiredCharacters.propertyUnits` when this analysis enumerates properties, and for
        /// the decimal digits (`\d`, `\p{Nd}`) in every analysis: number rules pair them with
        /// punctuation (`,5`, `.000`), and their set is small and quick to get from ICU. Without
        /// them, a start-up linter compiled and ran every number pattern on any line.
        func propertyUnits(_ pattern: String) -> UnitSet? {
            properties || pattern == "\\p{Nd}" ? RequiredCharacters.propertyUnits(pattern) : nil
        }

        var atEnd: Bool { index >= units.count }
        var current: UInt16 { units[index] }

        /// What a piece of pattern needs: characters one of which every match contains,
        /// transitions one of which every match contains, and the classes of the first and
        /// last character it consumes.
        struct Atom {
            var chars: UnitSet?
            var transitions: UInt16?
            var pairs: [UnitPair]?
            var first: UInt8 = CharacterTransitions.anyClass
            var last: UInt8 = CharacterTransitions.anyClass
            /// The characters a match can start and end with, when known.
            var firstChars: UnitSet?
            var lastChars: UnitSet?
            /// Consumes no text (anchors, look-arounds, flags, comments).
            var zeroWidth = false
            /// Consumes exactly one character, one of `firstChars` (a literal, class or escape).
            var isOneCharacter = false
            /// A look-ahead's text follows the position, a look-behind's precedes it.
            var look: Look = .none
            /// The longest run of decimal digits side by side that every match holds (0: none known).
            var digitRun = 0

            enum Look { case none, ahead, behind }

            static let unknown = Atom()
            static let empty = Atom(zeroWidth: true)
        }

        /// Branches separated by `|` up to a `)` or the end: a requirement holds when every
        /// branch has one.
        mutating func alternation() -> Atom {
            var result = Atom(chars: [], transitions: 0, pairs: [], first: 0, last: 0, firstChars: [], lastChars: [])
            var allZeroWidth = true
            var firstBranch = true
            while true {
                let branch = sequence()
                result.digitRun = firstBranch ? branch.digitRun : min(result.digitRun, branch.digitRun)
                firstBranch = false
                if let chars = branch.chars, result.chars != nil { result.chars?.formUnion(chars) } else { result.chars = nil }
                if let transitions = branch.transitions, result.transitions != nil { result.transitions? |= transitions } else { result.transitions = nil }
                if let pairs = branch.pairs, result.pairs != nil { result.pairs?.append(contentsOf: pairs) } else { result.pairs = nil }
                if let chars = branch.firstChars, result.firstChars != nil { result.firstChars?.formUnion(chars) } else { result.firstChars = nil }
                if let chars = branch.lastChars, result.lastChars != nil { result.lastChars?.formUnion(chars) } else { result.lastChars = nil }
                result.first |= branch.first
                result.last |= branch.last
                allZeroWidth = allZeroWidth && branch.zeroWidth
                if !atEnd, current == 0x7C /* | */ { index += 1; continue }
                break
            }
            result.zeroWidth = allZeroWidth
            return result
        }

        /// The best requirement among the sequence's mandatory atoms and the transitions
        /// between neighbouring ones.
        mutating func sequence() -> Atom {
            var bestChars: UnitSet?
            var bestTransitions: UInt16?
            // Pairs one of which every match holds (several from an alternation).
            var bestPairs: [UnitPair]?
            var first: UInt8?
            var last = CharacterTransitions.anyClass
            var firstChars: UnitSet??  // set once: the first consumed atom's, nil when unknown
            var lastChars: UnitSet?
            var previousLast: UInt8?  // last class of the previous consumed atom, if certain
            var previousLastChars: UnitSet?
            // Characters of optional one-character atoms since the previous mandatory atom:
            // they may stand between its last character and the next atom's first.
            var gapChars = UnitSet()
            var behindLastChars: UnitSet?  // a look-behind's last characters, just before the next atom
            // When the previous mandatory atom was one character right after the one before it:
            // that one's last characters and its own, for a pair across it (`\d[ ]\d`).
            var acrossFirst: UnitSet?
            var acrossGap: UnitSet?
            var consumedAny = false
            // Digits the atoms just read consume side by side, and the longest such run (or
            // inner run of a mandatory atom) every match holds.
            var digitRun = 0
            var bestDigitRun = 0
            func size(_ pairs: [UnitPair]) -> Int { pairs.reduce(0) { $0 + $1.size } }
            func consider(pair first: UnitSet?, _ second: UnitSet?, gap: UnitSet = UnitSet(), gapRequired: Bool = false) {
                guard let first, let second else { return }
                // Most neighbours (letters in words) are common: decided before any array is made.
                let pair = UnitPair(first: first, second: second, gap: gap, gapRequired: gapRequired)
                guard pair.isUseful else { return }
                if bestPairs.map({ pair.size < size($0) }) ?? true { bestPairs = [pair] }
            }
            func consider(pairs: [UnitPair]) {
                guard !pairs.isEmpty, pairs.allSatisfy(\.isUseful) else { return }
                if bestPairs.map({ size(pairs) < size($0) }) ?? true { bestPairs = pairs }
            }
            func consider(_ chars: UnitSet?) {
                if let chars, bestChars.map({ score(chars) < score($0) }) ?? true { bestChars = chars }
            }
            func consider(transitions: UInt16?) {
                guard let transitions, CharacterTransitions.useful(transitions) else { return }
                if bestTransitions.map({ transitions.nonzeroBitCount < $0.nonzeroBitCount }) ?? true { bestTransitions = transitions }
            }
            while !atEnd, current != 0x7C, current != 0x29 /* ) */ {
                guard let atom = atom() else {
                    skipToBranchEnd()
                    return Atom(chars: bestChars, transitions: bestTransitions, pairs: bestPairs, digitRun: bestDigitRun)
                }
                let minimum = quantifierMinimum()
                let mandatory = minimum > 0
                if mandatory { bestDigitRun = max(bestDigitRun, atom.digitRun) }
                // A zero-width atom leaves the digits around it side by side; a digit, however
                // often, adds its minimum; anything else may put a non-digit between.
                if !atom.zeroWidth {
                    if atom.isOneCharacter && isDigits(atom.firstChars) {
                        digitRun += minimum
                        bestDigitRun = max(bestDigitRun, digitRun)
                    } else {
                        digitRun = 0
                    }
                }
                if atom.zeroWidth {
                    if mandatory {
                        consider(atom.chars)
                        consider(transitions: atom.transitions)
                        if let pairs = atom.pairs { consider(pairs: pairs) }
                        // Look-around text touches the position: it pairs with its neighbours.
                        if atom.look == .ahead { consider(pair: previousLastChars, atom.firstChars) }
                        if atom.look == .behind { behindLastChars = atom.lastChars }
                    }
                    continue
                }
                if mandatory, let behind = behindLastChars { consider(pair: behind, atom.firstChars) }
                behindLastChars = nil
                if mandatory {
                    consider(atom.chars)
                    consider(transitions: atom.transitions)
                    if let pairs = atom.pairs { consider(pairs: pairs) }
                    if let previousLast { consider(transitions: CharacterTransitions.mask(from: previousLast, to: atom.first)) }
                    consider(pair: previousLastChars, atom.firstChars, gap: gapChars)
                    if minimum >= 2 { consider(pair: atom.lastChars, atom.firstChars) }
                    // The atom before the previous one, at least one of the previous one's
                    // characters, then this atom: a pair across a required gap.
                    if gapChars.isEmpty, let across = acrossFirst, let middle = acrossGap {
                        consider(pair: across, atom.firstChars, gap: middle, gapRequired: true)
                    }
                    if gapChars.isEmpty, atom.isOneCharacter, let middle = atom.firstChars, let before = previousLastChars {
                        acrossFirst = before
                        acrossGap = middle
                    } else {
                        acrossFirst = nil
                        acrossGap = nil
                    }
                    if first == nil { first = consumedAny ? CharacterTransitions.anyClass : atom.first }
                    if firstChars == nil { firstChars = .some(consumedAny ? nil : atom.firstChars) }
                    previousLast = atom.last
                    previousLastChars = atom.lastChars
                    gapChars = UnitSet()
                    last = atom.last
                    lastChars = atom.lastChars
                } else {
                    if first == nil { first = CharacterTransitions.anyClass }
                    if firstChars == nil { firstChars = .some(nil) }
                    previousLast = nil
                    acrossFirst = nil
                    acrossGap = nil
                    if atom.isOneCharacter, let chars = atom.firstChars, previousLastChars != nil {
                        gapChars.formUnion(chars)
                    } else {
                        previousLastChars = nil
                        gapChars = UnitSet()
                    }
                    last = CharacterTransitions.anyClass
                    // The match ends with this optional atom's last character or, without it,
                    // with what ended it before.
                    if var known = lastChars, let optional = atom.lastChars {
                        known.formUnion(optional)
                        lastChars = known
                    } else {
                        lastChars = nil
                    }
                }
                consumedAny = true
            }
            return Atom(chars: bestChars, transitions: bestTransitions, pairs: bestPairs,
                        first: first ?? CharacterTransitions.anyClass, last: last,
                        firstChars: firstChars ?? nil, lastChars: lastChars, zeroWidth: !consumedAny, digitRun: bestDigitRun)
        }

        /// Gives up on this branch: skip to its end, keeping nesting balanced.
        mutating func skipToBranchEnd() {
            var depth = 0
            while !atEnd {
                let u = current
                if u == 0x5C { index += 2; continue }
                if u == 0x5B { skipClass(); continue }
                if u == 0x28 { depth += 1 } else if u == 0x29 { if depth == 0 { break }; depth -= 1 } else if u == 0x7C, depth == 0 { break }
                index += 1
            }
            index = min(index, units.count)
        }

        /// Parses one atom; nil when the pattern is beyond this analysis.
        mutating func atom() -> Atom? {
            let u = current
            switch u {
            case 0x5C: return escape()
            case 0x5B: return charClass()
            case 0x28: return group()
            case 0x2E: index += 1; return .unknown
            case 0x5E, 0x24: index += 1; return .empty
            case 0x2A, 0x2B, 0x3F, 0x7B: return nil  // a quantifier with nothing before it
            default:
                index += 1
                if UTF16.isLeadSurrogate(u) { index += 1; return .unknown }
                return literal(u)
            }
        }

        func literal(_ u: UInt16) -> Atom {
            let cls = CharacterTransitions.classOf(u)
            guard caseInsensitive else { return Atom(chars: [u], first: cls, last: cls, firstChars: [u], lastChars: [u], isOneCharacter: true) }
            let letter = CharacterTransitions.lower | CharacterTransitions.upper
            // ICU also folds k to K (Kelvin sign) and s to ſ: no character sets for letters.
            if u >= 0x41 && u <= 0x5A { return Atom(chars: [u, u + 0x20], first: letter, last: letter) }
            if u >= 0x61 && u <= 0x7A { return Atom(chars: [u, u - 0x20], first: letter, last: letter) }
            if u >= 0x80 {
                // Non-ASCII letters fold to other letters: no claim. Other symbols stand for themselves.
                guard let scalar = Unicode.Scalar(u), !scalar.properties.changesWhenCaseMapped, !scalar.properties.changesWhenCaseFolded else { return .unknown }
            }
            return Atom(chars: [u], first: cls, last: cls, firstChars: [u], lastChars: [u], isOneCharacter: true)
        }

        mutating func escape() -> Atom? {
            index += 1
            guard !atEnd else { return nil }
            let u = current
            index += 1
            switch u {
            case 0x62, 0x42, 0x41, 0x7A, 0x5A, 0x47: return .empty  // \b \B \A \z \Z \G
            case 0x51:  // \Q…\E: the first unit is required
                let start = index
                while index + 1 < units.count, !(units[index] == 0x5C && units[index + 1] == 0x45) { index += 1 }
                let first = start < units.count ? units[start] : nil
                index = min(index + 2, units.count)
                return first.map(literal) ?? .empty
            case 0x75:  // \uhhhh
                return hex(count: 4).map(literal)
            case 0x78:  // \xhh or \x{h…}
                if !atEnd, current == 0x7B {
                    index += 1
                    var value: UInt32 = 0
                    while !atEnd, current != 0x7D, let digit = hexDigit(current) { value = value * 16 + digit; index += 1 }
                    guard !atEnd, current == 0x7D else { return nil }
                    index += 1
                    return value <= 0xFFFF && !(0xD800...0xDFFF).contains(value) ? literal(UInt16(value)) : .unknown
                }
                return hex(count: 2).map(literal)
            case 0x74: return literal(0x09)
            case 0x6E: return literal(0x0A)
            case 0x72: return literal(0x0D)
            case 0x70, 0x50, 0x4E:  // \p{…} \P{…} \N{…}
                var name = ""
                if !atEnd, current == 0x7B {
                    index += 1
                    while !atEnd, current != 0x7D { name.unicodeScalars.append(Unicode.Scalar(current) ?? " "); index += 1 }
                    index += 1
                } else if !atEnd {
                    name = String(Unicode.Scalar(current).map(Character.init) ?? " ")
                    index += 1
                }
                guard u == 0x70, !caseInsensitive else { return .unknown }
                let cls = CharacterTransitions.classOf(property: name)
                let units = propertyUnits("\\p{" + name + "}")
                return Atom(first: cls, last: cls, firstChars: units, lastChars: units, isOneCharacter: true)
            case 0x64:  // \d
                let units = propertyUnits("\\p{Nd}")
                return Atom(first: CharacterTransitions.digit, last: CharacterTransitions.digit, firstChars: units, lastChars: units,
                            isOneCharacter: true)
            case 0x31...0x39: return .unknown  // back-reference
            case 0x30...0x30: return nil
            default:
                if (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) { return .unknown }  // \w \s \h \v \R \X …
                return literal(u)
            }
        }

        mutating func hex(count: Int) -> UInt16? {
            var value: UInt32 = 0
            for _ in 0..<count {
                guard !atEnd, let digit = hexDigit(current) else { return nil }
                value = value * 16 + digit
                index += 1
            }
            return UInt16(value)
        }

        func hexDigit(_ u: UInt16) -> UInt32? {
            switch u {
            case 0x30...0x39: UInt32(u - 0x30)
            case 0x41...0x46: UInt32(u - 0x41 + 10)
            case 0x61...0x66: UInt32(u - 0x61 + 10)
            default: nil
            }
        }

        /// `[…]` with only literal characters and small ranges; nil for anything else
        /// (negation, properties, nested sets, set operations).
        mutating func charClass() -> Atom {
            let start = index
            index += 1
            var set = UnitSet()
            // Characters of `\p{…}` and `\d` members (BMP only: see `propertyUnits`).
            var propertySet = UnitSet()
            var propertyClasses: UInt8 = 0
            var simple = true
            if !atEnd, current == 0x5E { simple = false; index += 1 }
            var first = true
            var previous: UInt16?
            while !atEnd, current != 0x5D || first {
                first = false
                var u = current
                if u == 0x5B { simple = false; skipClass(); previous = nil; continue }
                if u == 0x5C {
                    index += 1
                    guard !atEnd else { break }
                    let e = current
                    switch e {
                    case 0x75:
                        index += 1
                        guard let value = hex(count: 4) else { simple = false; continue }
                        u = value
                        index -= 1
                    case 0x74: u = 0x09
                    case 0x6E: u = 0x0A
                    case 0x72: u = 0x0D
                    case 0x70, 0x64:  // \p{…}, \pX or \d: the property's characters
                        index += 1
                        var name = "Nd"
                        if e == 0x70 {
                            name = ""
                            if !atEnd, current == 0x7B {
                                index += 1
                                while !atEnd, current != 0x7D { name.unicodeScalars.append(Unicode.Scalar(current) ?? " "); index += 1 }
                            } else if !atEnd {
                                name.unicodeScalars.append(Unicode.Scalar(current) ?? " ")
                            }
                            if !atEnd { index += 1 }
                        }
                        if let units = propertyUnits("\\p{" + name + "}") { propertySet.formUnion(units) } else { simple = false }
                        propertyClasses |= CharacterTransitions.classOf(property: name)
                        previous = nil
                        continue
                    default:
                        if (e >= 0x41 && e <= 0x5A) || (e >= 0x61 && e <= 0x7A) || (e >= 0x30 && e <= 0x39) { simple = false }
                        u = e
                    }
                } else if u == 0x2D, let low = previous, index + 1 < units.count, units[index + 1] != 0x5D {
                    // A range low-high.
                    index += 1
                    var high = current
                    if high == 0x5C, index + 1 < units.count { index += 1; high = current }
                    if high < low || Int(high) - Int(low) > 64 { simple = false } else { for v in low...high { set.insert(v) } }
                    index += 1
                    previous = nil
                    continue
                } else if u == 0x26 || u == 0x2D, index + 1 < units.count, units[index + 1] == u {
                    simple = false  // && or -- set operations
                }
                if UTF16.isSurrogate(u) { simple = false }
                set.insert(u)
                previous = u
                index += 1
            }
            if !atEnd { index += 1 }  // the closing ]
            _ = start
            guard simple else { return .unknown }
            if !propertySet.isEmpty {
                // Some members are properties with characters beyond the BMP: no claim that one
                // of these units occurs, but a pair filter can use them as they are.
                guard !caseInsensitive else { return .unknown }
                let classes = set.reduce(propertyClasses) { $0 | CharacterTransitions.classOf($1) }
                set.formUnion(propertySet)
                return Atom(first: classes, last: classes, firstChars: set, lastChars: set, isOneCharacter: true)
            }
            if caseInsensitive {
                for u in set where (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) { set.insert(u ^ 0x20) }
                if set.contains(where: { $0 >= 0x80 }) { return .unknown }
            }
            let classes = set.reduce(UInt8(0)) { $0 | CharacterTransitions.classOf($1) }
            let knownChars = caseInsensitive && set.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) ? nil : set
            return Atom(chars: set, first: classes, last: classes, firstChars: knownChars, lastChars: knownChars, isOneCharacter: true)
        }

        /// Skips a (possibly nested) character class.
        mutating func skipClass() {
            var depth = 0
            var first = true
            while !atEnd {
                let u = current
                if u == 0x5C { index += 2; first = false; continue }
                if u == 0x5B { depth += 1 } else if u == 0x5D, !first { depth -= 1; if depth == 0 { index += 1; return } }
                if u != 0x5B && u != 0x5E { first = false }
                index += 1
            }
        }

        mutating func group() -> Atom? {
            index += 1
            var kind = "capture"
            if !atEnd, current == 0x3F /* ? */ {
                index += 1
                guard !atEnd else { return nil }
                switch current {
                case 0x3A: kind = "plain"; index += 1
                case 0x3D: kind = "ahead"; index += 1
                case 0x21: kind = "not"; index += 1
                case 0x3E: kind = "plain"; index += 1  // atomic
                case 0x23:  // comment
                    while !atEnd, current != 0x29 { index += 1 }
                    index += 1
                    return .empty
                case 0x3C:
                    index += 1
                    guard !atEnd else { return nil }
                    if current == 0x3D { kind = "behind"; index += 1 } else if current == 0x21 { kind = "not"; index += 1 } else {
                        while !atEnd, current != 0x3E { index += 1 }  // named group
                        index += 1
                    }
                default:
                    // Flags: (?i) (?x-i) or (?i:…)
                    while !atEnd, current != 0x29, current != 0x3A { index += 1 }
                    guard !atEnd else { return nil }
                    if current == 0x29 { index += 1; return .empty }
                    index += 1
                    kind = "plain"
                }
            }
            var inner = alternation()
            guard !atEnd, current == 0x29 else { return nil }
            index += 1
            if kind == "not" { return .empty }
            if kind == "ahead" || kind == "behind" {
                // Consumes nothing, but its text is in the segment.
                inner.zeroWidth = true
                inner.look = kind == "ahead" ? .ahead : .behind
                inner.first = CharacterTransitions.anyClass
                inner.last = CharacterTransitions.anyClass
            }
            return inner
        }

        /// Reads a quantifier after an atom; how many times the atom must occur at least
        /// (capped at 1,000).
        mutating func quantifierMinimum() -> Int {
            guard !atEnd else { return 1 }
            var minimum = 1
            switch current {
            case 0x2A, 0x3F: minimum = 0; index += 1
            case 0x2B: index += 1
            case 0x7B:
                var j = index + 1
                var count = 0
                var digits = 0
                while j < units.count, units[j] >= 0x30, units[j] <= 0x39 { count = min(count * 10 + Int(units[j] - 0x30), 1000); j += 1; digits += 1 }
                guard digits > 0 else { return 1 }  // a literal {
                while j < units.count, units[j] != 0x7D { j += 1 }
                index = min(j + 1, units.count)
                minimum = count
            default: return 1
            }
            if !atEnd, current == 0x3F || current == 0x2B { index += 1 }  // lazy or possessive
            return minimum
        }

    }
}

/// Reads an ICU regular expression and finds a small set of UTF-16 code units such that every
/// match needs at least one of them somewhere in its segment (look-arounds included). The
/// linter skips segments without any of them, so a rule that rarely fires costs almost nothing.
///
/// The analysis is conservative: anything it does not understand makes the answer nil ("no
/// filter"), which is always correct. A set that would not filter much (one holding letters,
/// spaces or line breaks) is not worth a filter either.
public enum RequiredCharacters {
    public static func of(pattern: String, caseInsensitive: Bool) -> Set<UInt16>? {
        var analyzer = Analyzer(units: Array(pattern.utf16), caseInsensitive: caseInsensitive || pattern.contains("(?i"))
        guard let result = analyzer.alternation(), analyzer.index == analyzer.units.count else { return nil }
        return useful(result) ? result : nil
    }

    /// A set filters well when it holds only characters that many lines lack.
    static func useful(_ set: Set<UInt16>) -> Bool {
        !set.isEmpty && set.count <= 48 && set.allSatisfy { unit in
            !(unit >= 0x41 && unit <= 0x5A) && !(unit >= 0x61 && unit <= 0x7A)
                && ![0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x2E, 0x27, 0x2D].contains(unit)
        }
    }

    /// Rough cost of a candidate set: how often its characters occur in English text.
    static func score(_ set: Set<UInt16>) -> Int {
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
        var index = 0

        init(units: [UInt16], caseInsensitive: Bool) {
            self.units = units
            self.caseInsensitive = caseInsensitive
        }

        var atEnd: Bool { index >= units.count }
        var current: UInt16 { units[index] }

        /// Branches separated by `|` up to a `)` or the end: the union of the branches' sets,
        /// or nil when some branch has none.
        mutating func alternation() -> Set<UInt16>? {
            var union = Set<UInt16>()
            var everyBranchHasOne = true
            while true {
                let branch = sequence()
                if let branch { union.formUnion(branch) } else { everyBranchHasOne = false }
                if !atEnd, current == 0x7C /* | */ { index += 1; continue }
                break
            }
            return everyBranchHasOne ? union : nil
        }

        /// The best set among the sequence's mandatory atoms.
        mutating func sequence() -> Set<UInt16>? {
            var best: Set<UInt16>?
            while !atEnd, current != 0x7C, current != 0x29 /* ) */ {
                guard let atom = atom() else { return skipToBranchEnd() }
                let mandatory = quantifierKeepsAtom()
                if mandatory, case .set(let set) = atom, useful(set) || best == nil {
                    if best.map({ score(set) < score($0) }) ?? true { best = set }
                }
            }
            return best
        }

        /// Gives up on this branch: skip to its end, keeping nesting balanced.
        mutating func skipToBranchEnd() -> Set<UInt16>? {
            var depth = 0
            while !atEnd {
                let u = current
                if u == 0x5C { index += 2; continue }
                if u == 0x5B { skipClass(); continue }
                if u == 0x28 { depth += 1 } else if u == 0x29 { if depth == 0 { break }; depth -= 1 } else if u == 0x7C, depth == 0 { break }
                index += 1
            }
            index = min(index, units.count)
            return nil
        }

        enum Atom {
            /// Every match of the atom contains one of these units.
            case set(Set<UInt16>)
            /// Matches something, but no small set describes it.
            case any
            /// Matches no text (anchors, negative look-arounds, comments, flags).
            case empty
        }

        /// Parses one atom; nil when the pattern is beyond this analysis.
        mutating func atom() -> Atom? {
            let u = current
            switch u {
            case 0x5C: return escape()
            case 0x5B:
                let set = charClass()
                return set.map { .set($0) } ?? .any
            case 0x28: return group()
            case 0x2E: index += 1; return .any
            case 0x5E, 0x24: index += 1; return .empty
            case 0x2A, 0x2B, 0x3F, 0x7B: return nil  // a quantifier with nothing before it
            default:
                index += 1
                if UTF16.isLeadSurrogate(u) { index += 1; return .any }
                return literal(u)
            }
        }

        func literal(_ u: UInt16) -> Atom {
            guard caseInsensitive else { return .set([u]) }
            if u >= 0x41 && u <= 0x5A { return .set([u, u + 0x20]) }
            if u >= 0x61 && u <= 0x7A { return .set([u, u - 0x20]) }
            if u >= 0x80 {
                // Non-ASCII letters fold to other letters: no claim. Other symbols stand for themselves.
                guard let scalar = Unicode.Scalar(u), !scalar.properties.changesWhenCaseMapped, !scalar.properties.changesWhenCaseFolded else { return .any }
            }
            // ICU also folds k to K (Kelvin) and s to ſ: letters are never a useful filter anyway.
            return .set([u])
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
                return hex(count: 4).map(literal) ?? nil
            case 0x78:  // \xhh or \x{h…}
                if !atEnd, current == 0x7B {
                    index += 1
                    var value: UInt32 = 0
                    while !atEnd, current != 0x7D, let digit = hexDigit(current) { value = value * 16 + digit; index += 1 }
                    guard !atEnd, current == 0x7D else { return nil }
                    index += 1
                    return value <= 0xFFFF && !(0xD800...0xDFFF).contains(value) ? literal(UInt16(value)) : .any
                }
                return hex(count: 2).map(literal) ?? nil
            case 0x74: return .set([0x09])
            case 0x6E: return .set([0x0A])
            case 0x72: return .set([0x0D])
            case 0x70, 0x50, 0x4E:  // \p{…} \P{…} \N{…}
                if !atEnd, current == 0x7B {
                    while !atEnd, current != 0x7D { index += 1 }
                    index += 1
                } else {
                    index += 1
                }
                return .any
            case 0x31...0x39: return .any  // back-reference
            case 0x30...0x30: return nil
            default:
                if (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) { return .any }  // \d \w \s \h \v \R \X …
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
        mutating func charClass() -> Set<UInt16>? {
            let start = index
            index += 1
            var set = Set<UInt16>()
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
            guard simple else { return nil }
            if caseInsensitive {
                for u in set where (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) { set.insert(u ^ 0x20) }
                if set.contains(where: { $0 >= 0x80 }) { return nil }
            }
            return set
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
            let inner = alternation()
            guard !atEnd, current == 0x29 else { return nil }
            index += 1
            if kind == "not" { return .empty }
            return inner.map { .set($0) } ?? .any
        }

        /// Reads a quantifier after an atom; true when the atom must still occur at least once.
        mutating func quantifierKeepsAtom() -> Bool {
            guard !atEnd else { return true }
            var mandatory = true
            switch current {
            case 0x2A, 0x3F: mandatory = false; index += 1
            case 0x2B: index += 1
            case 0x7B:
                var j = index + 1
                var minimum = 0
                var digits = 0
                while j < units.count, units[j] >= 0x30, units[j] <= 0x39 { minimum = minimum * 10 + Int(units[j] - 0x30); j += 1; digits += 1 }
                guard digits > 0 else { return true }  // a literal {
                while j < units.count, units[j] != 0x7D { j += 1 }
                index = min(j + 1, units.count)
                mandatory = minimum > 0
            default: return true
            }
            if !atEnd, current == 0x3F || current == 0x2B { index += 1 }  // lazy or possessive
            return mandatory
        }
    }
}

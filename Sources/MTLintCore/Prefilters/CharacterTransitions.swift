/// Transitions between character classes (lower-case letter, upper-case letter, digit, other)
/// at neighbouring positions of a line: a 16-bit mask, bit `from * 4 + to`. A pattern such as
/// `\p{Ll}\p{Lu}` (a word glued to a capitalised one) needs a lower-to-upper transition, which
/// few lines have; lines without it are skipped.
public enum CharacterTransitions {
    public static let lower: UInt8 = 1
    public static let upper: UInt8 = 2
    public static let digit: UInt8 = 4
    public static let other: UInt8 = 8
    public static let anyClass: UInt8 = 15

    /// Transitions every line of prose has: letters inside words, digits inside numbers, and
    /// anything next to a space or punctuation.
    static let common: UInt16 = {
        var mask: UInt16 = 0
        for (from, to) in [(0, 0), (1, 0), (2, 2)] { mask |= 1 << (from * 4 + to) }
        for k in 0..<4 { mask |= 1 << (k * 4 + 3); mask |= 1 << (3 * 4 + k) }
        return mask
    }()

    static func useful(_ mask: UInt16) -> Bool { mask != 0 && mask & common == 0 }

    /// Every transition from a class in `from` to a class in `to`.
    static func mask(from: UInt8, to: UInt8) -> UInt16 {
        var mask: UInt16 = 0
        for a in 0..<4 where from & (1 << a) != 0 {
            for b in 0..<4 where to & (1 << b) != 0 { mask |= 1 << (a * 4 + b) }
        }
        return mask
    }

    /// The class of a BMP code unit (surrogates: every class, to stay conservative).
    static func classOf(_ u: UInt16) -> UInt8 {
        if u < 0x80 { return asciiClasses[Int(u)] }
        if UTF16.isSurrogate(u) { return anyClass }
        guard let scalar = Unicode.Scalar(u) else { return other }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter: return lower
        case .uppercaseLetter, .titlecaseLetter: return upper
        case .decimalNumber: return digit
        default: return other
        }
    }

    /// `index(of: classOf(u))` for the first 256 units, computed once.
    static let latin1Indices: [UInt16] = (0..<256).map { UInt16(index(of: classOf(UInt16($0)))) }

    static let asciiClasses: [UInt8] = (0..<128).map { u in
        switch u {
        case 0x61...0x7A: lower
        case 0x41...0x5A: upper
        case 0x30...0x39: digit
        default: other
        }
    }

    /// The classes a `\p{…}` property can match.
    static func classOf(property name: String) -> UInt8 {
        switch name.replacing(" ", with: "").replacing("_", with: "").lowercased() {
        case "ll", "lowercaseletter", "gc=ll", "generalcategory=ll": lower
        case "lu", "uppercaseletter", "lt", "titlecaseletter": upper
        case "nd", "decimalnumber": digit
        default: anyClass
        }
    }

    /// Index of a class bit (0…3).
    @inline(__always)
    static func index(of cls: UInt8) -> UInt16 {
        switch cls {
        case lower: 0
        case upper: 1
        case digit: 2
        default: 3
        }
    }

    /// The transitions present on each line of `document` and, with `digitRuns`, each line's
    /// longest run of units that may be decimal digits (see `RequiredCharacters.Requirement.digitRun`;
    /// capped at 255), in one pass. Every unit from U+0100 on counts as a digit, save General
    /// Punctuation (the spaces numbers are grouped with), and a line with text beyond the BMP
    /// gets 255: prose writes its numbers in ASCII, and the count must never fall short of what
    /// ICU's `\d` sees.
    static func lineMasks(of document: Document, digitRuns: Bool) -> (transitions: [UInt16], digitRuns: [UInt8]) {
        let units = document.text.units
        var masks = [UInt16](repeating: 0, count: document.lines.count)
        var runs = [UInt8](repeating: 0, count: digitRuns ? document.lines.count : 0)
        latin1Indices.withUnsafeBufferPointer { latin1 in
            for (lineIndex, line) in document.lines.enumerated() {
                var mask: UInt16 = 0
                var previous: UInt16 = 3
                var astral = false
                var run = 0, longest = 0
                for i in line.content {
                    let u = units[i]
                    if digitRuns {
                        // Latin-1 and General Punctuation (no-break and thin spaces) hold no digits.
                        let mayBeDigit = u &- 0x30 < 10 || (u >= 0x100 && !(u >= 0x2000 && u < 0x2070))
                        run = mayBeDigit ? run + 1 : 0
                        longest = max(longest, run)
                    }
                    let current: UInt16
                    if u < 0x100 {
                        current = latin1[Int(u)]
                    } else if u >= 0x2000 && u < 0x2070 {
                        current = 3  // General Punctuation (quotes, dashes, spaces): no letters or digits
                    } else {
                        let cls = classOf(u)
                        if cls == anyClass { astral = true; break }
                        current = index(of: cls)
                    }
                    mask |= 1 << (previous &* 4 &+ current)
                    previous = current
                }
                masks[lineIndex] = astral ? 0xFFFF : mask  // astral text: assume anything
                if digitRuns { runs[lineIndex] = astral ? UInt8.max : UInt8(min(longest, Int(UInt8.max))) }
            }
        }
        return (masks, runs)
    }
}

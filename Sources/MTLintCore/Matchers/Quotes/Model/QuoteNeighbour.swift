import ICUText

/// What stands next to a quotation mark, in the classes the model prices roles by (as
/// CommonMark decides whether a delimiter can open or close from its flanking characters).
enum QuoteNeighbour: UInt8, Sendable {
    /// The edge of the paragraph.
    case edge
    /// White space (also no-break and thin spaces).
    case space
    /// A letter or digit.
    case word
    /// ( [ {
    case openBracket
    /// ) ] }
    case closeBracket
    /// . ! ? …
    case terminal
    /// , ; :
    case comma
    /// - – —
    case dash
    /// Another quotation mark.
    case mark
    /// / and \
    case slash
    /// Anything else: symbols (% $ € * #), other punctuation.
    case other

    /// Inlined for ASCII (most neighbours); the rest is looked up out of line.
    @inline(__always)
    static func of(_ c: UInt32?) -> QuoteNeighbour {
        guard let c else { return .edge }
        if c < 0x80 {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D: return .space
            case 0x28, 0x5B, 0x7B: return .openBracket
            case 0x29, 0x5D, 0x7D: return .closeBracket
            case 0x2E, 0x21, 0x3F: return .terminal
            case 0x2C, 0x3B, 0x3A: return .comma
            case 0x2D: return .dash
            case 0x2F, 0x5C: return .slash
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            default: return .other
            }
        }
        return nonASCII(c)
    }

    @inline(never)
    static func nonASCII(_ c: UInt32) -> QuoteNeighbour {
        switch c {
        case 0xA0, 0x202F, 0x2009, 0x2007, 0x2002...0x2006, 0x2008, 0x200A, 0x3000: return .space
        case 0x2026: return .terminal
        case 0x2013, 0x2014, 0x2012, 0x2015: return .dash
        default: break
        }
        if QuoteGlyph.of(c) != nil || CharacterProperties.isQuotationMark(c) { return .mark }
        if CharacterProperties.isWhiteSpace(c) { return .space }
        if CharacterProperties.isAlphabetic(c) { return .word }
        return .other
    }

    var isSpaceOrEdge: Bool { self == .space || self == .edge }
}

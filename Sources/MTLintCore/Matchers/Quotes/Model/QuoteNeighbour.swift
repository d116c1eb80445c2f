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

    static func of(_ c: UInt32?) -> QuoteNeighbour {
        guard let c else { return .edge }
        switch c {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x202F, 0x2009, 0x2007, 0x2002...0x2006, 0x2008, 0x200A, 0x3000: return .space
        case 0x28, 0x5B, 0x7B: return .openBracket
        case 0x29, 0x5D, 0x7D: return .closeBracket
        case 0x2E, 0x21, 0x3F, 0x2026: return .terminal
        case 0x2C, 0x3B, 0x3A: return .comma
        case 0x2D, 0x2013, 0x2014, 0x2012, 0x2015: return .dash
        case 0x2F, 0x5C: return .slash
        default: break
        }
        if c < 0x80 {
            if (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) { return .word }
            return .other
        }
        if QuoteGlyph.of(c) != nil || CharacterProperties.isQuotationMark(c) { return .mark }
        if CharacterProperties.isWhiteSpace(c) { return .space }
        if CharacterProperties.isAlphabetic(c) { return .word }
        return .other
    }

    var isSpaceOrEdge: Bool { self == .space || self == .edge }
}

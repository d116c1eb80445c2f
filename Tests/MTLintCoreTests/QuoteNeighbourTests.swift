import Testing
@testable import MTLintCore

/// The classes the quote model prices marks by: the inlined ASCII path and the looked-up rest
/// agree with the definitions (CommonMark-style flanking classes).
@Suite struct QuoteNeighbourTests {
    @Test func asciiClasses() {
        for c in UInt32(0)..<0x80 {
            let expected: QuoteNeighbour
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D: expected = .space
            case 0x28, 0x5B, 0x7B: expected = .openBracket
            case 0x29, 0x5D, 0x7D: expected = .closeBracket
            case 0x2E, 0x21, 0x3F: expected = .terminal
            case 0x2C, 0x3B, 0x3A: expected = .comma
            case 0x2D: expected = .dash
            case 0x2F, 0x5C: expected = .slash
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: expected = .word
            default: expected = .other  // straight marks too: the reading prices them by glyph
            }
            #expect(QuoteNeighbour.of(c) == expected, "U+\(String(c, radix: 16))")
        }
        #expect(QuoteNeighbour.of(nil) == .edge)
    }

    @Test func otherScripts() {
        #expect(QuoteNeighbour.of(0xA0) == .space)
        #expect(QuoteNeighbour.of(0x3000) == .space)
        #expect(QuoteNeighbour.of(0x2026) == .terminal)
        #expect(QuoteNeighbour.of(0x2014) == .dash)
        #expect(QuoteNeighbour.of(0x201C) == .mark)
        #expect(QuoteNeighbour.of(0xBB) == .mark)
        #expect(QuoteNeighbour.of(0x300C) == .mark)  // 「 is a quotation mark to ICU
        #expect(QuoteNeighbour.of(0xE9) == .word)
        #expect(QuoteNeighbour.of(0x5317) == .word)  // 北
        #expect(QuoteNeighbour.of(0x20AC) == .other)  // €
        #expect(QuoteNeighbour.of(0x1F44D) == .other)  // 👍
    }
}

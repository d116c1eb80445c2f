import PropertyBased
import Testing
@testable import MTLintCore

/// Slot lines read byte by byte give what reading them Character by Character gives.
@Suite struct ASCIISlotLineTests {
    static let pieces = ["a", "Word", "MP", "=", " = ", " ", "  ", "\t", "-", "--", "x-y", "\u{0B}", "\r", "é", "e\u{301}", "=\u{301}",
                         "’", "🙂", "de la", "deputy", "deputies = MPs"]

    @Test func partsAndWordsAgreeWithCharacterSplits() async {
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...12)) { parts in
            let line = parts.compactMap { $0 }.joined()
            let byCharacter = line.split(separator: "=", maxSplits: 1).map(\.trimmedWhitespace)
            if let ascii = ASCIISlotLine.parts(of: line) {
                #expect(ascii == byCharacter, "\(line.debugDescription)")
            } else {
                #expect(line.unicodeScalars.contains { !$0.isASCII })
            }
            if let (words, tokens) = ASCIISlotLine.words(of: line) {
                #expect(words == line.split(separator: " ").map(String.init), "\(line.debugDescription)")
                #expect(tokens == line.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init), "\(line.debugDescription)")
                #expect(line.utf8.count == line.count || line.contains("\r\n"))
            }
        }
    }

    /// A suggestion's placeholders read byte by byte in ASCII text are those read Character by Character.
    @Test func placeholdersByByteAreThoseByCharacter() async {
        #expect(SlotPhraseMatcherKind.placeholders(in: "the {title} of {country}") == ["title", "country"])
        #expect(SlotPhraseMatcherKind.placeholders(in: "{a}}{b") == ["a"])
        // A brace followed by a combining mark is another Character, not a placeholder's.
        #expect(SlotPhraseMatcherKind.placeholders(in: "{\u{301}x} {é}") == ["é"])
        let pieces = ["{", "}", "a", "name", " ", "{}", "é", "{\u{301}", "x"]
        await propertyCheck(count: 1000, input: Gen<String?>.element(of: pieces).array(of: 0...10)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(SlotPhraseMatcherKind.placeholders(in: text) == SlotPhraseMatcherKind.characterPlaceholders(in: text),
                    "\(text.debugDescription)")
        }
    }

    @Test func nonASCIILinesAreLeftToCharacterSplits() {
        #expect(ASCIISlotLine.parts(of: "député = MP") == nil)
        #expect(ASCIISlotLine.words(of: "député") == nil)
        #expect(ASCIISlotLine.parts(of: " deputies = MPs ") == ["deputies", "MPs"])
        #expect(ASCIISlotLine.parts(of: "=MP") == ["MP"])
        #expect(ASCIISlotLine.parts(of: " = ") == ["", ""])
    }
}

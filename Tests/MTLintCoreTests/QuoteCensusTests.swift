import PropertyBased
import Testing
@testable import MTLintCore

/// The quotation-mark counts read from a file's bytes (before it is linted in parts) equal those
/// read from its document, and what they count.
@Suite struct QuoteCensusTests {
    static let pieces = ["“", "”", "\"", "„", "«", "»", " ", "\n", "5", "word", "É", "北", "👍🏽", "(", "–", "‘", "e\u{301}", "\u{00A0}"]

    @Test func bytesAndDocumentAgree() async {
        await propertyCheck(count: 1000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...30)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer(QuoteCensus.init(utf8:))
            #expect(fromBytes == QuoteCensus(Document(text)), "\(text.debugDescription)")
        }
    }

    @Test func countsWhatTheModelDecidesBy() {
        let census = QuoteCensus(Document("He said ”yes” and a 12\" record, “no” and \"maybe\" (”Swedish” too)."))
        #expect(census.curlyOpen == 1)
        #expect(census.curlyDouble == 6)
        #expect(census.straightDouble == 2)
        #expect(census.swedishOpeners == 2)
    }
}

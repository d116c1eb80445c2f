import PropertyBased
import Testing
@testable import MTLintCore

/// For arbitrary Unicode text, every position maps consistently between UTF-16 offsets,
/// UTF-8 byte offsets and line/column.
@Suite struct PositionPropertyTests {
    static let pieces = ["a", "Z", " ", "\n", "\r\n", "\r", "é", "e\u{301}", "👍🏽", "🇺🇦", "北", "”", "\u{00A0}", "\t", "𝔘"]

    @Test func positionsRoundTrip() async {
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let doc = Document(text)
            var utf16 = 0, utf8 = 0, line = 1, column = 1
            var previousWasCR = false
            for scalar in text.unicodeScalars {
                let at = doc.location(of: utf16)
                if !(previousWasCR && scalar == "\n") {
                    #expect(at == SourceLocation(line: line, column: column, byteOffset: utf8), "at UTF-16 \(utf16) of \(text.debugDescription)")
                }
                utf16 += scalar.utf16.count
                utf8 += scalar.utf8.count
                if scalar == "\n" || (scalar == "\r") {
                    if scalar == "\n" && previousWasCR { } else { line += 1 }
                    column = 1
                } else {
                    column += 1
                }
                previousWasCR = scalar == "\r"
            }
            #expect(doc.byteOffset(of: text.utf16.count) == text.utf8.count)
        }
    }
}

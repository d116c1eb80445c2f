import PropertyBased
import Testing
@testable import MTLintCore

/// A list file's lines are what splitting its Characters at "\n" and "\r\n" gives.
@Suite struct ListLinesTests {
    static let pieces = ["word", " ", "\n", "\r\n", "\r", "\r\r\n", "é", "e\u{301}", "🙂", "👍🏽", "北约", "#", "\u{FEFF}", ""]

    @Test func linesAreTheCharacterSplit() async {
        await propertyCheck(count: 1_000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            #expect(ListLines.split(text) == expected)
        }
    }

    @Test func aCarriageReturnGoesOnlyWithTheLineFeedAfterIt() {
        let text = "alpha\r\nbeta\n\ngamma 🙂\r"
        let sliced = String(("x" + text + "y").dropFirst().dropLast())
        #expect(ListLines.split(sliced) == ["alpha", "beta", "", "gamma 🙂\r"])
        #expect(ListLines.split("") == [""])
    }
}

import Testing
@testable import WordTables

/// Word tables answer as a set of words would, whether laid out now or read from a literal
/// laid out at build time, and the layout is what the build tool relies on.
@Suite struct WordTableTests {
    static let words = ["state", "State", "Goethe", "NATO", "ready", "to", "government", "the", "café", "naïve"]

    @Test func findsEveryWordCaseInsensitivelyWithItsSpellings() {
        let table = WordTable(words: Self.words)
        #expect(table.flags(of: "state") == [.common, .capitalised])
        #expect(table.flags(of: "STATE") == [.common, .capitalised])
        #expect(table.flags(of: "goethe") == .capitalised)
        #expect(table.flags(of: "Nato") == .capitalised)
        #expect(table.flags(of: "ready") == .common)
        #expect(table.flags(of: "CAFÉ") == .common)
        #expect(table.flags(of: "naïve") == .common)
    }

    @Test func missesWordsItDoesNotHold() {
        let table = WordTable(words: Self.words)
        for word in ["readyto", "governmentthe", "cafe", "naive", "stat", "states", "", "t", "théextension"] {
            #expect(table.flags(of: word) == nil, "\(word)")
        }
    }

    @Test func aLargeTableHoldsAllItsWordsAndFewStrangers() {
        // 50,000 made-up words, and 50,000 others that are not in the table.
        func word(_ n: Int, salt: String) -> String { "w\(salt)\(String(n, radix: 7))x\(n % 13)" }
        let stored = (0..<50_000).map { word($0, salt: "a") }
        let table = WordTable(words: stored)
        #expect(table.slotCount == 131_072)
        #expect(stored.allSatisfy { table.contains($0) })
        let strangers = (0..<50_000).filter { table.contains(word($0, salt: "b")) }
        #expect(strangers.count <= 1)
    }

    @Test func aStaticLiteralReadsAsTheTableItWasLaidOutFrom() {
        // The layout of ["state", "to"] as the build tool writes it, checked here as a literal.
        let layout = WordTableBuilder.layoutString(["state", "to"])
        #expect(layout.utf8.count == 64 * WordTableLayout.slotWidth)
        #expect(layout.utf8.allSatisfy { $0 >= 0x24 && $0 <= 0x63 })
        let copy = WordTable(words: ["to", "state"])
        #expect(copy.flags(of: "state") == .common && copy.flags(of: "to") == .common)
        let literal: StaticString = #"$$$$$"#
        #expect(WordTable(static: literal) == nil)  // one slot: not a power-of-two table of 64+
    }

    @Test func entriesSkipCommentsBlankLinesAndSpaces() {
        let text = "# comment\nstate\n\n  to \r\nGoethe\t\n#the\n"
        #expect(WordTableBuilder.entries(ofFile: text) == ["state", "to", "Goethe"])
    }

    @Test func theLayoutIsTheSameWhateverTheOrderOfTheWords() {
        #expect(WordTableBuilder.layout(Self.words) == WordTableBuilder.layout(Self.words.reversed()))
    }
}

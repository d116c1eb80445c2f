import Testing
@testable import MTLintCore

@Suite struct DocumentPositionTests {
    /// The UTF-16 offset of the first occurrence of `needle` in `text` (test helper).
    func offset(of needle: String, in text: String) -> Int {
        guard let range = text.firstRange(of: needle) else { return -1 }
        return text.utf16.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test func plainASCII() throws {
        let doc = Document("ab\ncd ”x")
        #expect(doc.location(of: 6) == SourceLocation(line: 2, column: 4, byteOffset: 6))
    }

    @Test func bomIsCountedInBytesNotColumns() throws {
        let doc = try Document(bytes: [0xEF, 0xBB, 0xBF] + Array("say ”hi".utf8))
        #expect(doc.bomLength == 3)
        let at = doc.location(of: 4)
        #expect(at == SourceLocation(line: 1, column: 5, byteOffset: 7))
        #expect(Array(doc.bytes[at.byteOffset..<at.byteOffset + 3]) == Array("”".utf8))
    }

    @Test func crlfAndLoneCRAndLF() throws {
        let text = "one\r\ntwo\rthree\nfour"
        let doc = Document(text)
        #expect(doc.lines.count == 4)
        #expect(doc.lines.map { doc.string($0.content) } == ["one", "two", "three", "four"])
        #expect(doc.lines.map { $0.end - $0.content.upperBound } == [2, 1, 1, 0])
        #expect(doc.location(of: offset(of: "four", in: text)) == SourceLocation(line: 4, column: 1, byteOffset: 15))
        #expect(doc.location(of: offset(of: "wo", in: text)) == SourceLocation(line: 2, column: 2, byteOffset: 6))
    }

    @Test func combiningMarksCountAsScalars() throws {
        let text = "Zoe\u{301} said ”x"
        let doc = Document(text)
        let quote = offset(of: "”", in: text)
        // Z o e ◌́ space s a i d space: 10 scalars before the quote (column 11) and
        // 3 + 2 (U+0301) + 1 + 4 + 1 = 11 bytes.
        #expect(doc.location(of: quote) == SourceLocation(line: 1, column: 11, byteOffset: 11))
    }

    @Test func astralAndCJKCharacters() throws {
        let text = "👍🏽北约 ”x"
        let doc = Document(text)
        let quote = offset(of: "”", in: text)
        #expect(quote == 7)
        // 👍 🏽 北 约 space: 5 scalars before; bytes 4 + 4 + 3 + 3 + 1 = 15.
        #expect(doc.location(of: quote) == SourceLocation(line: 1, column: 6, byteOffset: 15))
    }

    @Test func positionsPastCheckpointsOnALongLine() throws {
        let prefix = String(repeating: "é👍", count: 300)  // crosses many 128-unit checkpoints
        let text = prefix + "X"
        let doc = Document(text)
        let at = doc.location(of: text.utf16.count - 1)
        #expect(at.column == 601)
        #expect(at.byteOffset == 300 * 6)
    }

    @Test func emptyTextAndFinalNewline() throws {
        #expect(Document("").lines.count == 1)
        let doc = Document("a\n")
        #expect(doc.lines.count == 1)
        #expect(doc.lines[0].hasLineBreak)
    }

    @Test func invalidUTF8NamesTheByte() {
        #expect(throws: InputError.invalidUTF8(byteOffset: 4)) { try Document(bytes: Array("abcd".utf8) + [0xFF, 0x41]) }
        #expect(throws: InputError.invalidUTF8(byteOffset: 5)) { try Document(bytes: [0xEF, 0xBB, 0xBF, 0x61, 0x62, 0xC3]) }
        #expect(throws: InputError.invalidUTF8(byteOffset: 0)) { try Document(bytes: [0xC0, 0xAF]) }
    }

    @Test func binaryIsRefused() {
        #expect(throws: InputError.binary(byteOffset: 2)) { try Document(bytes: [0x61, 0x62, 0x00, 0x63]) }
    }

    @Test func paragraphsAreBlankLineSeparated() {
        let text = "a b\nc\n\n  \nd\r\n\r\ne"
        let doc = Document(text)
        #expect(doc.paragraphs.map { doc.string($0) } == ["a b\nc", "d", "e"])
    }

    @Test func sentencesAndWordsOnDemand() {
        let doc = Document("Mr. Smith left. Then he came back.\nNew line")
        let segmenter = Segmenter()
        #expect(doc.sentences(using: segmenter).map { doc.string($0) } == ["Mr. Smith left. ", "Then he came back.\n", "New line"])
        let words = doc.words(using: segmenter).filter { $0.kind == .letter }.map { doc.string($0.range) }
        #expect(words.prefix(3) == ["Mr", "Smith", "left"])
    }
}

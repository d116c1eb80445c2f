import Testing
@testable import MTLintCore

/// How a large file is cut into parts: parts cover the file exactly, end at the best boundary
/// available, and know where they start (line, column in scalars, byte offset).
@Suite struct DocumentPartitionTests {
    /// Line breaks, scalars and bytes counted independently of the partition code.
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 0, lineStart = bom, i = bom
        while i < offset {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        guard offset > lineStart else { return (line, 0) }
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return (line, column)
    }

    static let paragraph = "Zoe\u{301} 👍🏽 北约秘书长 met the envoys, officials said.\r\nThe talks went on.\r\n\r\n"

    @Test func partsCoverTheFileAndKnowWhereTheyStart() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(String(repeating: Self.paragraph, count: 40).utf8)
        let partition = DocumentPartition(bytes: bytes, partSize: 300, contextLines: 3)
        let parts = partition.parts
        #expect(parts.count > 10)
        #expect(parts.first?.own.lowerBound == 0)
        #expect(parts.last?.own.upperBound == bytes.count)
        #expect(parts.last?.isLast == true)
        for (part, next) in zip(parts, parts.dropFirst()) { #expect(part.own.upperBound == next.own.lowerBound) }
        for part in parts {
            // Each part ends after a blank line: paragraphs stay whole.
            if !part.isLast { #expect(Array(bytes[(part.own.upperBound - 4)..<part.own.upperBound]) == Array("\r\n\r\n".utf8)) }
            let expected = Self.location(of: part.bytes.lowerBound, in: bytes)
            #expect(part.origin.line == expected.line)
            #expect(part.origin.column == expected.column)
            #expect(part.origin.byteOffset == part.bytes.lowerBound)
            // Context: whole lines, at most three on each side.
            #expect(part.bytes.lowerBound <= part.own.lowerBound && part.bytes.upperBound >= part.own.upperBound)
            #expect(partition.lineBreaks(in: part.bytes.lowerBound..<part.own.lowerBound) <= 3)
            #expect(partition.lineBreaks(in: part.own.upperBound..<part.bytes.upperBound) <= 3)
            // The own range, in the part document's UTF-16 text, is the own bytes.
            let document = PartitionedLint.makeDocument(bytes, part.bytes, format: .plain)
            let ownBytes = bytes[part.own].starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[part.own].dropFirst(3)) : Array(bytes[part.own])
            #expect(Array(document.string(part.ownText).utf8) == ownBytes)
        }
    }

    @Test func aLongLineIsCutAtSentenceEndsWithExactColumns() throws {
        let line = String(repeating: "The envoy 👍🏽 met Zoe\u{301} at noon. Talks went on ", count: 60)
        let bytes = Array(("Headline\r\n" + line).utf8)
        let partition = DocumentPartition(bytes: bytes, partSize: 200)
        let parts = partition.parts
        #expect(parts.count > 5)
        for part in parts.dropFirst() {
            // A part inside the line starts after a full stop and its spaces, never inside a character.
            #expect(String(decoding: bytes[part.own.lowerBound..<(part.own.lowerBound + 5)], as: UTF8.self) == "Talks")
            let expected = Self.location(of: part.own.lowerBound, in: bytes)
            #expect(part.origin.line == expected.line && part.origin.line == 1)
            #expect(part.origin.column == expected.column)
            #expect(part.bytes == part.own)  // no context inside a line
        }
    }

    @Test func withoutBoundariesPartsEndOnScalarBoundaries() throws {
        let bytes = Array(String(repeating: "北约👍", count: 200).utf8)
        let parts = DocumentPartition(bytes: bytes, partSize: 100).parts
        #expect(parts.count > 5)
        for part in parts { #expect(bytes[part.own.lowerBound] & 0xC0 != 0x80) }
        #expect(parts.map(\.own.count).reduce(0, +) == bytes.count)
    }

    @Test func emptyAndSmallFilesAreOnePart() throws {
        #expect(DocumentPartition(bytes: []).parts.map(\.own) == [0..<0])
        #expect(DocumentPartition(bytes: Array("short\n".utf8)).parts.map(\.own) == [0..<6])
    }

    @Test func aPartStartingWithFEFFKeepsItAsText() throws {
        let bytes = Array((String(repeating: "One line here.\n", count: 3) + "\n" + "\u{FEFF}Second paragraph.\n").utf8)
        let parts = DocumentPartition(bytes: bytes, partSize: 64).parts
        let second = try #require(parts.last)
        let document = PartitionedLint.makeDocument(bytes, second.own, format: .plain)
        #expect(document.bomLength == 0)
        #expect(document.string(0..<1) == "\u{FEFF}")
    }
}

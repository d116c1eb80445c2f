import Foundation
import Testing
@testable import MTLintCLI

/// The language server's copy of a document: positions in each encoding, against a plain
/// reading of the protocol's rules written with Swift's string views.
@Suite struct TextBufferTests {
    /// The text's lines split as the protocol says (LF, CRLF, lone CR), without their breaks.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", scalars.first == "\n" { scalars = scalars.dropFirst() }
                lines.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        return lines
    }

    static func width(_ text: String, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: text.utf8.count
        case .utf16: text.utf16.count
        case .utf32: text.unicodeScalars.count
        }
    }

    static let samples = [
        "", "one line", "a\nb\r\nc\rd\n", "\u{FEFF}👍🏽 Zoe\u{301}\r\n𝄞 北约\n\n", "\r\n\r\n", "ends with CR\r", "x\r\r\ny",
    ]

    @Test(arguments: PositionEncoding.allCases)
    func positionsAndOffsetsAgreeWithTheProtocolsRules(_ encoding: PositionEncoding) {
        for text in Self.samples {
            let buffer = TextBuffer(text)
            let lines = Self.lines(text)
            #expect(buffer.lineCount == lines.count, "\(text.debugDescription)")
            var lineStart = 0
            var rest = Array(text.utf16)[...]
            for (index, line) in lines.enumerated() {
                // Every scalar boundary of the line, and the line's end.
                var prefix = ""
                var boundaries: [(String, Int)] = [("", 0)]
                for scalar in line.unicodeScalars {
                    prefix.unicodeScalars.append(scalar)
                    boundaries.append((prefix, prefix.utf16.count))
                }
                for (before, units) in boundaries {
                    let position = Position(line: index, character: Self.width(before, encoding))
                    #expect(buffer.offset(of: position, encoding: encoding) == lineStart + units)
                    #expect(buffer.position(of: lineStart + units, encoding: encoding) == position)
                }
                // Past the end of the line: the line's end.
                let past = Position(line: index, character: Self.width(line, encoding) + 5)
                #expect(buffer.offset(of: past, encoding: encoding) == lineStart + line.utf16.count)
                rest = rest.dropFirst(line.utf16.count)
                var breakLength = 0
                if rest.first == 0x0D { breakLength = rest.dropFirst().first == 0x0A ? 2 : 1 } else if rest.first == 0x0A { breakLength = 1 }
                rest = rest.dropFirst(breakLength)
                lineStart += line.utf16.count + breakLength
            }
            // Past the last line: the end of the text.
            #expect(buffer.offset(of: Position(line: lines.count + 3, character: 0), encoding: encoding) == text.utf16.count)
        }
    }

    @Test func aPositionInsideACharacterMeansItsStart() {
        let buffer = TextBuffer("a👍b")
        #expect(buffer.offset(of: Position(line: 0, character: 2), encoding: .utf16) == 1)
        #expect(buffer.offset(of: Position(line: 0, character: 3), encoding: .utf8) == 1)
        #expect(buffer.offset(of: Position(line: 0, character: 5), encoding: .utf8) == 3)
    }

    @Test func editsKeepLinesRight() {
        var buffer = TextBuffer("first\r\nsecond\nthird")
        buffer.replace(5..<7, with: "\n")  // CRLF → LF
        #expect(buffer.string == "first\nsecond\nthird")
        buffer.replace(5..<5, with: "\r")  // a CR before the LF makes CRLF again
        #expect(buffer.lineCount == 3)
        #expect(buffer.offset(of: Position(line: 1, character: 0), encoding: .utf16) == 7)
        buffer.replace(0..<buffer.units.count, with: "")
        #expect(buffer.lineCount == 1)
        buffer.replace(-5..<100, with: "👍\r")
        #expect(buffer.string == "👍\r")
        #expect(buffer.position(of: 3, encoding: .utf8) == Position(line: 1, character: 0))
    }
}

import PropertyBased
import Testing
@testable import MTLintCore

/// The byte loops that skip eight bytes at a time count and find exactly what a byte-by-byte
/// loop does, wherever the interesting bytes fall in a word.
@Suite struct ByteWordsTests {
    static let pieces: [[UInt8]] = [
        Array("word ".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8), Array("“".utf8), Array("\"".utf8),
        Array("é".utf8), Array("北".utf8), Array("👍🏽".utf8), [0], [0xFF], [0xE2], [0x80], Array("abcdefgh".utf8),
    ]

    static func naiveLineBreaks(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        range.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && !($0 + 1 < bytes.count && bytes[$0 + 1] == 0x0A)) }.count
    }

    @Test func countsAndSearchesAgreeWithByteByByteLoops() async {
        await propertyCheck(count: 1000, input: Gen<[UInt8]?>.element(of: Self.pieces).array(of: 0...40),
                            Gen<Int>.int(in: 0...16), Gen<Int>.int(in: 0...16)) { parts, cutFront, cutBack in
            let bytes = parts.compactMap { $0 }.flatMap { $0 }
            let lower = min(cutFront, bytes.count), upper = max(lower, bytes.count - cutBack)
            let range = lower..<upper
            let partition = DocumentPartition(bytes: bytes)
            #expect(partition.lineBreaks(in: range) == Self.naiveLineBreaks(bytes, range))
            #expect(partition.scalars(in: range) == range.filter { bytes[$0] & 0xC0 != 0x80 }.count)
            #expect(partition.utf16Length(of: range) == range.reduce(0) { count, i in
                bytes[i] & 0xC0 == 0x80 ? count : count + (bytes[i] >= 0xF0 ? 2 : 1)
            })
            let naiveInvalid: Int? = {
                var i = 0
                while i < bytes.count {
                    guard let length = bytes.withUnsafeBufferPointer({ UTF8Validation.sequenceLength(in: $0, at: i) }) else { return i }
                    i += length
                }
                return nil
            }()
            #expect(bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidByte(in:)) == naiveInvalid)
            let expectedError: InputError? = if let nul = bytes.firstIndex(of: 0) {
                .binary(byteOffset: nul)
            } else if let invalid = naiveInvalid {
                .invalidUTF8(byteOffset: invalid)
            } else {
                nil
            }
            var thrown: InputError?
            do throws(InputError) { try Document.check(bytes: bytes) } catch { thrown = error }
            #expect(thrown == expectedError, "\(bytes)")
        }
    }

    @Test func zeroBytesMarksExactlyTheZeroBytes() {
        for position in 0..<8 {
            for filler: UInt64 in [0x01, 0x80, 0xFF, 0x7F] {
                var word: UInt64 = 0
                for k in 0..<8 where k != position { word |= filler << (8 * UInt64(k)) }
                #expect(ByteWords.zeroBytes(word) == 0x80 << (8 * UInt64(position)))
            }
        }
        #expect(ByteWords.zeroBytes(0) == ByteWords.highs)
        #expect(ByteWords.bytes(0x0A00_0A0A_410A_0000, equalTo: 0x0A).nonzeroBitCount == 4)
    }

    @Test func zeroUnitsMarksExactlyTheZeroUnits() {
        for position in 0..<4 {
            for filler: UInt64 in [0x0001, 0x8000, 0xFFFF, 0x7FFF, 0x0100] {
                var word: UInt64 = 0
                for k in 0..<4 where k != position { word |= filler << (16 * UInt64(k)) }
                #expect(UnitWords.zeroUnits(word) == 0x8000 << (16 * UInt64(position)))
            }
        }
        #expect(UnitWords.units(0x000A_0041_000D_000A, equalTo: 0x0A) == 0x8000_0000_0000_8000)
    }

    @Test func sumOfBytesAddsEveryByte() {
        #expect(ByteWords.sumOfBytes(0xFFFF_FFFF_FFFF_FFFF) == 8 * 255)
        #expect(ByteWords.sumOfBytes(0x0102_0304_0506_0708) == 36)
        #expect(ByteWords.sumOfBytes(0) == 0)
    }

    static let textPieces = ["word ", "\n", "\r\n", "\r", "“", "é", "北", "👍🏽", "abcdefgh", "\u{2028}", "\n\n"]

    @Test func linesAndPositionsAgreeWithUnitByUnitLoops() async {
        await propertyCheck(count: 500, input: Gen<String?>.element(of: Self.textPieces).array(of: 0...60)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let document = Document(text)
            let units = Array(text.utf16)
            // Lines: broken at LF, CR and CRLF; a final break starts no empty line.
            var expected: [Range<Int>] = []
            var start = 0, i = 0
            while i < units.count {
                if units[i] == 0x0A || units[i] == 0x0D {
                    let end = units[i] == 0x0D && i + 1 < units.count && units[i + 1] == 0x0A ? i + 2 : i + 1
                    expected.append(start..<i)
                    start = end
                    i = end
                } else {
                    i += 1
                }
            }
            if start < units.count || expected.isEmpty { expected.append(start..<units.count) }
            #expect(document.lines.map(\.content) == expected, "\(text.debugDescription)")
            // Positions: UTF-8 offsets and scalar counts before every unit boundary of a scalar.
            let index = PositionIndex(document.text)
            var offset = 0, utf8 = 0, scalars = 0
            for scalar in text.unicodeScalars {
                #expect(index.position(of: offset, in: document.text) == (utf8, scalars))
                offset += UTF16.width(scalar)
                utf8 += UTF8.width(scalar)
                scalars += 1
            }
            #expect(index.position(of: offset, in: document.text) == (utf8, scalars))
        }
    }
}

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
}

import Foundation
import Testing
@testable import MTLintReporters

/// The hand-written JSON of `json` and `jsonl` is byte for byte what JSONEncoder writes.
@Suite struct JSONValueTests {
    struct Sample: Encodable {
        var text: String
        var number: Int
        var list: [String]
        var empty: [String]
        var nothing: String?

        enum CodingKeys: String, CodingKey { case empty, list, nothing, number, text }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(empty, forKey: .empty)
            try container.encode(list, forKey: .list)
            try container.encode(nothing, forKey: .nothing)
            try container.encode(number, forKey: .number)
            try container.encode(text, forKey: .text)
        }

        var json: JSONValue {
            .object([("empty", .array(empty.map { .string($0) })), ("list", .array(list.map { .string($0) })),
                     ("nothing", nothing.map { .string($0) } ?? .null), ("number", .int(number)), ("text", .string(text))])
        }
    }

    /// Every ASCII character (controls included) and the non-ASCII ones that encoders treat
    /// specially in some languages (line and paragraph separators, a BOM, an emoji).
    static let tricky: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        + ["\u{2028}\u{2029}", "\u{FEFF}", "👍🏽 Zoe\u{301} 北约", "a/b\\c\"d", "”he said", ""]

    @Test func sameBytesAsJSONEncoder() throws {
        for (index, text) in Self.tricky.enumerated() {
            let sample = Sample(text: text, number: index - 40, list: [text, "x"], empty: [], nothing: index % 2 == 0 ? nil : text)
            let compact = JSONEncoder()
            compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let pretty = JSONEncoder()
            pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            #expect(sample.json.compact == String(decoding: try compact.encode(sample), as: UTF8.self), "U+\(index)")
            #expect(sample.json.pretty() == String(decoding: try pretty.encode(sample), as: UTF8.self), "U+\(index)")
            #expect(JSONValue.array([sample.json]).pretty() == String(decoding: try pretty.encode([sample]), as: UTF8.self))
        }
    }
}

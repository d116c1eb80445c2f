/// A slot list's line read byte by byte when it is ASCII, as most are: each byte is then a
/// Character of its own, so splitting bytes gives what splitting Characters gives, without
/// the grapheme breaking that made reading the lists a tenth of decoding the shipped rules.
enum ASCIISlotLine {
    /// The line's phrase and its value (`phrase = value`), trimmed, as
    /// `line.split(separator: "=", maxSplits: 1).map(\.trimmedWhitespace)` gives them; nil
    /// when the line is not ASCII.
    static func parts(of line: String) -> [String]? {
        guard line.isASCII else { return nil }
        return line.utf8.split(separator: UInt8(ascii: "="), maxSplits: 1).map { Substring($0).trimmedWhitespace }
    }

    /// The phrase's words (split at spaces) and tokens (split at spaces and hyphens), as
    /// Character splits give them; nil when the phrase is not ASCII.
    static func words(of phrase: String) -> (words: [String], tokens: [String])? {
        guard phrase.isASCII else { return nil }
        let words = phrase.utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        let tokens = phrase.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") })
            .map { String(decoding: $0, as: UTF8.self) }
        return (words, tokens)
    }
}

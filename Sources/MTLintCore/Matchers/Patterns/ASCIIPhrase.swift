/// A phrase written in ASCII, worked on byte by byte. Listed phrases almost always are, and
/// then each ASCII scalar is a Character of its own (or "\r\n", white space either way), so
/// splitting at white-space bytes, lower-casing A–Z and escaping byte by byte give exactly
/// what `PhraseMatcherKind.normalize` and `regexSource` compute on Characters.
struct ASCIIPhrase {
    let bytes: [UInt8]

    init?(_ phrase: String) {
        guard phrase.isASCII else { return nil }
        bytes = Array(phrase.utf8)
    }

    /// Which ASCII bytes are Unicode white space (`Character.isWhitespace`).
    private static let isWhitespace: [Bool] = (0..<128).map { Unicode.Scalar(UInt8($0)).properties.isWhitespace }

    /// The words: runs of bytes between white space.
    private var words: [ArraySlice<UInt8>] {
        bytes.split(whereSeparator: { Self.isWhitespace[Int($0)] })
    }

    /// The words joined by single spaces, lower-cased unless `caseSensitive`.
    func normalized(caseSensitive: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for word in words {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            for byte in word {
                let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                out.append(!caseSensitive && isUpper ? byte | 0x20 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The regex for the phrase: words joined by `\s+`, either apostrophe for `'`, regex
    /// syntax escaped.
    var regexSource: String {
        var out = ""
        for word in words {
            if !out.isEmpty { out += "\\s+" }
            for byte in word {
                switch byte {
                case UInt8(ascii: "'"): out += "['’]"
                case UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "?"),
                     UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "-"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "~"):
                    out += "\\" + String(UnicodeScalar(byte))
                default:
                    out.unicodeScalars.append(UnicodeScalar(byte))
                }
            }
        }
        return out
    }
}

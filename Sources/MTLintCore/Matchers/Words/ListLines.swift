/// How a data file next to a rule file (a word list, a slot list, a vocabulary) is split into
/// lines, the same at run time and when mtlint is built (see `FurnitureVocabularyLayout`).
public enum ListLines {
    /// The text split at line feeds, a carriage return before one belonging to the break: the
    /// lines that splitting its Characters at "\n" and "\r\n" gives (a line feed is always a
    /// Character of its own or the end of "\r\n"), found on UTF-8 bytes.
    public static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                let end = index != start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }
}

/// How a data file next to a rule file (a word list, a slot list, a vocabulary) is split into
/// lines, the same at run time and when mtlint is built (see `FurnitureVocabularyLayout`).
public enum ListLines {
    /// The text split at line feeds, a carriage return before one belonging to the break: the
    /// lines that splitting its Characters at "\n" and "\r\n" gives (a line feed is always a
    /// Character of its own or the end of "\r\n"), found on UTF-8 bytes.
    public static func split(_ text: String) -> [String] {
        let utf8 = text.utf8
        var lines: [String] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                var end = index
                if end != start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
                lines.append(String(Substring(utf8[start..<end])))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(String(Substring(utf8[start..<utf8.endIndex])))
        return lines
    }
}

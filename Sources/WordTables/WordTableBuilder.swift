/// Lays out a word table (see `WordTableLayout`) from a word list: at build time for the
/// shipped dictionaries, at load time for a list in a user's rule folder.
public enum WordTableBuilder {
    /// The entries of a word-list file: one word per line; blank lines and lines starting
    /// with `#` are skipped, and white space around a word is dropped.
    public static func entries(ofFile text: String) -> [String] {
        var words: [String] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let word = line.trimmingPrefix(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = word.first, first != "#" else { continue }
            var end = word.endIndex
            while end > word.startIndex, let last = word[..<end].last, last == " " || last == "\t" || last == "\r" {
                end = word.index(before: end)
            }
            if end > word.startIndex { words.append(String(word[..<end])) }
        }
        return words
    }

    /// The table's characters for `words`: each word keyed case-insensitively, with the
    /// flags of all its spellings merged.
    public static func layout(_ words: [String]) -> [UInt8] {
        var merged: [UInt64: WordFlags] = [:]
        for word in words { merged[WordKey.hash(word), default: []].formUnion(WordFlags(spelling: word)) }
        let slotCount = WordTableLayout.slotCount(for: merged.count)
        var values = [UInt32](repeating: 0, count: slotCount)
        // Sorted keys make the layout, and so the generated source, the same on every build.
        for key in merged.keys.sorted() {
            guard let flags = merged[key] else { continue }
            let (first, fingerprint) = WordTableLayout.place(key, slotCount: slotCount)
            var slot = first
            while values[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            values[slot] = fingerprint << UInt32(WordTableLayout.flagBits) | UInt32(flags.rawValue)
        }
        var bytes = [UInt8](repeating: 0, count: slotCount * WordTableLayout.slotWidth)
        for (slot, value) in values.enumerated() {
            WordTableLayout.encode(value, into: &bytes, at: slot * WordTableLayout.slotWidth)
        }
        return bytes
    }

    /// The table's characters as a string (all of them printable ASCII).
    public static func layoutString(_ words: [String]) -> String {
        String(decoding: layout(words), as: UTF8.self)
    }
}

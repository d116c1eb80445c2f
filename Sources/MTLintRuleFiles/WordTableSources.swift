import MTLintCore
import WordTables

extension EmbeddedWordTables {
    /// The shipped word list at `path` (relative to Rules/), read in place; nil if none.
    static func table(at path: String) -> WordTable? {
        guard let entry = all.first(where: { $0.path == path }) else { return nil }
        return WordTable(static: entry.table)
    }
}

/// Word lists from rule folders on disk, laid out once per path and text and shared by
/// every rule that names them.
enum DiskWordTables {
    private static let cache = Locked<[String: (text: String, table: WordTable)]>([:])

    static func table(path: String, text: String) -> WordTable {
        cache.withLock { known in
            if let entry = known[path], entry.text == text { return entry.table }
            let made = WordTable(words: WordTableBuilder.entries(ofFile: text))
            known[path] = (text, made)
            return made
        }
    }
}

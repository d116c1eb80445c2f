/// `requires:` — literals a rule author promises every match's segment contains: whole words
/// (matched case-insensitively) or single characters. Segments with none of them are not
/// searched. For patterns too intricate for the automatic analysis (long alternations of
/// agency names, say), this is what keeps a rarely firing rule cheap; the rule's examples
/// check the promise.
public final class RequiredLiterals: Sendable {
    public let entries: [String]
    /// Hashes (see `WordHash`) of the entries that are words.
    public let words: Set<UInt64>
    /// The same as a table for the scan's hits.
    let wordTable: WordHashTable<Bool>
    /// The entries that are single characters other than letters and digits.
    public let characters: Set<UInt16>

    public init(_ entries: [String]) {
        self.entries = entries
        var words = Set<UInt64>()
        var characters = Set<UInt16>()
        for entry in entries {
            if let first = entry.utf16.first, WordHash.isWordUnit(first) {
                if let hash = WordHash.firstWord(of: entry) { words.insert(hash) }
            } else if let first = entry.utf16.first {
                characters.insert(first)
            }
        }
        self.words = words
        self.wordTable = WordHashTable(set: words)
        self.characters = characters
    }

    /// Decodes `requires:` — a list of words or single characters.
    static func decode(_ node: ConfigNode?) throws(ConfigError) -> RequiredLiterals? {
        guard let node else { return nil }
        let entries = try node.stringList()
        guard !entries.isEmpty else { throw ConfigError("requires: the list is empty", at: node.mark) }
        for entry in entries {
            let units = Array(entry.utf16)
            let isWord = !units.isEmpty && units.allSatisfy(WordHash.isWordUnit)
            let isCharacter = entry.unicodeScalars.count == 1 && !isWord && units.count == 1
            guard isWord || isCharacter else {
                throw ConfigError("requires: '\(entry)' must be one word (letters and digits) or one character", at: node.mark)
            }
        }
        return RequiredLiterals(entries)
    }
}

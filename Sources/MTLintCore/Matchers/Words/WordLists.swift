import WordTables

/// One or more word lists (`.words` files laid out as `WordTable`s) asked as one: a rule's
/// dictionary. A word's flags are the union of its flags in every list.
public struct WordLists: Sendable {
    public let tables: [WordTable]

    public init(_ tables: [WordTable]) { self.tables = tables }

    /// How the lists spell the word whose `WordKey` hash is `key`; nil if none has it.
    @inline(__always)
    public func flags(forKey key: UInt64) -> WordFlags? {
        var found: WordFlags?
        for table in tables {
            if let flags = table.flags(forKey: key) { found = (found ?? []).union(flags) }
        }
        return found
    }

    /// How the lists spell `word`; nil if none has it.
    public func flags(of word: String) -> WordFlags? { flags(forKey: WordKey.hash(word)) }

    /// Reads `dictionary:` — one `.words` file name or a list of them, relative to the rule file.
    static func decode(_ node: ConfigNode, files: RuleFileResolver) throws(ConfigError) -> WordLists {
        var tables: [WordTable] = []
        for name in try node.stringList() {
            guard name.hasSuffix(".words") else {
                throw ConfigError("dictionary: '\(name)' is not a word list (a .words file)", at: node.mark)
            }
            guard let table = files.wordTable(of: name) else {
                throw ConfigError("dictionary: word list '\(name)' not found (paths are relative to the rule file)", at: node.mark)
            }
            tables.append(table)
        }
        guard !tables.isEmpty else { throw ConfigError("dictionary: the list is empty", at: node.mark) }
        return WordLists(tables)
    }
}

/// A small set of short words given by hash (`WordKey`), with the lengths that occur, for
/// testing the ends of a longer word: the joints of glued words, the words that may follow a
/// name.
struct ShortWords: Sendable {
    let table: WordHashTable<Bool>
    /// Each listed word's length in UTF-16 units, without repeats, shortest first.
    let lengths: [Int]
    let words: [String]

    init(_ words: [String]) {
        self.words = words
        table = WordHashTable(set: words.map { WordKey.hash($0) })
        lengths = Set(words.map { $0.utf16.count }).sorted()
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { table.contains(key) }

    /// Reads a list of words: inline, or a file of one word per line.
    static func decode(_ node: ConfigNode, option: String, files: RuleFileResolver) throws(ConfigError) -> ShortWords {
        var words: [String]
        if case .scalar = node.value {
            let name = try node.string("a word-list file name")
            guard let lines = files.lines(of: name) else {
                throw ConfigError("\(option): word list '\(name)' not found (paths are relative to the rule file)", at: node.mark)
            }
            words = WordTableBuilder.entries(ofFile: lines.joined(separator: "\n"))
        } else {
            words = try node.stringList()
        }
        words = words.map { $0.lowercased() }
        guard !words.isEmpty else { throw ConfigError("\(option): the list is empty", at: node.mark) }
        for word in words where !word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
            throw ConfigError("\(option): '\(word)' is not a word of letters", at: node.mark)
        }
        return ShortWords(words)
    }
}

/// A word list a rule file names (`verbs: words/reporting-verbs.txt`): one entry per line,
/// `#` starts a comment, paths relative to the rule file.
enum WordListFile {
    static func load(_ node: ConfigNode, files: RuleFileResolver) throws(ConfigError) -> [String] {
        let name = try node.string("a word-list file name")
        let entries = try files.derived(from: name, purpose: "entries") { (lines: [String]) throws(ConfigError) -> [String] in Self.entries(of: lines) }
        guard let entries else {
            throw ConfigError("word list '\(name)' not found (paths are relative to the rule file)", at: node.mark)
        }
        guard !entries.isEmpty else { throw ConfigError("word list '\(name)' has no words", at: node.mark) }
        return entries
    }

    /// `make`'s value for the entries of the list `node` names, made once per set of rule files
    /// for all the rules that name the list for `purpose` (see `RuleFileResolver.derived`): a
    /// furniture vocabulary, a quote rule's verb set. Rules then also hold the same value, so
    /// equal ones compare without reading their words.
    /// The list's entries are read only when the value is made: a list already laid out for
    /// `purpose` is not split into entries again.
    static func derived<Value: Sendable>(_ node: ConfigNode, purpose: String, files: RuleFileResolver,
                                         _ make: ([String]) -> Value) throws(ConfigError) -> Value {
        let name = try node.string("a word-list file name")
        let value = try files.derived(from: name, purpose: purpose) { (lines: [String]) throws(ConfigError) -> Value in
            let entries = Self.entries(of: lines)
            guard !entries.isEmpty else { throw ConfigError("word list '\(name)' has no words", at: node.mark) }
            return make(entries)
        }
        guard let value else {
            throw ConfigError("word list '\(name)' not found (paths are relative to the rule file)", at: node.mark)
        }
        return value
    }

    /// The entries of a list's lines: each line up to a `#`, without surrounding white space,
    /// empty ones left out.
    static func entries(of lines: [String]) -> [String] {
        var entries: [String] = []
        entries.reserveCapacity(lines.count)
        for line in lines {
            // Without a `#` scalar no Character is "#": the whole line is the entry.
            let content = !line.utf8.contains(UInt8(ascii: "#")) ? line[...]
                : line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = content.trimmedWhitespace
            if !word.isEmpty { entries.append(word) }
        }
        return entries
    }
}

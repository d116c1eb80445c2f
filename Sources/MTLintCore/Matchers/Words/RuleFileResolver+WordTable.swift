import WordTables

extension RuleFileResolver {
    /// By default a word list is read through `lines(of:)` and laid out when loaded: one word
    /// per line, `#` comments. The shipped lists are laid out at build time instead (the
    /// rule loader's resolver returns those tables as they lie in the binary).
    public func wordTable(of name: String) -> WordTable? {
        guard let lines = lines(of: name) else { return nil }
        return WordTable(words: WordTableBuilder.entries(ofFile: lines.joined(separator: "\n")))
    }
}

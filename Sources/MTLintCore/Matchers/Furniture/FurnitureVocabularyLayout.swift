/// A furniture vocabulary written out when mtlint is built, so that the shipped word lists are
/// not tokenised and hashed at every start. EmbedRulesTool lays out each list under Rules/
/// (`layout(ofList:)`); the rule loader's resolver hands the vocabulary read back from the
/// layout (`vocabulary(fromLayout:)`) to the rules that name the list, and a list on disk is
/// read from its text as before. A test checks that every shipped list reads back as the
/// vocabulary made from its text.
///
/// A layout is lines: `longest count`; the hashes of the entries' word sequences, of the
/// one-word entries and of the first words (16 hex digits each, ascending); then the first
/// spellings, one per line, ascending. A layout out of order reads as no layout.
public enum FurnitureVocabularyLayout {
    /// What rules derive a vocabulary from a list for (see `RuleFileResolver.derived`).
    public static let purpose = "furniture-vocabulary"

    /// The layout of the vocabulary of a list's text, read as `WordListFile` reads a list; nil
    /// when the list has no entry with a letter or a digit (decoding reports that, at run time).
    public static func layout(ofList text: String) -> String? {
        let vocabulary = FurnitureVocabulary(entries: WordListFile.entries(of: ListLines.split(text)))
        guard !vocabulary.isEmpty else { return nil }
        let lines = ["\(vocabulary.longest) \(vocabulary.count)", HexField.text(vocabulary.sequences), HexField.text(vocabulary.words),
                     HexField.text(vocabulary.firstWords)] + vocabulary.firstSpellings
        return lines.joined(separator: "\n")
    }

    /// The vocabulary a layout holds (a `FurnitureVocabulary`, which only this module names);
    /// nil for text that is not a layout.
    public static func vocabulary(fromLayout layout: StaticString) -> (any Sendable)? {
        layout.withUTF8Buffer { bytes in vocabulary(fromLayout: bytes) }
    }

    static func vocabulary(fromLayout bytes: UnsafeBufferPointer<UInt8>) -> FurnitureVocabulary? {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard lines.count >= 4 else { return nil }
        let header = lines.removeFirst().split(separator: UInt8(ascii: " "))
        guard header.count == 2, let longest = Int(String(decoding: header[0], as: UTF8.self)),
              let count = Int(String(decoding: header[1], as: UTF8.self)),
              let sequences = HexField.ascendingValues(lines.removeFirst(), as: UInt64.self),
              let words = HexField.ascendingValues(lines.removeFirst(), as: UInt64.self),
              let firstWords = HexField.ascendingValues(lines.removeFirst(), as: UInt64.self) else { return nil }
        var spellings: [String] = []
        spellings.reserveCapacity(lines.count)
        for line in lines {
            let spelling = String(decoding: line, as: UTF8.self)
            // Written ascending, each once (merging vocabularies relies on it).
            if let last = spellings.last, !(last < spelling) { return nil }
            spellings.append(spelling)
        }
        return FurnitureVocabulary(sequences: sequences, words: words, firstWords: firstWords, firstSpellings: spellings,
                                   longest: longest, count: count)
    }
}

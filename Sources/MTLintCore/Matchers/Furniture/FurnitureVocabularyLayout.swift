/// A furniture vocabulary written out when mtlint is built, so that the shipped word lists are
/// not tokenised and hashed at every start. EmbedRulesTool lays out each list under Rules/
/// (`layout(ofList:)`); the rule loader's resolver hands the vocabulary read back from the
/// layout (`vocabulary(fromLayout:)`) to the rules that name the list, and a list on disk is
/// read from its text as before. A test checks that every shipped list reads back as the
/// vocabulary made from its text.
///
/// A layout is lines: `longest count`; the hashes of the entries' word sequences, of the
/// one-word entries and of the first words (16 hex digits each, ascending); then the first
/// spellings, one per line.
public enum FurnitureVocabularyLayout {
    /// What rules derive a vocabulary from a list for (see `RuleFileResolver.derived`).
    public static let purpose = "furniture-vocabulary"

    /// The layout of the vocabulary of a list's text, read as `WordListFile` reads a list; nil
    /// when the list has no entry with a letter or a digit (decoding reports that, at run time).
    public static func layout(ofList text: String) -> String? {
        let vocabulary = FurnitureVocabulary(entries: WordListFile.entries(of: ListLines.split(text)))
        guard !vocabulary.isEmpty else { return nil }
        func hex(_ hashes: Set<UInt64>) -> String {
            hashes.sorted().map { hash in
                let digits = String(hash, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }.joined()
        }
        let lines = ["\(vocabulary.longest) \(vocabulary.count)", hex(vocabulary.sequences), hex(vocabulary.words),
                     hex(vocabulary.firstWords)] + vocabulary.firstSpellings.sorted()
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
              let sequences = hashes(lines.removeFirst()), let words = hashes(lines.removeFirst()),
              let firstWords = hashes(lines.removeFirst()) else { return nil }
        var spellings = Set<String>(minimumCapacity: lines.count)
        for line in lines { spellings.insert(String(decoding: line, as: UTF8.self)) }
        return FurnitureVocabulary(sequences: sequences, words: words, firstWords: firstWords, firstSpellings: spellings,
                                   longest: longest, count: count)
    }

    /// The hashes of a line of 16-digit hex numbers; nil if it is not one.
    private static func hashes(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Set<UInt64>? {
        guard line.count % 16 == 0 else { return nil }
        var set = Set<UInt64>(minimumCapacity: line.count / 16)
        var index = line.startIndex
        while index < line.endIndex {
            var value: UInt64 = 0
            for byte in line[index..<index + 16] {
                let digit = byte &- UInt8(ascii: "0") < 10 ? byte &- UInt8(ascii: "0") : byte &- UInt8(ascii: "a") &+ 10
                guard digit < 16 else { return nil }
                value = value << 4 | UInt64(digit)
            }
            set.insert(value)
            index += 16
        }
        return set
    }
}

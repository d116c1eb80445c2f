/// How a word list spells a word: in lower case (a common word: `state`), with capitals (a
/// name or an abbreviation: `Goethe`, `NATO`), or both (`May`, `may`).
public struct WordFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Listed in lower case: a common word.
    public static let common = WordFlags(rawValue: 1)
    /// Listed with a capital letter: a name, a brand or an abbreviation.
    public static let capitalised = WordFlags(rawValue: 2)

    /// The flags a list entry gives its word: `capitalised` when it holds an upper-case letter.
    public init(spelling word: String) {
        self = word.unicodeScalars.contains { $0.properties.isUppercase } ? .capitalised : .common
    }
}

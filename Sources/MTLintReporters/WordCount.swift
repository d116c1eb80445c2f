import MTLintCore

/// Counts words cheaply for artifact density: a word is a run of letters, digits and
/// combining marks, where an apostrophe or hyphen between two such characters does not end
/// it (`don’t`, `build-up` are one word each). Han, Hiragana and Katakana characters, which
/// are written without spaces, count one word each.
public enum WordCount {
    public static func count(_ document: Document) -> Int { count(document, in: 0..<document.text.count) }

    /// The words in `range` of the document's text (UTF-16 offsets on scalar boundaries).
    public static func count(_ document: Document, in range: Range<Int>) -> Int {
        let text = document.text
        var words = 0
        var inWord = false
        // A joiner (apostrophe, hyphen) seen right after a word character.
        var pendingJoiner = false
        var i = range.lowerBound
        while i < range.upperBound {
            let value = text.codePoint(at: i)
            i = text.index(after: i)
            guard let scalar = Unicode.Scalar(value) else { inWord = false; pendingJoiner = false; continue }
            let properties = scalar.properties
            if properties.isIdeographic || isKana(value) {
                words += 1
                inWord = false
                pendingJoiner = false
                continue
            }
            let isWordCharacter: Bool
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                isWordCharacter = true
            default:
                isWordCharacter = false
            }
            if isWordCharacter {
                if !inWord { words += 1 }
                inWord = true
                pendingJoiner = false
            } else if inWord, !pendingJoiner, value == 0x27 || value == 0x2019 || value == 0x2D || value == 0x2010 {
                // Keep the word open for one joiner; a second one or anything else ends it.
                pendingJoiner = true
                inWord = true
            } else {
                inWord = false
                pendingJoiner = false
            }
        }
        return words
    }

    static func isKana(_ value: UInt32) -> Bool {
        (0x3041...0x30FF).contains(value) && value != 0x30FC && value != 0x30FB
    }
}

/// Gives a replacement the capitalisation of the text it replaces: ALL CAPS stays all caps,
/// a capitalised first letter stays capitalised, anything else takes the replacement as written.
enum CasePreservation {
    static func apply(_ replacement: String, like original: String) -> String {
        let letters = original.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first else { return replacement }
        if letters.count > 1, letters.allSatisfy({ $0.properties.isUppercase }) {
            return replacement.uppercased()
        }
        if first.properties.isUppercase, let head = replacement.first {
            return head.uppercased() + replacement.dropFirst()
        }
        return replacement
    }
}

/// Whether an annotated artifact is repaired in the fixed text, as the reference scorer decides.
enum FixCheck {
    static func isRepaired(_ annotation: Annotation, originalLine: String, fixedText: String) -> Bool {
        let fixed = Array(fixedText.unicodeScalars)
        let text = Array(annotation.text.unicodeScalars)
        switch annotation.repair {
        case .none:
            return false
        case .deleteLine:
            // No line of the fixed text, trimmed, is the annotated text, trimmed.
            let wanted = annotation.text.trimmedForComparison
            return !AnnotatedExcerpt.lines(of: fixedText).contains { $0.trimmedForComparison == wanted }
        case .deleteText:
            return ScalarSearch.firstIndex(of: text, in: fixed) == nil
        case .replace(let replacement):
            let repair = Array(replacement.unicodeScalars)
            if ScalarSearch.firstIndex(of: repair, in: fixed) != nil && ScalarSearch.firstIndex(of: text, in: fixed) == nil { return true }
            // Or the repair in place, with up to six characters of context on each side.
            let line = Array(originalLine.unicodeScalars)
            guard let at = ScalarSearch.firstIndex(of: text, in: line) else { return false }
            let before = line[max(0, at - 6)..<at]
            let after = line[(at + text.count)..<min(line.count, at + text.count + 6)]
            return ScalarSearch.firstIndex(of: Array(before) + repair + Array(after), in: fixed) != nil
        }
    }
}

extension String {
    /// Without the white space Python's `str.strip()` removes at either end.
    var trimmedForComparison: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace || Self.pythonSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace || Self.pythonSpace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Separators Python counts as white space beyond Unicode's White_Space (file, group,
    /// record and unit separators).
    private static func pythonSpace(_ scalar: Unicode.Scalar) -> Bool { (0x1C...0x1F).contains(scalar.value) }
}

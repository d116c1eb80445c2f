import MTLintCore

/// What a fix does, in words: "delete this line", "replace “ ”” with “” ”", or each edit with
/// its place. The text output, the HTML report and the language server's quick fixes say it
/// the same way.
public enum FixDescription {
    /// The action of `item`'s fix; nil when it has none.
    public static func action(of item: FileReport.Item) -> String? {
        guard item.finding.fix != nil else { return nil }
        if item.deletesLines { return "delete this line" }
        if item.edits.count == 1, let edit = item.edits.first {
            return edit.replacement.isEmpty ? "delete “\(visible(edit.original))”"
                : "replace “\(visible(edit.original))” with “\(visible(edit.replacement))”"
        }
        return item.edits.map { edit in
            let what = edit.original.isEmpty ? "insert “\(visible(edit.replacement))”"
                : edit.replacement.isEmpty ? "delete “\(visible(edit.original))”"
                : "replace “\(visible(edit.original))” with “\(visible(edit.replacement))”"
            return what + " at \(edit.range.start.line):\(edit.range.start.column)"
        }.joined(separator: "; ")
    }

    /// Newlines and tabs shown as symbols, so a description stays on one line.
    public static func visible(_ s: String) -> String {
        // Most texts have no control characters: check the bytes before rewriting anything.
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return s }
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": if !previousCR { out += "⏎" }
            case "\r": out += "⏎"
            case "\t": out += "⇥"
            default: out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }
}

import MTLintCore

/// `docs/rules-catalog.md`: every rule with its category, severity, fix safety, why, and
/// examples — generated from the rule files by `mtlint rules catalog`, never written by hand.
public enum RuleCatalog {
    public static func markdown(_ rules: [Rule]) -> String {
        var out = """
        # Rule catalog

        Generated from the rule files in `Rules/` by `mtlint rules catalog --output docs/rules-catalog.md`;
        do not edit by hand (a test fails when this file is out of date). `docs/rules.md` explains the format.
        In the examples, ⟨ ⟩ marks the span a finding covers.

        | rule | category | severity | fix | summary |
        |---|---|---|---|---|

        """
        for rule in rules {
            out += "| [`\(rule.id)`](#\(anchor(rule.id))) | \(rule.category.rawValue) | \(rule.severity.rawValue) | \(fixSafety(rule)) | \(cell(rule.summary)) |\n"
        }
        var pack = ""
        for rule in rules {
            if rule.pack != pack {
                pack = rule.pack
                out += "\n## \(pack)\n"
            }
            out += "\n### \(rule.id)\n\n"
            out += "\(rule.summary)\n\n"
            var facts = "Category `\(rule.category.rawValue)` · severity `\(rule.severity.rawValue)` · scope `\(rule.scope.rawValue)` · fix: \(fixSafety(rule))"
            if let language = rule.language { facts += " · source language `\(language)`" }
            out += facts + "\n\n"
            out += rule.why.trimmedWhitespace + "\n\n"
            out += "Flagged:\n\n" + rule.examples.flag.map { "- " + code($0) }.joined(separator: "\n") + "\n\n"
            out += "Not flagged:\n\n" + rule.examples.pass.map { "- " + code($0) }.joined(separator: "\n") + "\n"
            if !rule.examples.fix.isEmpty {
                out += "\nFixed:\n\n" + rule.examples.fix.map { "- " + code($0.before) + " → " + code($0.after) }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    static func fixSafety(_ rule: Rule) -> String {
        rule.fix.map { $0.applicability.rawValue } ?? "none"
    }

    /// The Markdown anchor of a rule's section (`quotes/spacing` → `quotesspacing`).
    public static func anchor(_ id: String) -> String {
        String(id.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "/" }
            .map { $0 == "/" ? "" : String($0) }.joined())
    }

    static func cell(_ text: String) -> String { text.replacing("|", with: "\\|").replacing("\n", with: " ") }

    /// Inline code that survives backticks, line breaks and leading or trailing spaces.
    static func code(_ text: String) -> String {
        let visible = text.replacing("\r", with: "␍").replacing("\n", with: "⏎")
        var fence = "`"
        while visible.contains(fence) { fence += "`" }
        let pad = visible.hasPrefix("`") || visible.hasSuffix("`") || visible.hasPrefix(" ") || visible.hasSuffix(" ") ? " " : ""
        return fence + pad + visible + pad + fence
    }
}

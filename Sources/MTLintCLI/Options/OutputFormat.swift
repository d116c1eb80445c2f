import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Findings with source excerpts and fixes (the default).
    case text
    /// One line per finding: `path:line:col: severity [rule-id] message`.
    case concise
    /// One JSON array of findings.
    case json
    /// One JSON finding per line, written as each file is linted.
    case jsonl
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
    /// One self-contained HTML page: summary, index, each file's text with its artifacts highlighted.
    case html
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

enum QuoteStyle: String, ExpressibleByArgument, CaseIterable {
    case locale, curly, straight
}

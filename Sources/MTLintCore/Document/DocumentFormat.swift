/// How a document's text is marked up. Markdown and HTML are masked before linting: code,
/// URLs, tags, comments and front matter are hidden from rules, entities count as the
/// characters they stand for, and positions stay those of the original file.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case plain, markdown, html

    /// The format a file name suggests.
    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            self = .markdown
        } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            self = .html
        } else {
            self = .plain
        }
    }
}

/// An `<!-- mtlint-… -->` comment in Markdown or HTML.
public struct Suppression: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `mtlint-disable-next-line`: the line after the comment.
        case nextLine
        /// `mtlint-disable`: from here to a matching `mtlint-enable` or the end.
        case disable
        /// `mtlint-enable`.
        case enable
    }

    public var kind: Kind
    /// Rule ids, packs or categories; empty means every rule.
    public var selectors: [String]
    /// The whole comment, `<!--` to `-->`.
    public var range: Range<Int>

    /// Parses a comment's inner text; nil if it is not an mtlint directive.
    static func parse(_ body: String, range: Range<Int>) -> Suppression? {
        let words = body.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard let directive = words.first else { return nil }
        let kind: Kind
        switch directive {
        case "mtlint-disable-next-line": kind = .nextLine
        case "mtlint-disable": kind = .disable
        case "mtlint-enable": kind = .enable
        default: return nil
        }
        return Suppression(kind: kind, selectors: Array(words.dropFirst()), range: range)
    }

    func names(_ finding: Finding) -> Bool {
        selectors.isEmpty || selectors.contains { selector in
            selector == finding.ruleID || finding.ruleID.hasPrefix(selector + "/") || selector == finding.category.rawValue
        }
    }
}

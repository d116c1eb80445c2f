/// A rule: what it finds, how it reports it, how it fixes it, and the examples that document
/// and test it. Rules are data (loaded from YAML) and shared by all tasks.
public struct Rule: Sendable {
    /// `<pack>/<name>`, unique.
    public var id: String
    public var category: Category
    public var severity: Severity
    public var summary: String
    public var why: String
    public var scope: Scope
    public var matcher: any MatcherKind
    /// Patterns that veto a match they overlap, searched in the same segment.
    public var unless: [SharedRegex]
    public var message: Template
    public var fix: FixSpec?
    public var examples: RuleExamples
    /// The file the rule came from (for messages), if any.
    public var origin: String?
    /// The source language whose leftovers the rule finds (ISO 639-1, e.g. `fr`), or nil for
    /// rules that apply whatever the source. `--source` selects by it.
    public var language: String?

    public init(id: String, category: Category, severity: Severity, summary: String, why: String, scope: Scope,
                matcher: any MatcherKind, unless: [SharedRegex] = [], message: Template, fix: FixSpec? = nil,
                examples: RuleExamples = RuleExamples(), origin: String? = nil, language: String? = nil) {
        self.id = id
        self.category = category
        self.severity = severity
        self.summary = summary
        self.why = why
        self.scope = scope
        self.matcher = matcher
        self.unless = unless
        self.message = message
        self.fix = fix
        self.examples = examples
        self.origin = origin
        self.language = language
    }

    /// The pack: the part of the id before the slash.
    public var pack: String {
        // ASCII ids (every shipped one) by bytes; others by characters, where a slash may
        // carry a combining mark.
        if id.isASCII {
            guard let slash = id.utf8.firstIndex(of: UInt8(ascii: "/")) else { return id }
            if slash != id.startIndex { return String(id[..<slash]) }
        }
        return String(id.split(separator: "/", maxSplits: 1).first ?? Substring(id))
    }

    /// Whether a selector (rule id, pack or category) names this rule.
    public func isNamed(by selector: String) -> Bool {
        selector == id || selector == pack || selector == category.rawValue || selector == "ALL"
    }

    /// Segments the linter must compute for this rule.
    public var needs: SegmentNeeds { SegmentNeeds(scope: scope).union(matcher.needs) }
}

/// What a rule found: where (UTF-16 range of the document's text), what, and how to fix it.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var category: Category
    public var severity: Severity
    public var message: String
    public var range: Range<Int>
    public var fix: Fix?

    public init(ruleID: String, category: Category, severity: Severity, message: String, range: Range<Int>, fix: Fix?) {
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }
}

/// A rule that could not finish on a document (an ICU regex that hit its time or stack
/// limit, say). The other rules still ran.
public struct RuleFailure: Sendable, Hashable, CustomStringConvertible {
    public var ruleID: String
    public var reason: String

    public var description: String { "rule \(ruleID) failed: \(reason)" }
}

/// How a rule turns a match into a fix.
public struct FixSpec: Sendable {
    public enum Action: Sendable {
        /// Replace the whole match with a template (`$1`, `${name}`).
        case replace(Template)
        /// Delete the line(s) the finding is on, with their line breaks.
        case deleteLine
        /// Delete the reported span.
        case deleteMatch
        /// Use the edits the matcher proposes (phrase maps, quote repairs).
        case proposed
    }

    public var action: Action
    public var applicability: Applicability

    public init(action: Action, applicability: Applicability) {
        self.action = action
        self.applicability = applicability
    }
}

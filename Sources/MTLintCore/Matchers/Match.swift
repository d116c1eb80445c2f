/// One hit of a matcher, before it becomes a finding.
public struct Match: Sendable {
    /// The whole match: what a `replace` template replaces.
    public var range: Range<Int>
    /// The span the finding covers (a capture group when the rule narrows it).
    public var reported: Range<Int>
    /// Capture groups, 0 being the whole match (nil for a group that did not take part).
    public var captures: [Range<Int>?]
    /// Named values a message or replacement may use as `${name}`.
    public var values: [String: String]
    /// The edits the matcher proposes itself (phrase replacements, quote repairs), if any.
    public var edits: [Edit]?
    /// A fix safety for this match only, when the matcher knows better than the rule (a
    /// truncated title behind a section label, a straight quote whose direction is guessed).
    /// Matchers only ever lower safety: the rule's `unsafe` is never made `safe`.
    public var applicability: Applicability?

    public init(range: Range<Int>, reported: Range<Int>? = nil, captures: [Range<Int>?]? = nil,
                values: [String: String] = [:], edits: [Edit]? = nil, applicability: Applicability? = nil) {
        self.applicability = applicability
        self.range = range
        self.reported = reported ?? range
        self.captures = captures ?? [range]
        self.values = values
        self.edits = edits
    }
}

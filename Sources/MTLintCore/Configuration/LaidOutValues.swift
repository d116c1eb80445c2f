/// What decoding a shipped rule file would work out from its text, worked out instead when
/// mtlint was built (EmbedRulesTool runs this module's decoder on Rules/) and read back at
/// start-up. Shipped rule files carry them in their `ConfigSource`; a value missing here is
/// worked out at run time, as for a user's rule file, so they only ever save time.
public protocol LaidOutValues: Sendable {
    /// The requirement `RequiredCharacters.requirement(of:caseInsensitive:)` gives `pattern`
    /// (see `RequirementLayout`), if it was laid out.
    func requirement(ofPattern pattern: String, caseInsensitive: Bool) -> RequiredCharacters.Requirement?

    /// The layout (see `SlotListLayout`) of the slot that an inline slot list with these
    /// entries makes, if it was laid out.
    func slotLayout(ofInlineList entries: [String]) -> StaticString?
}

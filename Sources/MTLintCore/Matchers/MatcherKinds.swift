/// Every matcher kind a rule file may name under `match:`. A new kind is a type conforming to
/// `MatcherKind` added here.
public enum MatcherKinds {
    public static let all: [any MatcherKind.Type] = [
        PatternMatcherKind.self,
        PhraseMatcherKind.self,
        LineMatcherKind.self,
        CaptionSlugMatcherKind.self,
        TruncatedTitleMatcherKind.self,
        QuoteModelMatcherKind.self,
        DictionarySplitMatcherKind.self,
        SlotPhraseMatcherKind.self,
        RepeatedWordMatcherKind.self,
        // Page furniture (Matchers/Furniture)
        FurnitureLabelMatcherKind.self,
        FurnitureLineMatcherKind.self,
        InlineFurnitureMatcherKind.self,
        SiteNameSuffixMatcherKind.self,
    ]

    public static var keys: [String] { all.map { $0.key } }
}

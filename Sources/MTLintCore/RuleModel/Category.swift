/// The kind of artifact a rule finds. The raw values are stable: they appear in every output
/// format and in `--select`/`--ignore`, so a category may be added but never renamed.
public enum Category: String, Sendable, CaseIterable, Codable {
    case quoteSpacing = "quote-spacing"
    case quoteUnbalanced = "quote-unbalanced"
    case quoteStyleMixed = "quote-style-mixed"
    case brokenQuoteSplit = "broken-quote-split"
    case captionSlug = "caption-slug"
    case photoCredit = "photo-credit"
    case boilerplate = "boilerplate"
    case gluedWords = "glued-words"
    case truncatedTitle = "truncated-title"
    case frenchTypography = "french-typography"
    case nbsp = "nbsp"
    case numberFormat = "number-format"
    case calque = "calque"
    case spacing = "spacing"
    case punctuation = "punctuation"
    case suppression = "suppression"
    case other = "other"
}

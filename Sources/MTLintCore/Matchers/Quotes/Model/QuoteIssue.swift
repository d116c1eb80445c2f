/// A place where the model's reading of the marks disagrees with how they are written, with its
/// repair. Each quote rule reports the issues of one kind.
public struct QuoteIssue: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// White space on the wrong side of a mark, a mark glued to a word, or an opening mark
        /// drawn as a closing one (a smart-quote pass chose by the spaces).
        case spacing
        /// A mark of another system than the text's (« », „ “, Swedish ” ”), a closing mark drawn
        /// as an opening one, or a straight mark among curly ones (or the reverse).
        case style
        /// An opening or closing mark the text lacks, a mark that belongs to no quotation, or an
        /// attribution written inside the quotation without closing and reopening it.
        case unbalanced
        /// A quotation broken by a spurious sentence or paragraph break.
        case split
        /// Spaces inside « » (French typography).
        case guillemetSpacing = "guillemet-spacing"
    }

    public var kind: Kind
    /// What the finding covers (UTF-16 offsets).
    public var range: Range<Int>
    public var edits: [Edit]
    public var applicability: Applicability
    /// What is wrong, in words (`${problem}`).
    public var problem: String
    /// The repaired text of the reported span, or a description of the repair (`${replacement}`).
    public var replacement: String
}

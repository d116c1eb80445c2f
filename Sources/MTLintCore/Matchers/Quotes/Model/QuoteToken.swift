/// One quotation mark of a document as the model sees it: the glyph, what flanks it, and the
/// few facts about the words around it that tell an opening from a closing mark.
struct QuoteToken: Sendable {
    /// UTF-16 offset of the mark.
    var position: Int
    var glyph: QuoteGlyph
    var before: QuoteNeighbour
    var after: QuoteNeighbour
    /// Index of the block (paragraph) the mark is in.
    var block: Int
    /// Only white space between the block's start and the mark.
    var opensBlock: Bool
    /// Only white space between the mark and the block's end.
    var endsBlock: Bool
    /// A reporting clause follows (`”, he said`, `” insisted the mayor`): the mark closes.
    var attributionFollows: Bool
    /// A colon or a reporting verb comes just before (`she said: “`): the mark opens.
    var introduced: Bool
    /// A full stop and a lower-case word follow, and another closing mark comes a few words
    /// later (`“support”. very concrete ”to`): the mark may be a spurious split.
    var splitContinuation: Bool
    /// First- or second-person words (`I`, `we`, `you`, `our`) since the previous mark of the
    /// block: speech, so a closing mark here may close a quotation whose opening mark is lost.
    var speechBefore: Bool
    /// A single mark that may be an apostrophe (`students’`, `’em`) or a double mark right
    /// after a digit that may be an inch mark (`a 12" record`): the model may leave it alone.
    var mayBeOther: Bool
    /// The white space right before and right after the mark (UTF-16 ranges, possibly empty).
    var spaceBefore: Range<Int>
    var spaceAfter: Range<Int>

    var end: Int { position + (glyph.scalar > 0xFFFF ? 2 : 1) }
    var range: Range<Int> { position..<end }
}

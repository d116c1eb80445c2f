import ICUText

/// The document-wide counts of double quotation marks the quotation-mark model decides style
/// by: which kind, straight or curly, the text is mostly written in, and whether ” is a
/// Swedish-style opening mark (only when the document has no “ at all).
///
/// Counts add up: a large file linted in parts (`DocumentPartition`) counts each part once,
/// sums them, and gives every part the file's totals, so a part decides as the whole file would.
public struct QuoteCensus: Sendable, Equatable {
    /// “ and ” marks.
    public var curlyDouble = 0
    /// Straight " marks (inch marks after a digit not counted).
    public var straightDouble = 0
    /// “ marks.
    public var curlyOpen = 0
    /// ” marks in an opening position (after a space or line start, before a word character).
    public var swedishOpeners = 0

    public init() {}

    /// The counts of `document`'s paragraphs; `openers` gets each Swedish-style opener's offset.
    public init(_ document: Document, openers: inout [Int]) {
        let text = document.text
        for paragraph in document.paragraphs {
            var straightOpen = false
            var i = paragraph.lowerBound
            while i < paragraph.upperBound {
                // Most units are not double quotes: skip them without decoding neighbours.
                let unit = text[i]
                guard unit == 0x201C || unit == 0x201D || unit == 0x22 else { i += 1; continue }
                let before: UInt32? = i > paragraph.lowerBound ? text.codePoint(before: i) : nil
                let after: UInt32? = i + 1 < paragraph.upperBound ? text.codePoint(at: i + 1) : nil
                switch unit {
                case 0x201C:
                    curlyDouble += 1
                    curlyOpen += 1
                case 0x201D:
                    curlyDouble += 1
                    if Self.isOpeningContext(before), QuoteNeighbour.of(after) == .word {
                        swedishOpeners += 1
                        openers.append(i)
                    }
                default:
                    if !straightOpen, let b = before, b >= 0x30 && b <= 0x39 { break }  // inch mark
                    straightDouble += 1
                    straightOpen.toggle()
                }
                i += 1
            }
        }
    }

    /// Nothing, white space, an opening bracket or dash, a slash, or another opening mark: a
    /// mark after one of these opens a quotation.
    static func isOpeningContext(_ before: UInt32?) -> Bool {
        switch QuoteNeighbour.of(before) {
        case .edge, .space, .openBracket, .dash, .slash: return true
        case .mark: return before.map { [0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039].contains($0) } ?? false
        default: return false
        }
    }

    /// The counts of `document`'s paragraphs.
    public init(_ document: Document) {
        var ignored: [Int] = []
        self.init(document, openers: &ignored)
    }

    public static func + (left: QuoteCensus, right: QuoteCensus) -> QuoteCensus {
        var sum = left
        sum.curlyDouble += right.curlyDouble
        sum.straightDouble += right.straightDouble
        sum.curlyOpen += right.curlyOpen
        sum.swedishOpeners += right.swedishOpeners
        return sum
    }
}

import ICUText

/// The document-wide counts of double quotation marks that `quote-style` decides by: a
/// document written in curly or straight quotes throughout is left alone, and ” is taken for
/// a Swedish-style opening mark only when the document has no “ at all.
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
                    if QuoteMarks.isOpeningContext(before), after.map(QuoteMarks.isWordCharacter) ?? false {
                        swedishOpeners += 1
                        openers.append(i)
                    }
                default:
                    if !straightOpen, before.map(QuoteMarks.isDigit) ?? false { break }  // inch mark
                    straightDouble += 1
                    straightOpen.toggle()
                }
                i += 1
            }
        }
    }

    /// The counts of `document`'s paragraphs.
    public init(_ document: Document) {
        var ignored: [Int] = []
        self.init(document, openers: &ignored)
    }

    /// A census read from a file's bytes without decoding them, when the bytes alone settle every
    /// decision `quote-style` makes: the file has a “ (so ” is never taken for a Swedish opener),
    /// and its straight marks are certainly counted (none at all, or one not after a digit, so
    /// not an inch mark). The counts are then 0 or 1 — presence is all the decisions use. Nil
    /// when the parts must be counted.
    public static func settled(by bytes: UnsafeBufferPointer<UInt8>) -> QuoteCensus? {
        var curlyOpen = false, curlyClose = false, straight = false, straightAfterDigit = false
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x22 {
                if i > 0, bytes[i - 1] >= 0x30, bytes[i - 1] <= 0x39 { straightAfterDigit = true } else { straight = true }
            } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C { curlyOpen = true } else if bytes[i + 2] == 0x9D { curlyClose = true }
            }
            i += 1
        }
        guard curlyOpen, straight || !straightAfterDigit else { return nil }
        var census = QuoteCensus()
        census.curlyOpen = 1
        census.curlyDouble = curlyOpen || curlyClose ? 1 : 0
        census.straightDouble = straight ? 1 : 0
        return census
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

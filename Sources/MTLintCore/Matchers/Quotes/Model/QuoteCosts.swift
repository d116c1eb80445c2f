/// What each reading of a mark costs: the model picks the cheapest well-formed reading of the
/// document's marks. A cost is a degree of implausibility — 0 for how edited English writes a
/// mark, a few points for one slip (a space on the wrong side, a mark turned the wrong way), more
/// for a mark that belongs nowhere. The figures were set by hand so that one visible slip costs
/// less than inventing a missing mark, which costs less than discarding a mark that fits.
enum QuoteCosts {
    // An opening mark, by what precedes it.
    static func openBefore(_ n: QuoteNeighbour) -> Double {
        switch n {
        case .edge, .space, .openBracket, .dash, .slash, .mark: 0
        case .word: 3
        case .terminal, .comma: 2.5
        case .closeBracket: 2
        case .other: 1
        }
    }

    // An opening mark, by what follows it.
    static func openAfter(_ n: QuoteNeighbour) -> Double {
        switch n {
        case .word, .openBracket, .mark, .other: 0
        case .terminal: 3  // “… is fine; “. is not (the … case is priced in `ellipsis`)
        case .dash: 1
        case .space: 3
        case .comma, .closeBracket: 5
        case .slash: 2
        case .edge: 6
        }
    }

    // A closing mark, by what precedes it.
    static func closeBefore(_ n: QuoteNeighbour) -> Double {
        switch n {
        case .word, .terminal, .comma, .closeBracket, .mark, .other: 0
        case .space: 3
        case .dash: 1
        case .openBracket: 5
        case .slash: 2
        case .edge: 6
        }
    }

    // A closing mark, by what follows it.
    static func closeAfter(_ n: QuoteNeighbour) -> Double {
        switch n {
        case .edge, .space, .terminal, .comma, .closeBracket, .dash, .mark, .slash: 0
        case .word: 3
        case .openBracket: 1
        case .other: 0.5
        }
    }

    /// A mark with its space on the wrong side (`text ”word`, `word“ text`): one slip.
    static let wrongSide = 3.5
    /// A mark drawn pointing the other way (” opening, “ closing) in English text.
    static let turned = 2.0
    /// A closing mark of another system than its opening mark's (“…»).
    static let mixedPair = 0.5
    /// „ as a closing mark: never.
    static let impossible = 12.0
    /// A reporting clause after a closing mark (`”, he said`), a colon or reporting verb before an
    /// opening mark: evidence for that reading.
    static let attributionBonus = 2.0
    static let introductionBonus = 1.0
    /// First- or second-person words before a closing mark with no quotation open: speech,
    /// whose opening mark was lost.
    static let speechBonus = 2.5
    /// A double quotation inside a double quotation (English nests single marks).
    static let nestedDouble = 1.0
    /// A mark that belongs nowhere (deleted by the reading).
    static let strayDouble = 6.0
    static let straySingle = 3.0
    /// A closing mark taken for a spurious split (`“support”. very concrete ”to`).
    static let splitStray = 1.0
    /// A closing mark followed by a full stop and a lower-case continuation, with another
    /// closing mark a few words on: evidence against an ordinary closing.
    static let splitEvidence = 3.0
    /// A quotation continued into the next paragraph, which reopens it (correct English, but
    /// a reading that needs a long quotation).
    static let continuation = 1.0
    /// An apostrophe or an inch mark (left alone).
    static let other = 0.3
    /// An opening mark the text lacks (inserted before a closing mark with none open).
    static let missingOpening = 5.0
    /// A closing mark the text lacks (at the end of a paragraph that does not continue).
    static let missingClosing = 5.0
    /// A quotation running on into the next paragraph without a closing mark there or an
    /// opening mark at the next one's start.
    static let carried = 3.0
    /// The same, when the quotation opened at the very end of its paragraph and closes at the
    /// start of a later one: a page that put the quoted words in a paragraph of their own.
    static let carriedFromEdge = 0.5
    /// A quotation opened at the very end of a paragraph and closed anywhere but at the start
    /// of a later one: the edge reading did not hold.
    static let edgeNotClosedAtStart = 4.0
    /// Readings more than this above the best are dropped while reading.
    static let beam = 16.0
}

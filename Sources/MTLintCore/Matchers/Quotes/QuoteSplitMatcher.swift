import ICUText

/// `match: { quote-split: { terminators: '.', max-words: 8 } }` (or `quote-split: true`)
///
/// Finds a quotation that machine translation split with a spurious sentence terminator and
/// whose marks it then misplaced: `to offer “help”. very quick ”to the region.` The evidence is
/// a closing mark of an open quotation next to a terminator (`”.` or `.”`), a continuation that
/// starts in lower case — so ICU's sentence rules (UAX #29 SB8) keep it in the same sentence as
/// the quotation, which a real sentence end would not be — and, within `max-words` words and no
/// other mark or terminator, a second closing mark that is the one the quotation really ended
/// with. Works in the rule's scope segments (ICU sentences by default).
///
/// The proposed edits remove the early mark and the terminator and close the quotation once
/// at the second mark, with the space after it: `to offer “help very quick” to the region.`
/// Both `”to` and `” to` (after a spacing rule's fix) give the same result, so the two rules
/// converge. Values: `${fragment}` (the words between the two marks), `${mark}` (the closing mark).
public struct QuoteSplitMatcherKind: MatcherKind {
    public static let key = "quote-split"
    static let ownKeys = ["terminators", "max-words"]

    /// Characters taken as the spurious sentence end.
    public let terminators: Set<UInt32>
    /// The most words the continuation may have before the second closing mark.
    public let maxWords: Int

    public init(terminators: String = ".", maxWords: Int = 8) {
        self.terminators = Set(terminators.unicodeScalars.map(\.value))
        self.maxWords = maxWords
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        var terminators = "."
        if let node = options["terminators"] {
            terminators = try node.string("a string of terminator characters")
            guard !terminators.isEmpty, terminators.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .otherPunctuation }) else {
                throw ConfigError("terminators: expected punctuation characters such as '.!?'", at: node.mark)
            }
        }
        let maxWords = try options["max-words"]?.int(in: 1...40) ?? 8
        return Self(terminators: terminators, maxWords: maxWords)
    }

    public var valueNames: [String] { ["fragment", "mark"] }
    public var proposesEdits: Bool { true }
    public var scopes: [Scope] { [.sentence, .paragraph, .line] }
    /// Every match follows an opening mark in its segment: segments without one are skipped
    /// (and, in sentence scope, never segmented).
    public var requiredLiterals: RequiredLiterals? { Self.openingMarks }
    static let openingMarks = RequiredLiterals(["“", "„", "«", "\""])

    public func makeMatcher() throws(ICUError) -> any Matcher { QuoteSplitMatcher(kind: self) }
}

final class QuoteSplitMatcher: Matcher {
    let kind: QuoteSplitMatcherKind

    init(kind: QuoteSplitMatcherKind) { self.kind = kind }

    static func isClosingDouble(_ c: UInt32) -> Bool { c == 0x201D || c == 0x22 || c == 0xBB }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let text = document.text
        for segment in segments {
            var openAt: Int?
            var i = segment.lowerBound
            while i < segment.upperBound {
                let c = text.codePoint(at: i)
                let next = text.index(after: i)
                switch c {
                case 0x201C, 0x201E, 0xAB:
                    openAt = i
                case 0x22 where openAt == nil:
                    openAt = i
                case 0x201D, 0x22, 0xBB:
                    if openAt != nil, let match = split(at: i, in: document, segment: segment) {
                        emit(match)
                        openAt = nil
                        i = match.range.upperBound
                        continue
                    }
                    openAt = nil
                default:
                    break
                }
                i = next
            }
        }
    }

    /// The split whose first closing mark is at `first`, if the text around it has that shape.
    func split(at first: Int, in document: Document, segment: Range<Int>) -> Match? {
        let text = document.text
        let end = segment.upperBound
        // The terminator: right after the mark (”.) or right before it (.”).
        let removal: Range<Int>
        let afterMark = first + 1
        if afterMark < end, kind.terminators.contains(text.codePoint(at: afterMark)) {
            removal = first..<(afterMark + 1)
        } else if first > segment.lowerBound, kind.terminators.contains(text.codePoint(before: first)) {
            removal = text.index(before: first)..<afterMark
        } else {
            return nil
        }
        // White space (not a line break), then a lower-case continuation.
        var f = removal.upperBound
        guard f < end, QuoteMarks.isSpace(text.codePoint(at: f)) else { return nil }
        while f < end, Self.isInlineSpace(text.codePoint(at: f)) { f = text.index(after: f) }
        guard f < end, QuoteMarks.isLowercase(text.codePoint(at: f)) else { return nil }
        // The continuation up to the second closing mark: words only.
        var j = f
        var words = 0
        var inWord = false
        while j < end {
            let c = text.codePoint(at: j)
            if Self.isClosingDouble(c) { break }
            if QuoteMarks.isWordCharacter(c) || c == 0x2019 || c == 0x27 || c == 0x2D {
                if !inWord { words += 1 }
                inWord = true
            } else if Self.isInlineSpace(c) {
                inWord = false
            } else {
                return nil  // punctuation, another mark or a line break: not this shape
            }
            guard words <= kind.maxWords else { return nil }
            j = text.index(after: j)
        }
        guard j < end, words > 0 else { return nil }
        let second = j
        let mark = text.codePoint(at: first)
        guard text.codePoint(at: second) == mark || (mark != 0x22 && text.codePoint(at: second) != 0x22) else { return nil }
        // Close once at the second mark, hugging the last word, with a space before a following word.
        var spaceStart = second
        while spaceStart > f, Self.isInlineSpace(text.codePoint(before: spaceStart)) { spaceStart = text.index(before: spaceStart) }
        let afterSecond = second + 1
        let wordFollows = afterSecond < end && QuoteMarks.isWordCharacter(text.codePoint(at: afterSecond))
        let closing = document.string(second..<afterSecond)
        var edits = [Edit(range: removal, replacement: "")]
        edits.append(Edit(range: spaceStart..<afterSecond, replacement: closing + (wordFollows ? " " : "")))
        return Match(range: removal.lowerBound..<afterSecond,
                     values: ["fragment": document.string(f..<spaceStart), "mark": closing],
                     edits: edits)
    }

    static func isInlineSpace(_ c: UInt32) -> Bool { c != 0x0A && c != 0x0D && QuoteMarks.isSpace(c) }
}

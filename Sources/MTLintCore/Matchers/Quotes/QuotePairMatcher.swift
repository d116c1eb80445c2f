import ICUText

/// `match: { quote-pairs: { continuation: true, single-quotes: true, elisions: [em, til, ...] } }`
/// (or `quote-pairs: true` for the defaults)
///
/// Pairs the quotation marks of each paragraph with a stack, over ICU's Quotation_Mark property,
/// with nesting (“ ‘ ’ ”), and reports a quotation opened and not closed, or closed and not
/// opened. Precision comes first, so marks with another reading are left alone:
///
/// - `’` and `'` are apostrophes between letters (`don’t`, `l’OTAN`), before a letter or digit
///   at the start of a word (`’90s`, `rock ’n’ roll`), and after a word when no single quotation
///   is open (`students’`); a single closing mark without an opening one is never reported.
/// - `'` and `"` (or `’`, `”`) right after a digit are foot and inch marks (`5' 11"`, `a 12" record`).
/// - straight `"` is paired by alternation: it closes the innermost quotation when that was
///   opened by a straight mark, else it opens one.
/// - `”` with no quotation open, in an opening position (after a space, before a letter), is
///   taken as an opening mark pointing the wrong way (Swedish style or a smart-quote slip):
///   other rules report the direction, this one only the balance.
/// - `»` and `›` between spaces are separators (`Home » World`), not quotes.
/// - with `continuation`, quotations left open at the end of a paragraph are correct when the
///   next paragraph starts with an opening mark (English continues a quotation that way).
///
/// Values: `${mark}` (the mark) and `${problem}` (`is opened and never closed` /
/// `closes a quotation that was never opened`).
public struct QuotePairMatcherKind: MatcherKind {
    public static let key = "quote-pairs"
    static let ownKeys = ["continuation", "single-quotes", "elisions"]

    /// Quotations left open at a paragraph's end are fine when the next one opens again.
    public let continuation: Bool
    /// Whether unclosed curly single quotes (‘) are reported.
    public let singleQuotes: Bool
    /// Lower-cased words that a leading `‘` or `'` elides into (`’em`, `’til`): apostrophes.
    public let elisions: Set<String>

    public static let defaultElisions: [String] = ["em", "til", "cause", "cos", "tis", "twas", "n", "bout", "round", "s"]

    public init(continuation: Bool = true, singleQuotes: Bool = true, elisions: [String] = Self.defaultElisions) {
        self.continuation = continuation
        self.singleQuotes = singleQuotes
        self.elisions = Set(elisions.map { $0.lowercased() })
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let continuation = try options["continuation"]?.bool() ?? true
        let singleQuotes = try options["single-quotes"]?.bool() ?? true
        var elisions = defaultElisions
        if let node = options["elisions"] {
            elisions = try node.stringList()
            for word in elisions where word.isEmpty || !word.allSatisfy(\.isLetter) {
                throw ConfigError("elisions: '\(word)' is not a word", at: node.mark)
            }
        }
        return Self(continuation: continuation, singleQuotes: singleQuotes, elisions: elisions)
    }

    public var valueNames: [String] { ["mark", "problem"] }
    public var scopes: [Scope] { [.paragraph] }

    public func makeMatcher() throws(ICUError) -> any Matcher { QuotePairMatcher(kind: self) }
}

final class QuotePairMatcher: Matcher {
    let kind: QuotePairMatcherKind

    init(kind: QuotePairMatcherKind) { self.kind = kind }

    static let unclosed = "is opened and never closed"
    static let unopened = "closes a quotation that was never opened"

    /// An open quotation on the stack.
    struct Opening {
        var position: Int
        var mark: UInt32
        /// A double quotation (as opposed to a single one).
        var isDouble: Bool
        /// Whether an unclosed one is worth reporting (straight `'` and low `‚` are not: they
        /// are too often something else).
        var reportable: Bool
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let text = document.text
        for (index, segment) in segments.enumerated() {
            var found: [(Int, UInt32, String)] = []
            let open = analyse(text, segment, problems: &found)
            let leftovers = open.filter { $0.reportable && ($0.isDouble || kind.singleQuotes) }
            if !leftovers.isEmpty {
                let continues = kind.continuation && open.contains(where: \.isDouble)
                    && index + 1 < segments.count && QuoteMarks.startsWithOpeningMark(text, segments[index + 1])
                if !continues {
                    for opening in leftovers { found.append((opening.position, opening.mark, Self.unclosed)) }
                }
            }
            found.sort { $0.0 < $1.0 }
            for (position, _, problem) in found {
                let end = text.index(after: position)
                emit(Match(range: position..<end, values: ["mark": document.string(position..<end), "problem": problem]))
            }
        }
    }

    /// Walks one paragraph; appends stray closing marks (and single quotations a double one
    /// closed over) to `problems` and returns what is still open at its end.
    func analyse(_ text: UTF16Text, _ segment: Range<Int>, problems: inout [(Int, UInt32, String)]) -> [Opening] {
        var stack: [Opening] = []
        var i = segment.lowerBound
        while i < segment.upperBound {
            let c = text.codePoint(at: i)
            let next = text.index(after: i)
            defer { i = next }
            guard c == 0x22 || c == 0x27 || (c >= 0xAB && CharacterProperties.isQuotationMark(c)) else { continue }
            let before: UInt32? = i > segment.lowerBound ? text.codePoint(before: i) : nil
            let after: UInt32? = next < segment.upperBound ? text.codePoint(at: next) : nil
            let opensByContext = QuoteMarks.isOpeningContext(before) && after.map { !QuoteMarks.isSpace($0) } ?? false

            /// Closes the innermost double quotation; singles open inside it were never closed.
            func closeDouble(where accept: (Opening) -> Bool = { _ in true }) -> Bool {
                guard let index = stack.lastIndex(where: { $0.isDouble && accept($0) }) else { return false }
                for inner in stack[(index + 1)...] where inner.reportable && kind.singleQuotes {
                    problems.append((inner.position, inner.mark, Self.unclosed))
                }
                stack.removeSubrange(index...)
                return true
            }
            func closeSingle(opener: (UInt32) -> Bool) -> Bool {
                guard let top = stack.last, !top.isDouble, opener(top.mark) else { return false }
                stack.removeLast()
                return true
            }
            func push(double: Bool, reportable: Bool = true) {
                stack.append(Opening(position: i, mark: c, isDouble: double, reportable: reportable))
            }

            switch c {
            case 0x201C:  // “ opens, or closes a German „
                if let top = stack.last, top.mark == 0x201E { stack.removeLast() } else { push(double: true) }
            case 0x201E:  // „
                push(double: true)
            case 0x201D:  // ”
                if closeDouble() { break }
                if before.map(QuoteMarks.isDigit) ?? false { break }  // an inch mark: 12”
                if opensByContext { push(double: true) } else { problems.append((i, c, Self.unopened)) }
            case 0x22:  // " by alternation
                if let top = stack.last(where: \.isDouble), top.mark == 0x22 {
                    _ = closeDouble()
                } else if before.map(QuoteMarks.isDigit) ?? false, !opensByContext {
                    break  // an inch mark: 5' 11", a 12" record
                } else if !stack.contains(where: \.isDouble) || opensByContext {
                    push(double: true)
                } else {
                    _ = closeDouble()  // closes a curly opening: mixed styles, but balanced
                }
            case 0x2018:  // ‘ opens, or closes a German ‚
                if closeSingle(opener: { $0 == 0x201A }) { break }
                if before.map(QuoteMarks.isWordCharacter) ?? false, after.map(QuoteMarks.isWordCharacter) ?? false { break }  // Russia‘s: a wrong-glyph apostrophe
                if isElision(text, next, segment) { break }
                push(double: false)
            case 0x201A:  // ‚ looks like a comma: only after a space and before a letter
                if QuoteMarks.isOpeningContext(before), after.map(QuoteMarks.isLetter) ?? false { push(double: false, reportable: false) }
            case 0x2019, 0x27:  // ’ and ': apostrophe, prime or closing single mark
                let letterBefore = before.map(QuoteMarks.isWordCharacter) ?? false
                let letterAfter = after.map(QuoteMarks.isWordCharacter) ?? false
                if letterBefore && letterAfter { break }  // don’t, l’OTAN
                if QuoteMarks.isOpeningContext(before) && letterAfter {
                    // ’90s, ’n’, ’em — or a straight opening mark
                    if c == 0x27, !(after.map(QuoteMarks.isDigit) ?? false), !isElision(text, next, segment) {
                        push(double: false, reportable: false)
                    }
                    break
                }
                _ = closeSingle(opener: { $0 == 0x2018 || $0 == 0x27 })  // else: students’, 5'
            case 0xAB:  // «
                if let top = stack.last, top.mark == 0xBB { stack.removeLast() } else { push(double: true) }
            case 0xBB:  // »
                if closeDouble(where: { $0.mark == 0xAB }) { break }
                if QuoteMarks.isSeparatorPosition(before, after) { break }  // Home » World
                push(double: true)
            case 0x2039:  // ‹
                if let top = stack.last, top.mark == 0x203A { stack.removeLast() } else { push(double: false) }
            case 0x203A:  // ›
                if closeSingle(opener: { $0 == 0x2039 }) { break }
                if QuoteMarks.isSeparatorPosition(before, after) { break }
                push(double: false)
            case 0x300C, 0x300E:  // 「 『
                push(double: c == 0x300C)
            case 0x300D, 0x300F:  // 」 』
                let opener: UInt32 = c == 0x300D ? 0x300C : 0x300E
                if let index = stack.lastIndex(where: { $0.mark == opener }) {
                    stack.removeSubrange(index...)
                } else {
                    problems.append((i, c, Self.unopened))
                }
            default:
                break  // other Quotation_Mark characters (‛ ‟ 〝 ＂ ...) carry no direction we trust
            }
        }
        return stack
    }

    /// Whether the word starting at `start` is one a leading apostrophe elides into, or a number.
    func isElision(_ text: UTF16Text, _ start: Int, _ segment: Range<Int>) -> Bool {
        var end = start
        var word = ""
        while end < segment.upperBound {
            let c = text.codePoint(at: end)
            guard QuoteMarks.isWordCharacter(c), let scalar = Unicode.Scalar(c) else { break }
            word.unicodeScalars.append(scalar)
            end = text.index(after: end)
        }
        if let first = word.unicodeScalars.first, QuoteMarks.isDigit(first.value) { return true }
        return !word.isEmpty && kind.elisions.contains(word.lowercased())
    }
}

/// Character classes the quote kinds share.
enum QuoteMarks {
    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isLetter(_ c: UInt32) -> Bool { CharacterProperties.isAlphabetic(c) }
    static func isWordCharacter(_ c: UInt32) -> Bool { isDigit(c) || CharacterProperties.isAlphabetic(c) }
    static func isSpace(_ c: UInt32) -> Bool { CharacterProperties.isWhiteSpace(c) }
    static func isLowercase(_ c: UInt32) -> Bool { CharacterProperties.isLowercase(c) }
    static func isUppercase(_ c: UInt32) -> Bool { CharacterProperties.isUppercase(c) }

    /// Characters after which a mark opens a quotation: nothing, white space, an opening bracket
    /// or dash, a slash, or another opening mark.
    static func isOpeningContext(_ before: UInt32?) -> Bool {
        guard let c = before else { return true }
        if isSpace(c) { return true }
        switch c {
        case 0x28, 0x5B, 0x7B, 0x2F, 0x2014, 0x2013, 0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039: return true
        default: return false
        }
    }

    /// A mark with white space (or a line edge) on both sides: a separator, not a quote.
    static func isSeparatorPosition(_ before: UInt32?, _ after: UInt32?) -> Bool {
        (before.map(isSpace) ?? true) && (after.map(isSpace) ?? true)
    }

    static let openingMarks: Set<UInt32> = [0x201C, 0x201E, 0x22, 0xAB, 0x2018, 0x300C, 0x300E]

    /// Whether the segment's first non-space character is an opening quotation mark.
    static func startsWithOpeningMark(_ text: UTF16Text, _ segment: Range<Int>) -> Bool {
        var i = segment.lowerBound
        while i < segment.upperBound, isSpace(text.codePoint(at: i)) { i = text.index(after: i) }
        guard i < segment.upperBound else { return false }
        return openingMarks.contains(text.codePoint(at: i))
    }
}

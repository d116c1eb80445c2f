import ICUText

/// ```yaml
/// match:
///   quote-style:
///     mixed: true          # straight " and curly “ ” in one document
///     guillemets: true     # « » and ‹ › left in the text
///     low-nine: true       # German „ “ (and ‚ ‘) left in the text
///     swedish: true        # ” used as the opening mark throughout
///     min-swedish: 2       # how many ” openers (and no “) make "throughout"
/// ```
/// (or `quote-style: true` for all of them)
///
/// Finds quotation marks that are not the target language's, and proposes the target's marks
/// from `LintContext.targetQuotes` (ICU locale data: en-US “ ” ‘ ’; `--quotes straight` gives
/// `"` and `'`). Marks equal to the target's are never reported. What the edits rewrite:
///
/// - `« texte »` → `“texte”` (the spaces French sets inside the marks go too), `‹ ›` → `‘ ’`.
///   A guillemet is unambiguous, so this is safe; `»` between spaces with no `«` open is a
///   separator (`Home » World`) and is left alone.
/// - `„text“` → `“text”` and a paired `‚text‘` → `‘text’`: the German closing mark is found by
///   pairing within the paragraph; an unpaired `‚` is left alone (it looks like a comma).
/// - `”text”` → `“text”` when the document never uses `“` and uses `”` as an opener at least
///   `min-swedish` times (an opener: after a space, a line start or a bracket, before a letter
///   or digit). Openers before a capital letter are left to the wrong-way-opening spacing rule,
///   which already turns them, so each mark is reported by one rule.
/// - mixed double quotes: when a document has both straight and curly double quotes, the marks
///   that differ from the target are reported. Curly → straight is always safe. Straight →
///   curly takes its direction from context — opening after a line start, space, bracket or
///   dash and before a non-space; closing after a non-space and before a space, punctuation or
///   the end — and only when the paragraph's straight marks then alternate open, close, open,
///   …; otherwise (or for a mark with spaces on both sides) the finding has no fix. Straight
///   marks after a digit are inch marks (`a 12" record`) and are left alone, as are apostrophes.
///
/// Values: `${mark}`, `${replacement}` and `${problem}`.
public struct QuoteStyleMatcherKind: MatcherKind {
    public static let key = "quote-style"
    static let ownKeys = ["mixed", "guillemets", "low-nine", "swedish", "min-swedish"]

    public let mixed: Bool
    public let guillemets: Bool
    public let lowNine: Bool
    public let swedish: Bool
    public let minSwedish: Int

    public init(mixed: Bool = true, guillemets: Bool = true, lowNine: Bool = true, swedish: Bool = true, minSwedish: Int = 2) {
        self.mixed = mixed
        self.guillemets = guillemets
        self.lowNine = lowNine
        self.swedish = swedish
        self.minSwedish = minSwedish
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        return Self(mixed: try options["mixed"]?.bool() ?? true,
                    guillemets: try options["guillemets"]?.bool() ?? true,
                    lowNine: try options["low-nine"]?.bool() ?? true,
                    swedish: try options["swedish"]?.bool() ?? true,
                    minSwedish: try options["min-swedish"]?.int(in: 1...100) ?? 2)
    }

    public var valueNames: [String] { ["mark", "replacement", "problem"] }
    public var proposesEdits: Bool { true }
    public var scopes: [Scope] { [.document] }

    public func makeMatcher() throws(ICUError) -> any Matcher { QuoteStyleMatcher(kind: self) }
}

final class QuoteStyleMatcher: Matcher {
    let kind: QuoteStyleMatcherKind

    init(kind: QuoteStyleMatcherKind) { self.kind = kind }

    static let spacesInside: Set<UInt32> = [0x20, 0xA0, 0x202F, 0x2009, 0x2007, 0x2002, 0x2003, 0x2005, 0x2006, 0x2008, 0x200A]

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let text = document.text
        let target = context.lint.targetQuotes
        // The document's own counts, or the whole file's when this document is a part of it
        // (then this part's Swedish-style openers are found only if the counts call for them).
        var swedishOpeners: [Int] = []
        let census = context.quoteCensus ?? QuoteCensus(document, openers: &swedishOpeners)
        var matches: [Match] = []
        if kind.guillemets || kind.lowNine {
            for paragraph in document.paragraphs { pairForeignMarks(document, paragraph, target, into: &matches) }
        }
        if kind.swedish, target.open != "”", census.curlyOpen == 0, census.swedishOpeners >= kind.minSwedish {
            if context.quoteCensus != nil { _ = QuoteCensus(document, openers: &swedishOpeners) }
            // An opener before a capital is quotes/spacing-wrong-way-opening's (one rule per mark);
            // this rule reports the others, which need the whole document to be recognised.
            for position in swedishOpeners where !(position + 1 < text.count && QuoteMarks.isUppercase(text.codePoint(at: position + 1))) {
                matches.append(Self.match(document, position..<(position + 1), [Edit(range: position..<(position + 1), replacement: target.open)],
                                          replacement: target.open, problem: "” used as an opening mark (Swedish style)"))
            }
        }
        if kind.mixed, census.curlyDouble > 0, census.straightDouble > 0 {
            if target.open == "\"" {
                for paragraph in document.paragraphs { curlyToStraight(document, paragraph, into: &matches) }
            } else {
                for paragraph in document.paragraphs { straightToCurly(document, paragraph, target, into: &matches) }
            }
        }
        matches.sort { $0.reported.lowerBound < $1.reported.lowerBound }
        for match in matches { emit(match) }
    }

    static func match(_ document: Document, _ reported: Range<Int>, _ edits: [Edit]?, replacement: String, problem: String,
                      applicability: Applicability? = nil) -> Match {
        Match(range: reported, values: ["mark": document.string(reported), "replacement": replacement, "problem": problem], edits: edits,
              applicability: applicability)
    }

    /// « » ‹ › and „ “ ‚ ‘ in one paragraph, paired with a stack.
    func pairForeignMarks(_ document: Document, _ paragraph: Range<Int>, _ target: LocaleQuotes, into matches: inout [Match]) {
        let text = document.text
        struct Open { var position: Int; var mark: UInt32; var edit: Edit }
        var stack: [Open] = []
        /// The edit for an opening mark: the mark and the spaces after it become `replacement`.
        func openEdit(_ i: Int, _ replacement: String) -> Edit {
            var end = i + 1
            while end < paragraph.upperBound, Self.spacesInside.contains(text.codePoint(at: end)) { end += 1 }
            return Edit(range: i..<end, replacement: replacement)
        }
        func closeEdit(_ i: Int, after openEnd: Int, _ replacement: String) -> Edit {
            var start = i
            while start > openEnd, Self.spacesInside.contains(text.codePoint(before: start)) { start -= 1 }
            return Edit(range: start..<(i + 1), replacement: replacement)
        }
        func problem(_ mark: UInt32) -> String {
            mark == 0xAB || mark == 0x2039 ? "French guillemets in English text" : "German low quotation marks in English text"
        }
        func emitOpen(_ open: Open, closing: Edit?) {
            let replacement = open.edit.replacement + (closing?.replacement ?? "")
            matches.append(Self.match(document, open.position..<(open.position + 1), [open.edit] + (closing.map { [$0] } ?? []),
                                      replacement: replacement, problem: problem(open.mark)))
        }
        var i = paragraph.lowerBound
        while i < paragraph.upperBound {
            // Only these marks matter here: skip every other unit without decoding neighbours.
            switch text[i] {
            case 0xAB, 0x2039, 0x201E, 0x201A, 0xBB, 0x203A, 0x201C, 0x201D, 0x2018: break
            default:
                i += 1
                continue
            }
            let c = text.codePoint(at: i)
            let before: UInt32? = i > paragraph.lowerBound ? text.codePoint(before: i) : nil
            let after: UInt32? = i + 1 < paragraph.upperBound ? text.codePoint(at: i + 1) : nil
            switch c {
            case 0xAB where kind.guillemets && target.open != "«":
                stack.append(Open(position: i, mark: c, edit: openEdit(i, target.open)))
            case 0x2039 where kind.guillemets && target.innerOpen != "‹":
                stack.append(Open(position: i, mark: c, edit: openEdit(i, target.innerOpen)))
            case 0x201E where kind.lowNine && target.open != "„":
                stack.append(Open(position: i, mark: c, edit: Edit(range: i..<(i + 1), replacement: target.open)))
            case 0x201A where kind.lowNine && target.innerOpen != "‚":
                if QuoteMarks.isOpeningContext(before), after.map(QuoteMarks.isLetter) ?? false {
                    stack.append(Open(position: i, mark: c, edit: Edit(range: i..<(i + 1), replacement: target.innerOpen)))
                }
            case 0xBB, 0x203A:
                let opener: UInt32 = c == 0xBB ? 0xAB : 0x2039
                if let index = stack.lastIndex(where: { $0.mark == opener }) {
                    let open = stack[index]
                    stack.remove(at: index)
                    emitOpen(open, closing: closeEdit(i, after: open.edit.range.upperBound, c == 0xBB ? target.close : target.innerClose))
                } else if c == 0xBB, kind.guillemets, target.close != "»", !QuoteMarks.isSeparatorPosition(before, after) {
                    // A closing guillemet whose opening one is missing (› alone is too often an arrow).
                    matches.append(Self.match(document, i..<(i + 1), [closeEdit(i, after: paragraph.lowerBound, target.close)],
                                              replacement: target.close, problem: problem(0xAB)))
                }
            case 0x201C, 0x201D:
                if let index = stack.lastIndex(where: { $0.mark == 0x201E }) {
                    let open = stack[index]
                    stack.remove(at: index)
                    let closing = c == 0x201C ? Edit(range: i..<(i + 1), replacement: target.close) : nil
                    emitOpen(open, closing: closing)
                }
            case 0x2018:
                if let index = stack.lastIndex(where: { $0.mark == 0x201A }) {
                    let open = stack[index]
                    stack.remove(at: index)
                    emitOpen(open, closing: Edit(range: i..<(i + 1), replacement: target.innerClose))
                }
            default: break
            }
            i = text.index(after: i)
        }
        // Unclosed « ‹ „ are still foreign marks; an unpaired ‚ may be a comma look-alike.
        for open in stack where open.mark != 0x201A { emitOpen(open, closing: nil) }
    }

    func curlyToStraight(_ document: Document, _ paragraph: Range<Int>, into matches: inout [Match]) {
        let text = document.text
        for i in paragraph where text[i] == 0x201C || (text[i] == 0x201D && !(i > paragraph.lowerBound && QuoteMarks.isDigit(text.codePoint(before: i)))) {
            matches.append(Self.match(document, i..<(i + 1), [Edit(range: i..<(i + 1), replacement: "\"")], replacement: "\"",
                                      problem: "Curly quote in a document that uses straight quotes"))
        }
    }

    func straightToCurly(_ document: Document, _ paragraph: Range<Int>, _ target: LocaleQuotes, into matches: inout [Match]) {
        let text = document.text
        enum Direction { case open, close, unclear }
        var marks: [(Int, Direction)] = []
        var pendingOpen = false
        for i in paragraph where text[i] == 0x22 {
            let before: UInt32? = i > paragraph.lowerBound ? text.codePoint(before: i) : nil
            let after: UInt32? = i + 1 < paragraph.upperBound ? text.codePoint(at: i + 1) : nil
            if !pendingOpen, before.map(QuoteMarks.isDigit) ?? false { continue }  // inch mark
            pendingOpen.toggle()
            let spaceBefore = QuoteMarks.isOpeningContext(before)
            let spaceAfter = after.map { QuoteMarks.isSpace($0) || Self.isClosingFollower($0) } ?? true
            let direction: Direction = spaceBefore && !spaceAfter ? .open : (!spaceBefore && spaceAfter ? .close : .unclear)
            marks.append((i, direction))
        }
        // Safe only when context and alternation agree for every mark of the paragraph.
        let consistent = marks.enumerated().allSatisfy { index, mark in
            mark.1 == (index % 2 == 0 ? .open : .close)
        }
        for (i, direction) in marks {
            let replacement = direction == .open ? target.open : target.close
            let edits = consistent ? [Edit(range: i..<(i + 1), replacement: replacement)] : nil
            // Which way a straight quote turns is read from its neighbours: likely, not certain.
            matches.append(Self.match(document, i..<(i + 1), edits, replacement: consistent ? replacement : target.open + "…" + target.close,
                                      problem: "Straight quote in a document that uses curly quotes", applicability: .unsafe))
        }
    }

    /// Punctuation that may follow a closing mark.
    static func isClosingFollower(_ c: UInt32) -> Bool {
        switch c {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2014, 0x2013, 0x2026, 0x27, 0x2019: return true
        default: return false
        }
    }
}

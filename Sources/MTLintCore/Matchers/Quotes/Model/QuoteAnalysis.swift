import ICUText
#if DEBUG_QUOTE_READING
import Foundation
#endif

/// The quotation marks of a document read once for every quote rule: the cheapest well-formed
/// reading (`QuoteReading`), and the issues where the text disagrees with it (`QuoteIssue`).
/// Computed once per document and configuration (`DocumentScan.shared`).
public struct QuoteAnalysis: Sendable {
    public var issues: [QuoteIssue]

    /// The document's straight and curly double marks, or the whole file's for a part of it.
    struct Style {
        /// The marks fixes write: the target's, or straight ones where the text is straight.
        var open: String, close: String, innerOpen: String, innerClose: String
        /// Whether the document is written in straight marks (more straight double marks than
        /// curly ones): house style, left alone.
        var straightHouse: Bool
        var swedish: Bool
        /// The target's curly marks (`--quotes` may make them straight).
        var targetOpen: String, targetClose: String, targetInnerOpen: String, targetInnerClose: String
        /// One kind outnumbers the other three to one: a quotation of the other kind is a stray.
        var curlyMajority: Bool
        var straightMajority: Bool
        /// The system of the target's marks (German targets write „…“): never foreign.
        var native: QuoteSystem
    }

    public init(document: Document, target: LocaleQuotes, vocabulary: QuoteVocabulary, census: QuoteCensus?) {
        let blocks = QuoteBlocks.of(document)
        let scanner = QuoteScanner(text: document.text, vocabulary: vocabulary)
        let tokens = scanner.tokens(in: blocks)
        guard !tokens.isEmpty else {
            issues = []
            return
        }
        let counts = census ?? QuoteCensus(document)
        let straightHouse = counts.straightDouble > counts.curlyDouble
        let swedish = counts.curlyOpen == 0 && counts.swedishOpeners >= 2
        let native = target.open.unicodeScalars.first.flatMap { QuoteGlyph.of($0.value)?.openingSystem } ?? .english
        let curlyMajority = counts.curlyDouble >= 4 && counts.curlyDouble >= 3 * counts.straightDouble
        let straightMajority = counts.straightDouble >= 4 && counts.straightDouble >= 3 * counts.curlyDouble
        let style = straightHouse
            ? Style(open: "\"", close: "\"", innerOpen: "'", innerClose: "'", straightHouse: true, swedish: swedish,
                    targetOpen: target.open, targetClose: target.close, targetInnerOpen: target.innerOpen, targetInnerClose: target.innerClose,
                    curlyMajority: curlyMajority, straightMajority: straightMajority, native: native)
            : Style(open: target.open, close: target.close, innerOpen: target.innerOpen, innerClose: target.innerClose,
                    straightHouse: false, swedish: swedish,
                    targetOpen: target.open, targetClose: target.close, targetInnerOpen: target.innerOpen, targetInnerClose: target.innerClose,
                    curlyMajority: curlyMajority, straightMajority: straightMajority, native: native)
        let reading = QuoteReading.read(tokens, blockCount: blocks.count, swedishDocument: swedish)
        #if DEBUG_QUOTE_READING
        // A trace of the reading for people tuning the model: build with
        // `-Xswiftc -DDEBUG_QUOTE_READING` and set MTLINT_DEBUG_QUOTES=1.
        if getenv("MTLINT_DEBUG_QUOTES") != nil {
            for (i, t) in tokens.enumerated() {
                let ctx = document.text.string(max(0, t.position - 25)..<min(document.text.count, t.end + 25)).replacingNewlines
                FileHandle.standardError.write("\(document.lineIndex(containing: t.position) + 1) \(reading.roles[i]) p=\(reading.partners[i].map(String.init) ?? "-") #\(i) b\(t.block) [\(ctx)] att=\(t.attributionFollows) intro=\(t.introduced)\n")
            }
            for c in reading.carries { FileHandle.standardError.write("carry \(c)\n") }
        }
        #endif
        var builder = QuoteIssueBuilder(document: document, blocks: blocks, reading: reading, style: style, scanner: scanner)
        builder.build()
        issues = builder.issues.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// Turns a reading into issues.
struct QuoteIssueBuilder {
    let document: Document
    var text: UTF16Text { document.text }
    let blocks: [Range<Int>]
    let reading: QuoteReading
    let style: QuoteAnalysis.Style
    let scanner: QuoteScanner
    var issues: [QuoteIssue] = []
    /// Tokens whose spacing a pair issue already covers.
    /// By token index (an array: it is read for every mark).
    lazy var coveredSpacing = [Bool](repeating: false, count: tokens.count)

    var tokens: [QuoteToken] { reading.tokens }

    func string(_ range: Range<Int>) -> String { text.string(range) }

    mutating func build() {
        for index in tokens.indices {
            switch reading.roles[index] {
            case .open, .reopen: markIssues(index, opening: true)
            case .close, .closeUnopened: markIssues(index, opening: false)
            case .stray: strayIssue(index)
            case .other: break
            }
            if reading.roles[index] == .closeUnopened { missingOpeningIssue(index) }
        }
        for (opener, block) in reading.unclosed { missingClosingIssue(opener, lastBlock: block) }
        // Each opener's carries together (they are in text order, an opener's in a row).
        var start = 0
        let carries = reading.carries
        while start < carries.count {
            var end = start + 1
            while end < carries.count, carries[end].opener == carries[start].opener { end += 1 }
            carryIssue(carries[start], all: carries[start..<end])
            start = end
        }
        for index in tokens.indices {
            if case .open = reading.roles[index], let closer = reading.partners[index] {
                attributionInside(index, closer)
                narrationInside(index, closer)
            }
        }
    }

    // MARK: Marks

    /// The system a quotation is written in: its opening mark's, or the closing mark's when the
    /// opening is missing.
    func system(of index: Int) -> QuoteSystem {
        let opener: Int
        switch reading.roles[index] {
        case .open, .reopen: opener = index
        case .close: opener = reading.partners[index] ?? index
        case .closeUnopened:
            // Its opening mark is lost: an English closing mark, or drawn as an opening one.
            let glyph = tokens[index].glyph
            return glyph.scalar == 0x201C || glyph.scalar == 0x2018 ? .english : glyph.closes.first ?? .english
        default: opener = index
        }
        if case .open(let system) = reading.roles[opener] { return system }
        let glyph = tokens[opener].glyph
        if reading.roles[opener] == .reopen { return glyph.openingSystem ?? .english }
        return glyph.closes.first ?? glyph.opens.first ?? .english
    }

    /// The mark a fix writes for a token in its role.
    func desired(_ index: Int, opening: Bool) -> String {
        let inner = tokens[index].glyph.size == .single
        switch (opening, inner) {
        case (true, false): return style.open
        case (false, false): return style.close
        case (true, true): return style.innerOpen
        case (false, true): return style.innerClose
        }
    }

    /// Whether the token's glyph points against its role in a system that does not draw it so.
    func isTurned(_ index: Int, opening: Bool) -> Bool {
        let glyph = tokens[index].glyph
        let system = self.system(of: index)
        if opening {
            guard glyph.drawnDirection < 0 else { return false }
            return !(system == .germanGuillemet || (system == .swedish && style.swedish))
        }
        guard glyph.drawnDirection > 0 else { return false }
        return !(glyph.closes.contains(system) && !system.isEnglish)
    }

    /// The edit that writes the token as `mark`, removing the white space on its inner side
    /// (`fixInner`) and adding a space on its outer side where it touches a word (`fixOuter`).
    func repair(_ index: Int, opening: Bool, mark: String, fixInner: Bool, fixOuter: Bool) -> Edit {
        let token = tokens[index]
        var lower = token.position, upper = token.end
        var replacement = mark
        if opening {
            if fixInner, !token.spaceAfter.isEmpty, !token.endsBlock { upper = token.spaceAfter.upperBound }
            if fixOuter, gluedOutside(token, opening: true) { replacement = " " + replacement }
        } else {
            if fixInner, !token.spaceBefore.isEmpty, !token.opensBlock { lower = token.spaceBefore.lowerBound }
            if fixOuter, gluedOutside(token, opening: false) { replacement += " " }
        }
        return Edit(range: lower..<upper, replacement: replacement)
    }

    func gluedOutside(_ token: QuoteToken, opening: Bool) -> Bool {
        guard opening else { return token.after == .word }
        switch token.before {
        case .word, .terminal, .comma, .closeBracket: return true
        default: return false
        }
    }

    func spaceInside(_ token: QuoteToken, opening: Bool) -> Bool {
        opening ? !token.spaceAfter.isEmpty && !token.endsBlock : !token.spaceBefore.isEmpty && !token.opensBlock
    }

    /// Whether the token's quotation is whole: both its marks are in the text.
    func isPaired(_ index: Int) -> Bool {
        switch reading.roles[index] {
        case .open, .close: reading.partners[index] != nil
        default: false
        }
    }

    mutating func markIssues(_ index: Int, opening: Bool) {
        // The closing mark of a pair whose issue already repairs both marks.
        guard !coveredSpacing[index] else { return }
        let token = tokens[index]
        // An empty pair (`“ ”`, `« »`): nothing is quoted, nothing to repair.
        if let partner = reading.partners[index] {
            let inside = opening ? token.end..<tokens[partner].position : tokens[partner].end..<token.position
            if inside.isEmpty || !(inside.lowerBound < inside.upperBound && (inside.contains { QuoteNeighbour.of(UInt32(text[$0])) != .space })) { return }
        }
        let system = self.system(of: index)
        let foreign = !system.isEnglish && system != style.native && !(system == .swedish && !style.swedish && token.glyph.scalar != 0x201D)
        let glyphScalar = token.glyph.scalar
        let wanted = desired(index, opening: opening)
        let inner = spaceInside(token, opening: opening)
        let outer = gluedOutside(token, opening: opening)
        let turned = isTurned(index, opening: opening)
        let paired = isPaired(index)
        // Safe where the reading is unique: the quotation is whole, or the mark's role is plain
        // from its words (a reporting clause after a closing mark, a colon before an opening one).
        let clearRole = opening ? token.introduced : token.attributionFollows
        let safety: Applicability = paired || clearRole ? .safe : .unsafe
        let drawn = token.glyph.text

        // A guillemet or low mark closing an English quotation (`“… Macron.»`) is a foreign
        // mark too: the style issue carries its spaces' repair.
        let foreignGlyph = !opening && reading.partners[index] != nil && Self.isForeignGlyph(glyphScalar)
        if foreign || foreignGlyph || (system == .swedish && style.swedish) {
            // A system left from the source language: the target's marks, without French spaces.
            let edit = repair(index, opening: opening, mark: wanted, fixInner: true, fixOuter: false)
            let name = systemName(glyphScalar, system: foreignGlyph && !foreign ? (token.glyph.closes.first ?? system) : system)
            let problem = foreignGlyph && !foreign
                ? "the quotation opens with \((reading.partners[index].map { tokens[$0].glyph.text } ?? token.glyph.text)) but closes with the \(name) \(drawn)"
                : "\(name) \(drawn) where the text's marks are \(desired(index, opening: true)) \(desired(index, opening: false))"
            issues.append(QuoteIssue(kind: .style, range: edit.range, edits: [edit], applicability: safety,
                                     problem: problem, replacement: preview([edit])))
            if outer {
                let glue = repair(index, opening: opening, mark: drawn, fixInner: false, fixOuter: true)
                issues.append(QuoteIssue(kind: .spacing, range: token.range, edits: [glue], applicability: .safe,
                                         problem: opening ? "opening mark glued to the word before it" : "closing mark glued to the next word",
                                         replacement: preview([glue])))
            }
            if glyphScalar == 0xAB || glyphScalar == 0xBB || glyphScalar == 0x2039 || glyphScalar == 0x203A {
                guillemetSpacing(index, opening: opening)
            }
            return
        }

        let straight = Self.isStraight(glyphScalar)
        // A closing mark of another system than its opening one (`“… Macron.»`): the opening
        // mark's system decides.
        let otherSystem = !opening && !straight && !turned && reading.partners[index] != nil && system != .straight
            && !token.glyph.closes.contains(system)
        let mark = otherSystem ? (style.straightHouse ? style.close : desired(index, opening: false))
            : styledMark(index, opening: opening, turned: turned)

        if (inner || outer || (turned && opening)) && !coveredSpacing[index] {
            if opening, inner, let closer = reading.partners[index], spaceInside(tokens[closer], opening: false),
               !Self.isForeignGlyph(tokens[closer].glyph.scalar),
               sameLine(index, closer), tokens[closer].position - token.end < 80 {
                // Both marks of a pair on the wrong side of their spaces: ” guilty “ → “guilty”.
                let closing = repair(closer, opening: false, mark: closingMark(closer), fixInner: true, fixOuter: true)
                let opened = repair(index, opening: true, mark: mark, fixInner: true, fixOuter: true)
                coveredSpacing[closer] = true
                let range = opened.range.lowerBound..<closing.range.upperBound
                issues.append(QuoteIssue(kind: .spacing, range: range, edits: [opened, closing], applicability: .safe,
                                         problem: "both marks of this quotation are on the wrong side of their spaces",
                                         replacement: preview([opened, closing])))
                return
            }
            let edit = repair(index, opening: opening, mark: mark, fixInner: true, fixOuter: true)
            var edits = [edit]
            var applicability = safety
            var problem: String
            if inner && outer {
                problem = opening ? "the space is after the opening mark instead of before it" : "the space is before the closing mark instead of after it"
            } else if inner {
                problem = opening ? "space after the opening mark" : "space before the closing mark"
            } else if outer {
                problem = opening ? "opening mark glued to the word before it" : "closing mark glued to the next word"
            } else {
                problem = "opening mark drawn as a closing one"
            }
            if turned && (inner || outer) { problem += ", and drawn the wrong way" }
            // `effort”admitted` → `effort,” admitted`: a reporting verb follows a closing mark
            // glued to the quotation's last word; the comma is a guess.
            if !opening, outer, token.attributionFollows, token.before == .word {
                edits.insert(Edit(range: token.position..<token.position, replacement: ","), at: 0)
                applicability = .unsafe
                problem += " (before a reporting verb, also a comma)"
            }
            let range = edits.map(\.range.lowerBound).min().map { $0..<max(edit.range.upperBound, token.end) } ?? edit.range
            issues.append(QuoteIssue(kind: .spacing, range: range, edits: edits, applicability: applicability,
                                     problem: problem, replacement: preview(edits)))
            return
        }
        if turned || mark != drawn {
            let edit = Edit(range: token.range, replacement: mark)
            let problem = otherSystem ? "the quotation opens with \((reading.partners[index].map { tokens[$0].glyph.text } ?? token.glyph.text)) but closes with \(drawn)"
                : turned ? "closing mark drawn as an opening one"
                : straight ? "straight mark among curly ones" : "curly mark among straight ones"
            issues.append(QuoteIssue(kind: .style, range: token.range, edits: [edit], applicability: paired || !turned ? safety : .unsafe,
                                     problem: problem, replacement: preview([edit])))
        }
    }

    /// The mark a closing token should be written as.
    func closingMark(_ index: Int) -> String {
        styledMark(index, opening: false, turned: isTurned(index, opening: false))
    }

    /// Guillemets and low marks: never an English closing mark.
    static func isForeignGlyph(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xAB, 0xBB, 0x2039, 0x203A, 0x201E, 0x201A: true
        default: false
        }
    }

    static func isStraight(_ scalar: UInt32) -> Bool { scalar == 0x22 || scalar == 0x27 || scalar == 0xFF02 }

    /// The glyph a mark of English text should have in its role. Straight and curly marks are
    /// both English; they are changed only where they are mixed:
    /// - a mark turned against its role takes the right direction;
    /// - in a quotation mixing the two (`“… yet."`), the closing mark follows the opening one;
    /// - a whole quotation of one kind in a text where the other kind outnumbers it three to one
    ///   (a stray pair where two sources met) takes the text's kind;
    /// - a mark whose other end is missing takes the kind of the text's majority.
    func styledMark(_ index: Int, opening: Bool, turned: Bool) -> String {
        let token = tokens[index]
        let drawn = token.glyph.text
        let straight = Self.isStraight(token.glyph.scalar)
        let single = token.glyph.size == .single
        func curly() -> String {
            let target = (opening, single)
            switch target {
            case (true, false): return style.targetOpen
            case (false, false): return style.targetClose
            case (true, true): return style.targetInnerOpen
            case (false, true): return style.targetInnerClose
            }
        }
        let straightMark = single ? "'" : "\""
        let curlyIsTarget = !Self.isStraight(style.targetOpen.unicodeScalars.first?.value ?? 0x22)
        if let partner = reading.partners[index] {
            let partnerStraight = Self.isStraight(tokens[partner].glyph.scalar)
            if straight != partnerStraight {
                // Mixed within one quotation: the opening mark decides.
                if opening { return turned ? curly() : drawn }
                return partnerStraight ? straightMark : curly()
            }
            if turned { return straight ? drawn : curly() }
            if straight && style.curlyMajority && curlyIsTarget { return curly() }
            if !straight && style.straightMajority { return straightMark }
            return drawn
        }
        if turned { return straight ? drawn : curly() }
        if straight && !style.straightHouse && curlyIsTarget { return curly() }
        if !straight && style.straightHouse { return straightMark }
        return drawn
    }

    /// The text around `edits` with them applied, from the word before to the word after: what
    /// a message shows as the repair (`work”.`, `now,” he`).
    func preview(_ edits: [Edit]) -> String {
        guard let firstEdit = edits.first else { return "" }
        // The span of the edits, without intermediate arrays (a preview is made for every issue).
        var lower = firstEdit.range.lowerBound, upper = firstEdit.range.upperBound
        for edit in edits.dropFirst() {
            lower = min(lower, edit.range.lowerBound)
            upper = max(upper, edit.range.upperBound)
        }
        var steps = 0
        while lower > 0, steps < 20, QuoteNeighbour.of(UInt32(text[lower - 1])) != .space, text[lower - 1] != 0x0A {
            lower -= 1
            steps += 1
        }
        steps = 0
        while upper < text.count, steps < 20, QuoteNeighbour.of(UInt32(text[upper])) != .space, text[upper] != 0x0A {
            upper += 1
            steps += 1
        }
        if lower > 0, UTF16.isTrailSurrogate(text[lower]) { lower -= 1 }
        if upper < text.count, UTF16.isTrailSurrogate(text[upper]) { upper += 1 }
        var out = ""
        var cursor = lower
        let ordered = edits.count == 1 ? edits : edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        for edit in ordered where edit.range.lowerBound >= cursor {
            out += string(cursor..<edit.range.lowerBound)
            out += edit.replacement
            cursor = edit.range.upperBound
        }
        out += string(cursor..<max(cursor, upper))
        return out
    }

    /// Whether the block ends with sentence punctuation, possibly inside closing marks.
    func endsWithTerminal(_ block: Range<Int>) -> Bool {
        var i = block.upperBound
        while i > block.lowerBound {
            let unit = text[i - 1]
            switch unit {
            case 0x2E, 0x21, 0x3F, 0x2026: return true
            case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x203A, 0x201C, 0x29, 0x5D, 0x20: i -= 1
            default: return false
            }
        }
        return false
    }

    func sameLine(_ a: Int, _ b: Int) -> Bool {
        let lower = tokens[a].position, upper = tokens[b].position
        guard lower <= upper else { return false }
        for i in lower..<upper where text[i] == 0x0A || text[i] == 0x0D { return false }
        return true
    }

    func systemName(_ scalar: UInt32, system: QuoteSystem) -> String {
        switch system {
        case .french: "French guillemet"
        case .germanGuillemet: "German guillemet"
        case .germanLow: "German low mark"
        case .swedish: "Swedish-style mark"
        default: scalar == 0xAB || scalar == 0xBB ? "guillemet" : "mark"
        }
    }

    mutating func guillemetSpacing(_ index: Int, opening: Bool) {
        guard opening, let closer = reading.partners[index], sameLine(index, closer) else { return }
        let open = tokens[index], close = tokens[closer]
        guard spaceInside(open, opening: true) || spaceInside(close, opening: false) else { return }
        var edits: [Edit] = []
        if spaceInside(open, opening: true) { edits.append(Edit(range: open.spaceAfter, replacement: "")) }
        if spaceInside(close, opening: false) { edits.append(Edit(range: close.spaceBefore, replacement: "")) }
        let range = open.position..<close.end
        let inside = string(open.spaceAfter.upperBound..<(close.spaceBefore.isEmpty ? close.position : close.spaceBefore.lowerBound))
        issues.append(QuoteIssue(kind: .guillemetSpacing, range: range, edits: edits, applicability: .safe,
                                 problem: "spaces inside the guillemets",
                                 replacement: string(open.range) + inside + string(close.range)))
    }

    // MARK: Balance

    /// A mark that belongs to no quotation. A closing mark before a lower-case continuation and
    /// another closing mark is a spurious split (`“support”. very concrete ”to`).
    mutating func strayIssue(_ index: Int) {
        let token = tokens[index]
        if token.splitContinuation, let split = splitIssue(index) {
            issues.append(split)
            return
        }
        // Stray single marks are too often apostrophes or primes to report.
        guard token.glyph.size == .double else { return }
        // `?” »`: the closing mark written twice, in the target's system and the source's.
        if index > 0, reading.roles[index - 1] == .close, tokens[index - 1].end == token.spaceBefore.lowerBound,
           tokens[index - 1].glyph.scalar != token.glyph.scalar, token.glyph.drawnDirection < 0 {
            let range = token.spaceBefore.lowerBound..<token.end
            issues.append(QuoteIssue(kind: .style, range: token.range, edits: [Edit(range: range, replacement: "")], applicability: .safe,
                                     problem: "the quotation is closed twice, by \(tokens[index - 1].glyph.text) and by \(token.glyph.text)",
                                     replacement: preview([Edit(range: range, replacement: "")])))
            return
        }
        var range = token.range
        if !token.spaceBefore.isEmpty && (!token.spaceAfter.isEmpty || token.endsBlock) { range = token.spaceBefore.lowerBound..<token.end }
        else if token.opensBlock && !token.spaceAfter.isEmpty { range = token.position..<token.spaceAfter.upperBound }
        issues.append(QuoteIssue(kind: .unbalanced, range: token.range, edits: [Edit(range: range, replacement: "")], applicability: .unsafe,
                                 problem: "the quotation mark \(token.glyph.text) belongs to no quotation", replacement: "nothing"))
    }

    /// `“help”. very quick ”to` → `“help very quick” to`: the early mark and its full stop go,
    /// and the quotation closes once, at the later mark, with the space after it.
    func splitIssue(_ index: Int) -> QuoteIssue? {
        let token = tokens[index]
        let later = index + 1
        guard later < tokens.count, tokens[later].block == token.block else { return nil }
        let second = tokens[later]
        let block = blocks[token.block]
        // Remove `”.` and keep the space after it.
        let early = Edit(range: token.position..<(token.end + 1), replacement: "")
        let lower = second.spaceBefore.isEmpty ? second.position : second.spaceBefore.lowerBound
        let upper = second.spaceAfter.upperBound < block.upperBound || !second.spaceAfter.isEmpty ? second.spaceAfter.upperBound : second.end
        let close = closingMark(later)
        let closing = Edit(range: lower..<upper, replacement: close + (upper < block.upperBound && second.after != .terminal && second.after != .comma ? " " : ""))
        return QuoteIssue(kind: .split, range: token.position..<second.end, edits: [early, closing], applicability: .unsafe,
                          problem: "spurious sentence break inside a quotation",
                          replacement: "write `\(preview([early, closing]))`")
    }

    /// A closing mark with no quotation open: the opening mark is missing where the quotation
    /// starts — after the last quotation closed in the paragraph and its reporting clause, after a
    /// colon, or at the start of the paragraph (the previous one when the mark starts its own).
    mutating func missingOpeningIssue(_ index: Int) {
        let token = tokens[index]
        let block = blocks[token.block]
        var start = block.lowerBound
        var inPreviousBlock = false
        if token.opensBlock, token.block > 0 {
            // A paragraph that starts by closing: the quotation was the paragraph before.
            start = blocks[token.block - 1].lowerBound
            inPreviousBlock = true
        } else {
            // After the last mark of this block before the closing one, past its sentence.
            if let previous = previousMark(before: index) {
                start = sentenceStart(after: tokens[previous].end, before: token.position) ?? tokens[previous].end
                // A whole quotation just before: this closing mark is a duplicate of its closing.
                if reading.roles[previous] == .close, start >= token.position || !hasWords(start..<token.position) {
                    strayClosing(index)
                    return
                }
            }
            if let colon = lastColon(in: start..<token.position) { start = colon }
        }
        while start < token.position, QuoteNeighbour.of(UInt32(text[start])) == .space { start += 1 }
        if !inPreviousBlock, start >= token.position || !hasWords(start..<token.position) {
            strayClosing(index)
            return
        }
        let (word, wordEnd) = scanner.word(at: start, before: text.count)
        let end = word.isEmpty ? min(start + 1, text.count) : wordEnd
        let opener = desired(index, opening: true)
        issues.append(QuoteIssue(kind: .unbalanced, range: start..<end, edits: [Edit(range: start..<start, replacement: opener)],
                                 applicability: .unsafe,
                                 problem: "the quotation closed by \(token.glyph.text) after “\(describe(before: token.position))” has no opening mark",
                                 replacement: opener + string(start..<end)))
    }

    /// The last mark before `index` in its block that is not an apostrophe or inch mark.
    func previousMark(before index: Int) -> Int? {
        var i = index - 1
        while i >= 0, tokens[i].block == tokens[index].block {
            if reading.roles[i] != .other { return i }
            i -= 1
        }
        return nil
    }

    mutating func strayClosing(_ index: Int) {
        let token = tokens[index]
        issues.append(QuoteIssue(kind: .unbalanced, range: token.range, edits: [Edit(range: token.range, replacement: "")],
                                 applicability: .unsafe,
                                 problem: "the closing mark \(token.glyph.text) closes no quotation", replacement: "nothing"))
    }

    /// An opening mark never closed: the quotation probably ends before the first sentence that
    /// reports it (`… but we win. The coach admitted …`), else at the end of its paragraph.
    mutating func missingClosingIssue(_ index: Int, lastBlock: Int) {
        let token = tokens[index]
        // A mark at the very end of a block that nothing follows is stray, not an opening.
        let closer = desired(index, opening: false)
        let blockIndex = min(max(lastBlock, token.block), blocks.count - 1)
        let searchEnd = blocks[blockIndex].upperBound
        // A text that stops mid-sentence was cut off (a teaser, an extract): the quotation may
        // close after the cut.
        if blockIndex == blocks.count - 1, !QuoteBlocks.endsSentence(text, blocks[blockIndex]) || blocks[blockIndex].count > 150 && !endsWithTerminal(blocks[blockIndex]) { return }
        if let (end, next) = reportingSentence(after: token.end, before: searchEnd) {
            let (_, wordEnd) = scanner.word(at: next, before: text.count)
            issues.append(QuoteIssue(kind: .unbalanced, range: (end - 1)..<max(wordEnd, end), edits: [Edit(range: end..<end, replacement: closer)],
                                     applicability: .unsafe,
                                     problem: "the quotation opened by \(token.glyph.text) before “\(describe(after: token.end))” is never closed; it seems to end here",
                                     replacement: string((end - 1)..<end) + closer))
            return
        }
        var end = searchEnd
        while end > token.end, QuoteNeighbour.of(UInt32(text[end - 1])) == .space { end -= 1 }
        // Reported where the closing mark is missing: the paragraph's last word.
        var wordStart = end
        while wordStart > token.end, QuoteNeighbour.of(UInt32(text[wordStart - 1])) != .space { wordStart -= 1 }
        issues.append(QuoteIssue(kind: .unbalanced, range: wordStart..<end, edits: [Edit(range: end..<end, replacement: closer)],
                                 applicability: .unsafe,
                                 problem: "the quotation opened by \(token.glyph.text) before “\(describe(after: token.end))” is never closed; it seems to end with its paragraph",
                                 replacement: string(wordStart..<end) + closer))
    }

    /// A quotation carried into the next paragraph. Opened at the very end of its paragraph and
    /// closed at the start of a later one, the page split the quotation over paragraphs; opened
    /// earlier and not reopened, the next paragraph lacks its opening mark (English reopens a
    /// continued quotation, without closing the paragraph before).
    mutating func carryIssue(_ carry: QuoteReading.Carry, all: ArraySlice<QuoteReading.Carry>) {
        guard !all.contains(where: \.reopened), carry.block + 1 < blocks.count else { return }
        let opener = tokens[carry.opener]
        if carry.fromEdge {
            guard carry.block == opener.block else { return }
            let closer = reading.partners[carry.opener]
            var edits: [Edit] = []
            if let closer, tokens[closer].opensBlock, tokens[closer].block - opener.block <= 3 {
                let quoted = blocks[(opener.block + 1)..<tokens[closer].block].filter { !$0.isEmpty }
                if let first = quoted.first, let last = quoted.last {
                    edits = [Edit(range: opener.end..<first.lowerBound, replacement: ""),
                             Edit(range: last.upperBound..<tokens[closer].position, replacement: "")]
                }
            }
            issues.append(QuoteIssue(kind: .split, range: opener.range, edits: edits, applicability: .unsafe,
                                     problem: "the quotation opened here is split over paragraphs",
                                     replacement: "join the quoted words to their marks"))
            return
        }
        let next = blocks[carry.block + 1]
        let opening = desired(carry.opener, opening: true)
        issues.append(QuoteIssue(kind: .split, range: opener.range, edits: [Edit(range: next.lowerBound..<next.lowerBound, replacement: opening)],
                                 applicability: .unsafe,
                                 problem: "the quotation opened here runs on into the next paragraph, which does not reopen it",
                                 replacement: "reopen it with \(opening) at the start of the next paragraph"))
    }

    /// `i` and `we`: a clause with them inside a quotation is the speaker's own words.
    static let firstPersonKeys: [UInt64] = ["i", "we"].compactMap { QuoteScanner.asciiKey(Array($0.utf16)) }

    /// The French and Italian habit of reporting inside the quotation: `“… December, he
    /// recalled. The day after …”`, `“… – he explained – …”`. Closed before the clause and
    /// reopened after it.
    mutating func attributionInside(_ opener: Int, _ closer: Int) {
        let inside = tokens[opener].end..<tokens[closer].position
        guard inside.count > 20 else { return }
        // Another quotation nested inside: leave it.
        if ((opener + 1)..<closer).contains(where: { reading.roles[$0] != .other && reading.roles[$0] != .stray }) { return }
        var i = inside.lowerBound
        while i < inside.upperBound {
            let unit = text[i]
            guard unit == 0x2C || unit == 0x2013 || unit == 0x2014 else { i += 1; continue }
            let gap = scanner.spaces(startingAt: i + 1, to: inside.upperBound)
            guard !gap.isEmpty, gap.upperBound < inside.upperBound else { i += 1; continue }
            // The words are looked up by their ranges: no strings for the commas of ordinary speech.
            let first = gap.upperBound..<scanner.wordEnd(at: gap.upperBound, before: inside.upperBound)
            let afterFirst = scanner.spaces(startingAt: first.upperBound, to: inside.upperBound)
            let second = afterFirst.upperBound..<scanner.wordEnd(at: afterFirst.upperBound, before: inside.upperBound)
            let secondEnd = second.upperBound
            guard scanner.isReportingPronoun(first), !Self.firstPersonKeys.contains(QuoteScanner.asciiKey(text.units[first]) ?? 0),
                  !afterFirst.isEmpty, scanner.isReportingVerb(second), secondEnd < inside.upperBound else { i += 1; continue }
            let closing = text[secondEnd]
            // `, he said. More …` or `– he explained – more …`
            let endsClause = closing == 0x2E || ((unit == 0x2013 || unit == 0x2014) && (scanner.spaces(startingAt: secondEnd, to: inside.upperBound).upperBound < inside.upperBound)
                && (text[scanner.spaces(startingAt: secondEnd, to: inside.upperBound).upperBound] == unit))
            guard endsClause else { i += 1; continue }
            let clauseEnd = closing == 0x2E ? secondEnd + 1 : scanner.spaces(startingAt: secondEnd, to: inside.upperBound).upperBound + 1
            let resume = scanner.spaces(startingAt: clauseEnd, to: inside.upperBound)
            guard !resume.isEmpty, resume.upperBound < inside.upperBound, hasWords(resume.upperBound..<inside.upperBound) else { i += 1; continue }
            let open = desired(opener, opening: true), close = desired(opener, opening: false)
            let before = Edit(range: i..<gap.upperBound, replacement: "," + close + " ")
            let after = Edit(range: (closing == 0x2E ? secondEnd : secondEnd)..<resume.upperBound, replacement: ". " + open)
            issues.append(QuoteIssue(kind: .unbalanced, range: i..<resume.upperBound, edits: [before, after], applicability: .unsafe,
                                     problem: "the reporting clause “\(string(gap.upperBound..<secondEnd))” is inside the quotation; close it before and reopen it after",
                                     replacement: before.replacement + string(gap.upperBound..<secondEnd) + after.replacement))
            return
        }
    }

    /// A quotation read as holding another one, where the text between them narrates
    /// (`“… the road reopens. The mayor added … “It holds,” he said. The rest will …”`): the outer
    /// quotation's closing mark is missing before the narration, and after the inner one's
    /// reporting clause the speech goes on without its opening mark.
    mutating func narrationInside(_ opener: Int, _ closer: Int) {
        // A loop, not `first(where: isDoubleOpening)`: the method as a value copies the builder.
        var found: Int?
        for index in (opener + 1)..<closer where isDoubleOpening(index) {
            found = index
            break
        }
        guard let inner = found, let innerCloser = reading.partners[inner], innerCloser < closer else { return }
        guard let (end, next) = reportingSentence(after: tokens[opener].end, before: tokens[inner].position) else { return }
        let close = desired(opener, opening: false), open = desired(opener, opening: true)
        let (_, wordEnd) = scanner.word(at: next, before: text.count)
        issues.append(QuoteIssue(kind: .unbalanced, range: (end - 1)..<max(wordEnd, end), edits: [Edit(range: end..<end, replacement: close)],
                                 applicability: .unsafe,
                                 problem: "the quotation opened by \(tokens[opener].glyph.text) before “\(describe(after: tokens[opener].end))” runs on into the narration; it seems to end here",
                                 replacement: string((end - 1)..<end) + close))
        // After the inner quotation's reporting clause, the speech resumes.
        guard tokens[innerCloser].attributionFollows,
              let resume = sentenceStart(after: tokens[innerCloser].end, before: tokens[closer].position),
              hasWords(resume..<tokens[closer].position) else { return }
        let (word, resumeEnd) = scanner.word(at: resume, before: text.count)
        guard !word.isEmpty else { return }
        issues.append(QuoteIssue(kind: .unbalanced, range: resume..<resumeEnd, edits: [Edit(range: resume..<resume, replacement: open)],
                                 applicability: .unsafe,
                                 problem: "the speech closed by \(tokens[closer].glyph.text) resumes here without an opening mark",
                                 replacement: open + word))
    }

    func isDoubleOpening(_ index: Int) -> Bool {
        guard case .open = reading.roles[index] else { return false }
        return tokens[index].glyph.size == .double
    }

    // MARK: Sentences

    /// Where the next sentence after `position` starts (after `.` `!` `?` and spaces, at a
    /// capital letter), before `limit`.
    func sentenceStart(after position: Int, before limit: Int) -> Int? {
        var i = position
        while i < limit {
            let unit = text[i]
            if unit == 0x2E || unit == 0x21 || unit == 0x3F {
                let gap = scanner.spaces(startingAt: i + 1, to: limit)
                if !gap.isEmpty, gap.upperBound < limit, CharacterProperties.isUppercase(text.codePoint(at: gap.upperBound)) { return gap.upperBound }
            }
            i += 1
        }
        return nil
    }

    /// After the last colon in `range` that introduces a sentence (`he asked: Who …`, a capital
    /// after it; `the matches: how many` is a clause of the quotation itself).
    func lastColon(in range: Range<Int>) -> Int? {
        var i = range.upperBound
        while i > range.lowerBound {
            i -= 1
            guard text[i] == 0x3A else { continue }
            let gap = scanner.spaces(startingAt: i + 1, to: range.upperBound)
            if !gap.isEmpty, gap.upperBound < range.upperBound, CharacterProperties.isUppercase(text.codePoint(at: gap.upperBound)) { return i + 1 }
        }
        return nil
    }

    func hasWords(_ range: Range<Int>) -> Bool {
        var letters = 0
        for i in range where QuoteNeighbour.of(UInt32(text[i])) == .word {
            letters += 1
            if letters >= 2 { return true }
        }
        return false
    }

    /// The first sentence end after `position` whose next sentence reports speech in its first
    /// words (`The coach admitted`, `He added`): (offset after the terminator, next sentence start).
    func reportingSentence(after position: Int, before limit: Int) -> (Int, Int)? {
        var cursor = position
        while let start = sentenceStart(after: cursor, before: limit) {
            var i = start
            for _ in 0..<6 {
                let (word, end) = scanner.word(at: i, before: limit)
                guard !word.isEmpty else { break }
                if scanner.isReportingVerb(word), !["i", "we", "you"].contains(firstWord(at: start, limit: limit).lowercased()) {
                    var end = start
                    while end > position, QuoteNeighbour.of(UInt32(text[end - 1])) == .space { end -= 1 }
                    return (end, start)
                }
                let gap = scanner.spaces(startingAt: end, to: limit)
                guard !gap.isEmpty else { break }
                i = gap.upperBound
            }
            cursor = start
        }
        return nil
    }

    func firstWord(at start: Int, limit: Int) -> String { scanner.word(at: start, before: limit).0 }

    /// `line 4` style position for messages.
    /// Up to three words before `position` (for messages: positions would be a part's own
    /// when a large file is linted in parts).
    func describe(before position: Int) -> String {
        var start = position, words = 0
        while start > 0, words < 3 || QuoteNeighbour.of(UInt32(text[start - 1])) != .space {
            if text[start - 1] == 0x0A || position - start > 40 { break }
            if QuoteNeighbour.of(UInt32(text[start - 1])) == .space { words += 1 }
            start -= 1
        }
        if start < position, UTF16.isTrailSurrogate(text[start]) { start += 1 }
        return string(start..<position).trimmingSpaces
    }

    /// Up to three words after `position`.
    func describe(after position: Int) -> String {
        var end = position, words = 0
        while end < text.count, words < 3 || QuoteNeighbour.of(UInt32(text[end])) != .space {
            if text[end] == 0x0A || end - position > 40 { break }
            if QuoteNeighbour.of(UInt32(text[end])) == .space, end > position { words += 1 }
            end += 1
        }
        if end < text.count, end > position, UTF16.isTrailSurrogate(text[end]) { end += 1 }
        return string(position..<end).trimmingSpaces
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

#if DEBUG_QUOTE_READING
extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? "⏎" : $0 }) }
}
extension FileHandle {
    func write(_ string: String) { write(string.data(using: .utf8) ?? Data()) }
}
#endif

import ICUText

/// `match: { truncated-title: { distance: 4, max-label-words: 3, min-words: 4 } }`
/// (or `truncated-title: true`)
///
/// Finds a line ending in `...` or `…` that repeats the start of a nearby line (within
/// `distance` lines above or below), maybe behind a section label of up to `max-label-words`
/// words: `Europe EU urges Belgrade to "halt at once" its border...` next to the full
/// headline. Label words must be capitalised (`World`, `Middle East`), so prose that quotes a
/// headline (`He said ministers agree...`) is not taken for a copy. Scraped pages carry such teaser and breadcrumb copies of the headline. The
/// comparison ignores case, runs of white space and the kind of quotation mark (straight,
/// curly, low or angle marks compare equal), and the repeated part must have at least
/// `min-words` words and be shorter than the full line. A breadcrumb glued to the copy
/// (`HomeWorldThe talks…`) reads as its words (`Home World The talks…`), and a label ending in
/// a breadcrumb separator (`Home › War in Ukraine: The talks…`) may have lower-case words.
/// Value: `${heading}`, the full line.
///
/// Two more shapes of copied headlines, each its own option:
/// - `without-ellipsis: true`: a line that repeats the start of a nearby headline-like line
///   (at most `max-heading-words` words, not ending in a full stop) and stops, with no ellipsis: `the 40 new councillors
///   take their seats` under `the 40 new councillors take their seats in the town hall`; the copy must
///   have at least `min-words` words and half the headline's words, and not end a sentence.
///   Its fix is unsafe.
/// - `duplicates: true` finds instead a headline-like line (`min-words` to `max-heading-words`
///   words, not ending in a full stop) that repeats a line above it word for word (case, spacing and quotation marks
///   aside): a page's headline printed two or three times. The full line stays above.
public struct TruncatedTitleMatcherKind: MatcherKind {
    public static let key = "truncated-title"
    static let ownKeys = ["distance", "max-label-words", "min-words", "without-ellipsis", "duplicates", "max-heading-words"]

    public let distance: Int
    public let maxLabelWords: Int
    public let minWords: Int
    public let withoutEllipsis: Bool
    public let duplicates: Bool
    public let maxHeadingWords: Int

    public init(distance: Int = 4, maxLabelWords: Int = 3, minWords: Int = 4, withoutEllipsis: Bool = false,
                duplicates: Bool = false, maxHeadingWords: Int = 30) {
        self.distance = distance
        self.maxLabelWords = maxLabelWords
        self.minWords = minWords
        self.withoutEllipsis = withoutEllipsis
        self.duplicates = duplicates
        self.maxHeadingWords = maxHeadingWords
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        return Self(distance: try options["distance"]?.int(in: 1...20) ?? 4,
                    maxLabelWords: try options["max-label-words"]?.int(in: 0...6) ?? 3,
                    minWords: try options["min-words"]?.int(in: 2...20) ?? 4,
                    withoutEllipsis: try options["without-ellipsis"]?.bool() ?? false,
                    duplicates: try options["duplicates"]?.bool() ?? false,
                    maxHeadingWords: try options["max-heading-words"]?.int(in: 4...100) ?? 30)
    }

    public var valueNames: [String] { ["heading"] }
    public var scopes: [Scope] { [.line] }
    public var neighbourLines: Int { distance }

    public func makeMatcher() throws(ICUError) -> any Matcher { TruncatedTitleMatcher(kind: self) }
}

final class TruncatedTitleMatcher: Matcher {
    let kind: TruncatedTitleMatcherKind

    init(kind: TruncatedTitleMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        if kind.duplicates { return findDuplicates(in: document, emit: emit) }
        if kind.withoutEllipsis { findCutCopies(in: document, emit: emit) }
        let lines = document.lines
        var normalized: [Int: String] = [:]
        func normal(_ index: Int) -> String {
            if let cached = normalized[index] { return cached }
            let made = Self.normalize(document.string(document.trimmed(lines[index].content)))
            normalized[index] = made
            return made
        }
        let units = document.text.units
        for (index, line) in lines.enumerated() {
            // Cheap test first: only a line ending in … or ... can be a truncated title.
            var end = line.content.upperBound
            while end > line.content.lowerBound, units[end - 1] == 0x20 || units[end - 1] == 0x09 { end -= 1 }
            guard end > line.content.lowerBound,
                  units[end - 1] == 0x2026 || (end - line.content.lowerBound >= 3 && units[end - 1] == 0x2E && units[end - 2] == 0x2E && units[end - 3] == 0x2E)
            else { continue }
            let trimmed = document.trimmed(line.content)
            guard let body = Self.beforeEllipsis(document.string(trimmed)) else { continue }
            let plain = Self.normalize(body, lowercase: false).split(separator: " ")
            let words = Self.normalize(Self.splitGlued(body), lowercase: false).split(separator: " ")
            // The copy may also sit behind a glued breadcrumb (`HomeWorldThe talks…`, read with
            // its words apart) or after a breadcrumb ending in a separator (`Home › War in
            // Ukraine: The talks…`, whose fix is unsafe).
            var readings: [(words: ArraySlice<Substring>, breadcrumb: Bool)] = [(plain[...], false)]
            if words != plain { readings.append((words[...], false)) }
            if let separator = words.prefix(8).lastIndex(where: { ["|", ">", "»", "›", "/"].contains($0) || $0.hasSuffix(":") }),
               words.count - separator - 1 >= kind.minWords {
                readings.append((words[(separator + 1)...], true))
            }
            let low = max(0, index - kind.distance), high = min(lines.count - 1, index + kind.distance)
            search: for (words, breadcrumb) in readings where words.count >= kind.minWords {
                for other in low...high where other != index {
                    let candidate = normal(other)
                    guard !candidate.isEmpty, Self.beforeEllipsis(candidate) == nil else { continue }
                    for label in 0...min(kind.maxLabelWords, words.count - kind.minWords) {
                        // A section label is capitalised (World, Middle East); prose is not.
                        let labelWord = words[words.startIndex + max(label - 1, 0)]
                        if label > 0, !(labelWord.first.map { $0.isUppercase || $0.isNumber } ?? false) { break }
                        let repeated = words[(words.startIndex + label)...].joined(separator: " ").lowercased()
                        if candidate.count > repeated.count, candidate.hasPrefix(repeated) {
                            let heading = document.string(document.trimmed(lines[other].content))
                            // Behind a section label the line is more than a copy: a human should look.
                            emit(Match(range: trimmed, values: ["heading": heading],
                                       applicability: label > 0 || breadcrumb ? .unsafe : nil))
                            break search
                        }
                    }
                }
            }
        }
    }

    /// A headline-like line: its trimmed range and the hashes of its first 1, 2, … words as
    /// `normalize` reads them (lower case, quotation marks straight, spacing collapsed).
    struct Heading {
        var range: Range<Int>
        /// `prefixes[k - 1]`: the hash of the first `k` words; the last is the whole line's.
        var prefixes: [UInt64]
        var words: Int { prefixes.count }
        var whole: UInt64 { prefixes.last ?? 0 }
    }

    /// The headline-like lines (`min-words` to `max-heading-words` words, not ending in a full
    /// stop), by line index, read straight from the UTF-16 text: most lines are paragraphs,
    /// left after a look at their last character.
    private func headings(in document: Document) -> [(line: Int, heading: Heading)] {
        let units = document.text.units
        var result: [(line: Int, heading: Heading)] = []
        for (index, line) in document.lines.enumerated() where !line.content.isEmpty {
            let trimmed = document.trimmed(line.content)
            // A headline does not end in a full stop; a paragraph does (most lines stop here).
            guard let last = trimmed.last, trimmed.count <= kind.maxHeadingWords * 12,
                  units[last] != 0x2E || (trimmed.count >= 3 && units[last - 1] == 0x2E) else { continue }
            var prefixes: [UInt64] = []
            var hash: UInt64 = 0xcbf29ce484222325
            var inWord = false
            var tooLong = false
            for i in trimmed {
                let u = units[i]
                if u == 0x20 || u == 0x09 || u == 0xA0 || (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x3000 {
                    if inWord {
                        prefixes.append(hash)
                        if prefixes.count > kind.maxHeadingWords { tooLong = true; break }
                        hash = (hash ^ 0x20) &* 0x100000001b3
                    }
                    inWord = false
                } else {
                    hash = (hash ^ UInt64(Self.foldForComparison(u))) &* 0x100000001b3
                    inWord = true
                }
            }
            if inWord { prefixes.append(hash) }
            guard !tooLong, prefixes.count >= kind.minWords, prefixes.count <= kind.maxHeadingWords else { continue }
            result.append((index, Heading(range: trimmed, prefixes: prefixes)))
        }
        return result
    }

    /// A unit as `normalize` reads it: lower case, every quotation mark straight.
    @inline(__always)
    static func foldForComparison(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033: 0x22
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032: 0x27
        default: WordHash.lower(u)
        }
    }

    /// The positions in `headings` of the lines within `distance` lines of the one at `position`
    /// (`headings` is in line order), nearest first on each side.
    private func neighbours(of position: Int, in headings: [(line: Int, heading: Heading)], above: Bool, below: Bool) -> [Int] {
        var result: [Int] = []
        let line = headings[position].line
        if above {
            var j = position - 1
            while j >= 0, line - headings[j].line <= kind.distance { result.append(j); j -= 1 }
        }
        if below {
            var j = position + 1
            while j < headings.count, headings[j].line - line <= kind.distance { result.append(j); j += 1 }
        }
        return result
    }

    /// `duplicates: true`: a headline-like line that repeats one above it.
    private func findDuplicates(in document: Document, emit: (Match) -> Void) {
        let headings = headings(in: document)
        for position in headings.indices {
            let line = headings[position].heading
            for other in neighbours(of: position, in: headings, above: true, below: false).reversed() {
                let earlier = headings[other].heading
                guard earlier.whole == line.whole, earlier.words == line.words,
                      Self.normalize(document.string(earlier.range)) == Self.normalize(document.string(line.range)) else { continue }
                emit(Match(range: line.range, values: ["heading": document.string(earlier.range)]))
                break
            }
        }
    }

    /// `without-ellipsis: true`: a line that repeats the start of a nearby headline and stops.
    private func findCutCopies(in document: Document, emit: (Match) -> Void) {
        let headings = headings(in: document)
        let units = document.text.units
        for position in headings.indices {
            let line = headings[position].heading
            guard let last = line.range.last else { continue }
            switch units[last] {
            case 0x2E, 0x21, 0x3F, 0x2026, 0x3A: continue
            default: break
            }
            let above = neighbours(of: position, in: headings, above: true, below: false)
            let below = neighbours(of: position, in: headings, above: false, below: true)
            // Lines above first, from the farthest (as the original order of lines).
            for other in above.reversed() + below {
                let full = headings[other].heading
                guard full.words > line.words, 2 * line.words >= full.words, full.prefixes[line.words - 1] == line.whole else { continue }
                let fullText = Self.normalize(document.string(full.range))
                guard fullText.hasPrefix(Self.normalize(document.string(line.range)) + " "), Self.beforeEllipsis(fullText) == nil else { continue }
                emit(Match(range: line.range, values: ["heading": document.string(full.range)], applicability: .unsafe))
                break
            }
        }
    }

    /// `HomeWorldThe` → `Home World The`: a space where a lower-case letter runs into a capital.
    static func splitGlued(_ text: String) -> String {
        var out = ""
        var previousLower = false
        for character in text {
            if previousLower, character.isUppercase { out.append(" ") }
            out.append(character)
            previousLower = character.isLowercase
        }
        return out
    }

    /// The text before a final `...` or `…`, or nil when the line does not end with one.
    static func beforeEllipsis(_ line: String) -> String? {
        var text = Substring(line)
        if text.hasSuffix("...") { text = text.dropLast(3) } else if text.hasSuffix("…") { text = text.dropLast() } else { return nil }
        while text.last == "." { text = text.dropLast() }
        return String(text)
    }

    /// Lower case, one space between words, every quotation mark straight.
    static func normalize(_ text: String, lowercase: Bool = true) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            switch scalar {
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{AB}", "\u{BB}", "\u{2033}": out.append("\"")
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2039}", "\u{203A}", "\u{2032}": out.append("'")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return lowercase ? out.lowercased() : out
    }
}

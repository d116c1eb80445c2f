import ICUText

/// `match: { truncated-title: { distance: 4, max-label-words: 3, min-words: 4 } }`
/// (or `truncated-title: true`)
///
/// Finds a line ending in `...` or `…` that repeats the start of a nearby line (within
/// `distance` lines above or below), maybe behind a section label of up to `max-label-words`
/// words: `World NATO calls on Moscow to "immediately cease" its troop...` next to the full
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
///   (at most `max-heading-words` words) and stops, with no ellipsis: `the 89 deputies make
///   their entry` under `the 89 deputies make their entry into the Assembly`; the copy must
///   have at least `min-words` words and half the headline's words, and not end a sentence.
///   Its fix is unsafe.
/// - `duplicates: true` finds instead a headline-like line (`min-words` to `max-heading-words`
///   words) that repeats a line above it word for word (case, spacing and quotation marks
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

    /// Headline-like lines (trimmed range and normalised words) within the word limits.
    private func headings(in document: Document) -> [Int: (range: Range<Int>, words: [Substring], text: String)] {
        var result: [Int: (range: Range<Int>, words: [Substring], text: String)] = [:]
        for (index, line) in document.lines.enumerated() where !line.content.isEmpty && line.content.count <= kind.maxHeadingWords * 20 {
            let trimmed = document.trimmed(line.content)
            guard !trimmed.isEmpty else { continue }
            let text = Self.normalize(document.string(trimmed))
            let words = text.split(separator: " ")
            guard words.count >= kind.minWords, words.count <= kind.maxHeadingWords else { continue }
            result[index] = (trimmed, words, text)
        }
        return result
    }

    /// `duplicates: true`: a headline-like line that repeats one above it.
    private func findDuplicates(in document: Document, emit: (Match) -> Void) {
        let headings = headings(in: document)
        for index in headings.keys.sorted() {
            guard let line = headings[index] else { continue }
            for other in max(0, index - kind.distance)..<index {
                guard let earlier = headings[other], earlier.text == line.text else { continue }
                emit(Match(range: line.range, values: ["heading": document.string(earlier.range)]))
                break
            }
        }
    }

    /// `without-ellipsis: true`: a line that repeats the start of a nearby headline and stops.
    private func findCutCopies(in document: Document, emit: (Match) -> Void) {
        let headings = headings(in: document)
        let units = document.text.units
        for index in headings.keys.sorted() {
            guard let line = headings[index], let last = line.range.last,
                  ![0x2E, 0x21, 0x3F, 0x2026, 0x3A].contains(units[last]) else { continue }
            let low = max(0, index - kind.distance), high = min(document.lines.count - 1, index + kind.distance)
            for other in low...high where other != index {
                guard let full = headings[other], full.words.count > line.words.count, 2 * line.words.count >= full.words.count,
                      full.text.hasPrefix(line.text + " "), Self.beforeEllipsis(full.text) == nil else { continue }
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

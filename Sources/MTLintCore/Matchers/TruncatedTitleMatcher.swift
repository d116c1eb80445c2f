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
/// `min-words` words and be shorter than the full line. Value: `${heading}`, the full line.
public struct TruncatedTitleMatcherKind: MatcherKind {
    public static let key = "truncated-title"
    static let ownKeys = ["distance", "max-label-words", "min-words"]

    public let distance: Int
    public let maxLabelWords: Int
    public let minWords: Int

    public init(distance: Int = 4, maxLabelWords: Int = 3, minWords: Int = 4) {
        self.distance = distance
        self.maxLabelWords = maxLabelWords
        self.minWords = minWords
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        return Self(distance: try options["distance"]?.int(in: 1...20) ?? 4,
                    maxLabelWords: try options["max-label-words"]?.int(in: 0...6) ?? 3,
                    minWords: try options["min-words"]?.int(in: 2...20) ?? 4)
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
            let words = Self.normalize(body, lowercase: false).split(separator: " ")
            guard words.count >= kind.minWords else { continue }
            let low = max(0, index - kind.distance), high = min(lines.count - 1, index + kind.distance)
            search: for other in low...high where other != index {
                let candidate = normal(other)
                guard !candidate.isEmpty, Self.beforeEllipsis(candidate) == nil else { continue }
                for label in 0...min(kind.maxLabelWords, words.count - kind.minWords) {
                    // A section label is capitalised (World, Middle East); prose is not.
                    if label > 0, !(words[label - 1].first.map { $0.isUppercase || $0.isNumber } ?? false) { break }
                    let repeated = words[label...].joined(separator: " ").lowercased()
                    if candidate.count > repeated.count, candidate.hasPrefix(repeated) {
                        let heading = document.string(document.trimmed(lines[other].content))
                        // Behind a section label the line is more than a copy: a human should look.
                        emit(Match(range: trimmed, values: ["heading": heading], applicability: label > 0 ? .unsafe : nil))
                        break search
                    }
                }
            }
        }
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

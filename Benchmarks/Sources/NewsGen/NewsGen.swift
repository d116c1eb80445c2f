/// Deterministic news-like English for benchmarks, with the artifacts that machine translation
/// and page scraping leave behind, at a realistic density.
///
/// Everything here is our own composition: sentence templates and word lists written for this
/// generator. The artifacts mirror what mtlint's rules look for: a closing quote with its space on
/// the wrong side (`, ”he said`), advertisement separator lines, image-file slugs led by a pixel
/// size, photo credits, French calques, words glued together, no-break spaces and the French
/// space before a colon.
///
/// The output depends only on the seed and the size: the PRNG is SplitMix64 and nothing reads the
/// clock or the system's random source.
public struct NewsGenerator {
    private var rng: SplitMix64

    public init(seed: UInt64 = NewsGeneratorDefaults.seed) {
        rng = SplitMix64(seed: seed)
    }

    /// UTF-8 bytes of whole articles (separated by a blank line), about `size` bytes long: articles
    /// are added until the size is reached, then the text is cut after the last complete
    /// paragraph that fits (so a 2 KB request gives one short article).
    public mutating func bytes(size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size + 4096)
        while out.count < size {
            let article = self.article()
            if !out.isEmpty { out.append(0x0A) }
            for paragraph in article {
                if out.count > 0, out.count + paragraph.utf8.count + 2 > size, out.count >= size / 2 { return out }
                out.append(contentsOf: paragraph.utf8)
                out.append(0x0A)
                out.append(0x0A)
            }
        }
        return out
    }

    public mutating func string(size: Int) -> String {
        String(decoding: bytes(size: size), as: UTF8.self)
    }

    // MARK: Articles

    /// One article: headline, optional image slug and credit, paragraphs with an ad separator.
    mutating func article() -> [String] {
        var paragraphs: [String] = []
        let topic = pick(Words.topics)
        paragraphs.append(headline(topic))
        if chance(0.35) { paragraphs.append(imageSlug()) }
        if chance(0.30) { paragraphs.append(photoCredit()) }
        let count = int(5...9)
        let adAt = chance(0.6) ? int(2...max(2, count - 1)) : -1
        for index in 0..<count {
            if index == adAt { paragraphs.append(pick(Words.furniture)) }
            paragraphs.append(paragraph(topic))
        }
        if chance(0.25) { paragraphs.append(pick(Words.furniture)) }
        return paragraphs
    }

    mutating func headline(_ topic: Topic) -> String {
        let subject = chance(0.5) ? pick(topic.actors) : person()
        let tail = pick(Words.headlineTails)
        return capitalized("\(subject) \(pick(Words.headlineVerbs)) \(pick(topic.objects))" + (tail.isEmpty ? "" : " " + tail))
    }

    mutating func paragraph(_ topic: Topic) -> String {
        var sentences: [String] = []
        for _ in 0..<int(2...4) { sentences.append(sentence(topic)) }
        var text = sentences.joined(separator: " ")
        if chance(0.04) { text = glue(text) }
        return text
    }

    mutating func sentence(_ topic: Topic) -> String {
        switch int(0...9) {
        case 0, 1: return quoted(topic)
        case 2:
            return "\(capitalized(pick(Words.times))), \(pick(topic.actors)) \(pick(Words.verbs)) \(pick(topic.objects)) \(pick(Words.places))."
        case 3:
            let calque = chance(0.2) ? pick(Words.calques) : pick(Words.fluent)
            return "\(person()) \(pick(Words.verbs)) \(calque) \(pick(Words.places))."
        case 4:
            return "\(capitalized(pick(topic.objects))) \(pick(Words.linking)) \(number()) \(pick(Words.units)), \(pick(Words.sources))."
        case 5:
            // A French-style space (often a no-break space) before a colon.
            let space = chance(0.15) ? (chance(0.5) ? " " : "\u{00A0}") : ""
            return "\(capitalized(pick(Words.sources)))\(space): \(pick(topic.actors)) \(pick(Words.verbs)) \(pick(topic.objects))."
        case 6:
            let amount = chance(0.2) ? "\(number())\u{00A0}\(pick(Words.units))" : "\(number()) \(pick(Words.units))"
            return "The \(pick(Words.bodies)) \(pick(Words.verbs)) \(amount) \(pick(Words.places)), \(pick(Words.sources))."
        default:
            return "\(capitalized(pick(topic.actors))) \(pick(Words.verbs)) \(pick(topic.objects)) \(pick(Words.times)) \(pick(Words.places))."
        }
    }

    /// A quotation; sometimes with the closing mark turned around (`, ”he said`).
    mutating func quoted(_ topic: Topic) -> String {
        let words = "\(pick(Words.quoteOpeners)) \(pick(topic.objects)) \(pick(Words.quoteEnds))"
        let speaker = "\(pick(Words.pronouns)) \(pick(Words.said))"
        let punctuation = pick([",", ",", ",", "!", "?"])
        switch int(0...9) {
        case 0, 1: return "“\(capitalized(words))\(punctuation) ”\(speaker)."  // the artifact
        case 2: return "« \(capitalized(words)) »\(punctuation) \(speaker)."      // French marks left in
        case 3: return "\"\(capitalized(words))\(punctuation)\" \(speaker)."      // straight quotes
        default: return "“\(capitalized(words))\(punctuation)” \(speaker)."
        }
    }

    // MARK: Artifact lines

    mutating func imageSlug() -> String {
        let size = pick(["800x533", "648x415", "1200x800", "640x360", "960x640", "300x200"])
        var words: [String] = []
        for _ in 0..<int(3...6) { words.append(pick(Words.slugWords)) }
        let separator = chance(0.7) ? " " : pick(["-", "_"])
        return size + " " + words.joined(separator: separator)
    }

    /// A caption with its photo credit: `… on Monday. – Name Name / AFP`, or `Photo: Name Name / AFP`.
    mutating func photoCredit() -> String {
        let credit = "\(pick(Words.firstNames)) \(pick(Words.lastNames)) / \(pick(Words.agencies))"
        if chance(0.3) { return "Photo: " + credit }
        let caption = "\(capitalized(person())) \(pick(Words.places)) \(pick(Words.times))."
        return "\(caption) \(pick(["–", "—", "-"])) \(credit)"
    }

    /// Two words run together, as when a scraper drops the space at a tag boundary.
    mutating func glue(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 4 else { return text }
        let at = int(1...(words.count - 3))
        words[at] += words[at + 1]
        words.remove(at: at + 1)
        return words.joined(separator: " ")
    }

    // MARK: Pieces

    mutating func person() -> String {
        chance(0.5) ? "\(pick(Words.titles)) \(pick(Words.lastNames))" : "\(pick(Words.firstNames)) \(pick(Words.lastNames))"
    }

    mutating func number() -> String {
        switch int(0...3) {
        case 0: return String(int(2...99))
        case 1: return "\(int(1...999)),\(String(int(0...999)).leftPadded(to: 3))"
        case 2: return "\(int(1...99)).\(int(1...9))"
        default: return String(int(100...999))
        }
    }

    func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: Randomness

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(rng.next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// SplitMix64 (Steele, Lea and Flood): small, fast, and the same on every platform.
public struct SplitMix64 {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Parses sizes such as `2KB`, `20KB`, `1MB`, `20MB` or a plain byte count.
public func parseSize(_ text: String) -> Int? {
    let upper = text.uppercased()
    for (suffix, factor) in [("KB", 1024), ("MB", 1024 * 1024), ("K", 1024), ("M", 1024 * 1024), ("B", 1)] where upper.hasSuffix(suffix) {
        return Int(upper.dropLast(suffix.count)).map { $0 * factor }
    }
    return Int(upper)
}

/// The seed every benchmark and the end-to-end script use.
public enum NewsGeneratorDefaults {
    public static let seed: UInt64 = 0x6D74_6C69_6E74
}

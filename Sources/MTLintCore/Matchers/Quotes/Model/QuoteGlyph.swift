/// The size of a quotation mark: double marks quote, single marks quote inside them.
enum QuoteSize: UInt8, Sendable {
    case double = 0
    case single = 1
}

/// A way of writing quotations: which mark opens and which closes.
enum QuoteSystem: UInt8, Sendable, CaseIterable {
    /// “…” and ‘…’.
    case english = 0
    /// "…" and '…' (typewriter marks: one glyph for both ends).
    case straight = 1
    /// «…» and ‹…›.
    case french = 2
    /// „…“ and ‚…‘ (German, and much of central Europe).
    case germanLow = 3
    /// »…« and ›…‹ (German books).
    case germanGuillemet = 4
    /// ”…” and ’…’ (Swedish and Finnish).
    case swedish = 5

    /// Whether the target language (English) writes this way: straight and curly marks are
    /// both English; the others are left from the source language.
    var isEnglish: Bool { self == .english || self == .straight }
}

/// A set of systems, as bits (a glyph's readings are looked up for every mark: no arrays).
struct QuoteSystems: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let english = QuoteSystems(rawValue: 1 << QuoteSystem.english.rawValue)
    static let straight = QuoteSystems(rawValue: 1 << QuoteSystem.straight.rawValue)
    static let french = QuoteSystems(rawValue: 1 << QuoteSystem.french.rawValue)
    static let germanLow = QuoteSystems(rawValue: 1 << QuoteSystem.germanLow.rawValue)
    static let germanGuillemet = QuoteSystems(rawValue: 1 << QuoteSystem.germanGuillemet.rawValue)
    static let swedish = QuoteSystems(rawValue: 1 << QuoteSystem.swedish.rawValue)

    func contains(_ system: QuoteSystem) -> Bool { rawValue & (1 << system.rawValue) != 0 }

    /// The first system, in the order English, straight, French, German low, German guillemet,
    /// Swedish.
    var first: QuoteSystem? {
        guard rawValue != 0 else { return nil }
        return QuoteSystem(rawValue: UInt8(rawValue.trailingZeroBitCount))
    }
}

/// What a quotation-mark character can be: its size, the systems it opens and closes in, and
/// which way it points as drawn (“ opens, ” closes, " either way).
struct QuoteGlyph: Sendable {
    let scalar: UInt32
    let size: QuoteSize
    let opens: QuoteSystems
    let closes: QuoteSystems
    /// As drawn: +1 opening shape (“ „ « ‘ ‚ ‹), -1 closing shape (” » ’ ›), 0 neutral (" ').
    let drawnDirection: Int8

    /// The glyphs the model reads; nil for every other character (ICU's other Quotation_Mark
    /// characters — ‛ ‟ 〝 「 … — carry no direction mtlint trusts).
    static func of(_ scalar: UInt32) -> QuoteGlyph? {
        switch scalar {
        case 0x201C: QuoteGlyph(scalar: scalar, size: .double, opens: [.english], closes: [.germanLow], drawnDirection: 1)
        case 0x201D: QuoteGlyph(scalar: scalar, size: .double, opens: [.swedish], closes: [.english, .swedish], drawnDirection: -1)
        case 0x201E: QuoteGlyph(scalar: scalar, size: .double, opens: [.germanLow], closes: [], drawnDirection: 1)
        case 0x22, 0xFF02: QuoteGlyph(scalar: scalar, size: .double, opens: [.straight], closes: [.straight], drawnDirection: 0)
        case 0xAB: QuoteGlyph(scalar: scalar, size: .double, opens: [.french], closes: [.germanGuillemet], drawnDirection: 1)
        case 0xBB: QuoteGlyph(scalar: scalar, size: .double, opens: [.germanGuillemet], closes: [.french], drawnDirection: -1)
        case 0x2018: QuoteGlyph(scalar: scalar, size: .single, opens: [.english], closes: [.germanLow], drawnDirection: 1)
        case 0x2019: QuoteGlyph(scalar: scalar, size: .single, opens: [.swedish], closes: [.english, .swedish], drawnDirection: -1)
        case 0x201A: QuoteGlyph(scalar: scalar, size: .single, opens: [.germanLow], closes: [], drawnDirection: 1)
        case 0x27: QuoteGlyph(scalar: scalar, size: .single, opens: [.straight], closes: [.straight], drawnDirection: 0)
        case 0x2039: QuoteGlyph(scalar: scalar, size: .single, opens: [.french], closes: [.germanGuillemet], drawnDirection: 1)
        case 0x203A: QuoteGlyph(scalar: scalar, size: .single, opens: [.germanGuillemet], closes: [.french], drawnDirection: -1)
        default: nil
        }
    }

    /// Whether a UTF-16 unit may start a glyph the model reads (a cheap test before decoding).
    @inline(__always) static func mayBeMark(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018...0x201E, 0x2039, 0x203A, 0xFF02: true
        default: false
        }
    }

    /// The glyph as a string (for messages and edits; no decoding of the text).
    var text: String { Unicode.Scalar(scalar).map { String(Character($0)) } ?? "" }

    /// The system this glyph's opening reading belongs to (the first one: an English reading
    /// before a foreign one).
    var openingSystem: QuoteSystem? { opens.first }

    /// The glyph a system uses to open or close at a size.
    static func scalar(of system: QuoteSystem, size: QuoteSize, opening: Bool) -> UInt32 {
        switch (system, size, opening) {
        case (.english, .double, true): 0x201C
        case (.english, .double, false): 0x201D
        case (.english, .single, true): 0x2018
        case (.english, .single, false): 0x2019
        case (.straight, .double, _): 0x22
        case (.straight, .single, _): 0x27
        case (.french, .double, true): 0xAB
        case (.french, .double, false): 0xBB
        case (.french, .single, true): 0x2039
        case (.french, .single, false): 0x203A
        case (.germanLow, .double, true): 0x201E
        case (.germanLow, .double, false): 0x201C
        case (.germanLow, .single, true): 0x201A
        case (.germanLow, .single, false): 0x2018
        case (.germanGuillemet, .double, true): 0xBB
        case (.germanGuillemet, .double, false): 0xAB
        case (.germanGuillemet, .single, true): 0x203A
        case (.germanGuillemet, .single, false): 0x2039
        case (.swedish, .double, _): 0x201D
        case (.swedish, .single, _): 0x2019
        }
    }
}

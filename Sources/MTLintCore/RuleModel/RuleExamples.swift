/// A rule's examples: its documentation and its tests.
public struct RuleExamples: Sendable {
    /// Texts that must be flagged, with `⟨ ⟩` around each span a finding must cover.
    public var flag: [String]
    /// Texts that must not be flagged.
    public var pass: [String]
    /// Fix pairs: fixing `before` (this rule's fixes, safe and unsafe) must give `after`.
    public var fix: [(before: String, after: String)]

    public init(flag: [String] = [], pass: [String] = [], fix: [(before: String, after: String)] = []) {
        self.flag = flag
        self.pass = pass
        self.fix = fix
    }
}

/// Example text with `⟨…⟩` markers taken out.
public struct MarkedText: Sendable, Equatable {
    public static let open: Character = "⟨"
    public static let close: Character = "⟩"

    public var text: String
    /// Marked spans in UTF-16 offsets of `text`.
    public var spans: [Range<Int>]

    public enum ParseError: Error, Equatable { case unbalanced }

    public init(parsing source: String) throws(ParseError) {
        self = Self.scalarsAreCharacters(source) ? try Self.parseScalars(source) : try Self.parseCharacters(source)
    }

    /// Whether every scalar of `text` is a Character of its own (but for "\r\n", which is no
    /// marker either): scalars below U+0300, spaces, general punctuation, currency signs and
    /// the markers are never combining marks, joiners, prepended or paired with neighbours.
    /// Then parsing scalar by scalar gives what parsing Character by Character gives.
    static func scalarsAreCharacters(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x205F, 0x20A0...0x20C0, 0x27E8, 0x27E9: true
            default: false
            }
        }
    }

    /// Parses scalar by scalar (see `scalarsAreCharacters`).
    static func parseScalars(_ source: String) throws(ParseError) -> MarkedText {
        let open = Self.open.unicodeScalars.first, close = Self.close.unicodeScalars.first
        var text = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var openAt: Int?
        var offset = 0
        for scalar in source.unicodeScalars {
            if scalar == open {
                guard openAt == nil else { throw .unbalanced }
                openAt = offset
            } else if scalar == close {
                guard let start = openAt else { throw .unbalanced }
                spans.append(start..<offset)
                openAt = nil
            } else {
                text.append(scalar)
                offset += UTF16.width(scalar)
            }
        }
        guard openAt == nil else { throw .unbalanced }
        return MarkedText(text: String(text), spans: spans)
    }

    /// Parses Character by Character.
    static func parseCharacters(_ source: String) throws(ParseError) -> MarkedText {
        var text = ""
        var spans: [Range<Int>] = []
        var openAt: Int?
        var offset = 0
        for character in source {
            if character == Self.open {
                guard openAt == nil else { throw .unbalanced }
                openAt = offset
            } else if character == Self.close {
                guard let start = openAt else { throw .unbalanced }
                spans.append(start..<offset)
                openAt = nil
            } else {
                text.append(character)
                offset += character.utf16.count
            }
        }
        guard openAt == nil else { throw .unbalanced }
        return MarkedText(text: text, spans: spans)
    }

    init(text: String, spans: [Range<Int>]) {
        self.text = text
        self.spans = spans
    }

    /// Whether `text` holds a ⟨ or ⟩ marker. A Character equal to one holds its scalar
    /// (nothing else is canonically equivalent to it), so text without either scalar is
    /// answered without walking its Characters.
    public static func containsMarker(_ text: String) -> Bool {
        // ⟨ and ⟩ are E2 9F A8 and E2 9F A9 in UTF-8: look for their bytes first.
        var before2: UInt8 = 0, before1: UInt8 = 0
        var holdsScalar = false
        for byte in text.utf8 {
            if before2 == 0xE2, before1 == 0x9F, byte == 0xA8 || byte == 0xA9 { holdsScalar = true; break }
            before2 = before1
            before1 = byte
        }
        guard holdsScalar else { return false }
        return text.contains(Self.open) || text.contains(Self.close)
    }
}

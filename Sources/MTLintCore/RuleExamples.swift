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
        self.text = text
        self.spans = spans
    }
}

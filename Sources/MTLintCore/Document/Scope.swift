/// The stretch of text a rule looks at in one go: matches never cross its edges.
public enum Scope: String, Sendable, CaseIterable, Codable {
    /// One line, without its line break.
    case line
    /// Lines up to a blank line.
    case paragraph
    /// An ICU sentence (`en_US@ss=standard` unless configured otherwise).
    case sentence
    /// The whole text.
    case document
}

/// Text structure a rule needs computed. The document computes each only on demand.
public struct SegmentNeeds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let paragraphs = SegmentNeeds(rawValue: 1)
    public static let sentences = SegmentNeeds(rawValue: 2)
    public static let words = SegmentNeeds(rawValue: 4)

    public init(scope: Scope) {
        switch scope {
        case .line, .document: self = []
        case .paragraph: self = .paragraphs
        case .sentence: self = .sentences
        }
    }
}

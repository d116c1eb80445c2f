/// An error in a rule or configuration file, at a place in it. Rendered like a compiler
/// diagnostic: `file:line:col: error: message`, the source line, and a caret under the column.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let mark: ConfigMark
    public var notes: [String]

    public init(_ message: String, at mark: ConfigMark, notes: [String] = []) {
        self.message = message
        self.mark = mark
        self.notes = notes
    }

    public var location: String { "\(mark.source.path):\(mark.line):\(mark.column)" }

    public var description: String {
        var out = "\(location): error: \(message)"
        if let line = mark.source.line(mark.line) {
            let gutter = String(mark.line)
            let pad = String(repeating: " ", count: gutter.count)
            let caretIndent = line.unicodeScalars.prefix(max(mark.column - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += "\n\(pad) |\n\(gutter) | \(line)\n\(pad) | \(caretIndent)^"
        }
        for note in notes { out += "\n  = \(note)" }
        return out
    }
}

/// Every error found while loading, so a user sees them all at once.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]
    public init(_ errors: [ConfigError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n\n") }
}

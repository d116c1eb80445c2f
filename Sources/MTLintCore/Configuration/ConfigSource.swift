/// A configuration or rule file's text, kept so errors can quote the offending line.
public final class ConfigSource: Sendable {
    public let path: String
    public let text: String
    /// Shipped with mtlint and tested in its CI: its patterns compile on first use rather than
    /// when loaded (see `SharedRegex`).
    public let isTrusted: Bool
    /// Values worked out from the file when mtlint was built (shipped files only).
    public let laidOut: (any LaidOutValues)?

    public init(path: String, text: String, isTrusted: Bool = false, laidOut: (any LaidOutValues)? = nil) {
        self.path = path
        self.text = text
        self.isTrusted = isTrusted
        self.laidOut = laidOut
    }

    /// The text of 1-based `line`, without its line break (only needed to show an error, so
    /// it is found by a scan rather than an index built for every file).
    public func line(_ line: Int) -> String? {
        guard line >= 1 else { return nil }
        var current = 1
        var start = text.unicodeScalars.startIndex
        var index = start
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let c = scalars[index]
            if c == "\n" || c == "\r" {
                if current == line { return String(scalars[start..<index]) }
                var next = scalars.index(after: index)
                if c == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                current += 1
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        return current == line ? String(scalars[start..<scalars.endIndex]) : nil
    }
}

/// A place in a configuration or rule file.
public struct ConfigMark: Sendable {
    public let source: ConfigSource
    /// 1-based line.
    public let line: Int
    /// 1-based column in Unicode scalars.
    public let column: Int

    public init(source: ConfigSource, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// The mark moved right by `scalars` on the same line.
    public func advanced(by scalars: Int) -> ConfigMark {
        ConfigMark(source: source, line: line, column: column + scalars)
    }
}


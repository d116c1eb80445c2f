/// A configuration or rule file's text, kept so errors can quote the offending line.
public final class ConfigSource: Sendable {
    public let path: String
    public let text: String
    private let lineStarts: [String.Index]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [text.startIndex]
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" || text[index] == "\r\n" || text[index] == "\r" { starts.append(next) }
            index = next
        }
        lineStarts = starts
    }

    /// The text of 1-based `line`, without its line break.
    public func line(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : text.endIndex
        var line = text[start..<end]
        while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line = line.dropLast() }
        return String(line)
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


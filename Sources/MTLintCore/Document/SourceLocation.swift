/// A position in a file, reported three ways.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// 1-based line.
    public var line: Int
    /// 1-based column counted in Unicode scalars (a BOM is not counted).
    public var column: Int
    /// 0-based offset in bytes from the start of the file (a BOM is counted).
    public var byteOffset: Int

    public init(line: Int, column: Int, byteOffset: Int) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }
}

/// A span of a file: `start` inclusive, `end` exclusive.
public struct SourceRange: Sendable, Hashable, Codable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public var byteLength: Int { end.byteOffset - start.byteOffset }
}

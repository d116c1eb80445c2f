/// How a position's `character` counts within its line: UTF-16 code units (the protocol's
/// default), UTF-8 bytes or Unicode scalars (UTF-32). Agreed on at `initialize`.
enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The client's first offered encoding that the server knows (clients list them by
    /// preference, LSP 3.17 `general.positionEncodings`), else UTF-16, which every client
    /// supports. Clients before 3.17 may offer `offsetEncoding` (the clangd extension) instead.
    static func negotiate(offered: [String]?) -> PositionEncoding {
        for name in offered ?? [] {
            if let known = PositionEncoding(rawValue: name.lowercased()) { return known }
        }
        return .utf16
    }

    /// How many of this encoding's units `scalar` takes.
    func width(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: UTF8.width(scalar)
        case .utf16: UTF16.width(scalar)
        case .utf32: 1
        }
    }
}

/// A place in a document as the protocol gives it: 0-based line and `character` in the
/// negotiated encoding.
struct Position: Sendable, Hashable, Comparable {
    var line: Int
    var character: Int

    static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }

    var json: LSPAny { ["line": .int(line), "character": .int(character)] }

    /// Reads `{ line, character }`; nil when either is missing or negative.
    init?(_ json: LSPAny?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
        self.line = line
        self.character = character
    }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// A span `start` to `end` (exclusive) in protocol positions.
struct PositionRange: Sendable, Hashable {
    var start: Position
    var end: Position

    var json: LSPAny { ["start": start.json, "end": end.json] }

    /// Reads `{ start, end }`; nil when malformed or `end` is before `start`.
    init?(_ json: LSPAny?) {
        guard let start = Position(json?["start"]), let end = Position(json?["end"]), start <= end else { return nil }
        self.start = start
        self.end = end
    }

    init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

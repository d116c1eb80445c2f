/// A message or replacement with `$1`…`$99` (capture groups), `${name}` (matcher values)
/// and `$$` (a dollar sign).
public struct Template: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case text(String)
        case group(Int)
        case value(String)
    }

    let parts: [Part]
    public let source: String
    /// Whether the template uses a capture group (`$1`): a finding turns its captures into
    /// strings only then.
    public let usesGroups: Bool

    /// Parsed from the UTF-8 bytes: `$`, `{`, `}` and digits are ASCII, so the text between
    /// them is cut at character boundaries (a message is parsed once per rule and start, and
    /// appending it scalar by scalar cost 30 K instructions a message).
    public init(_ source: String) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        let bytes = Array(source.utf8)
        let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = 0
        var literalStart = 0
        /// Adds the text from `literalStart` up to `end` to the literal.
        func take(upTo end: Int) {
            if end > literalStart { literal += String(decoding: bytes[literalStart..<end], as: UTF8.self) }
        }
        func endLiteral() {
            if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
        }
        while index < bytes.count {
            guard bytes[index] == dollar, index + 1 < bytes.count else { index += 1; continue }
            let next = bytes[index + 1]
            if next == dollar {
                take(upTo: index + 1)  // one `$`
                index += 2
                literalStart = index
            } else if isDigit(next) {
                take(upTo: index)
                var end = index + 1
                while end < bytes.count, end < index + 3, isDigit(bytes[end]) { end += 1 }
                endLiteral()
                parts.append(.group(Int(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) ?? 0))
                index = end
                literalStart = index
            } else if next == open, let closing = bytes[(index + 2)...].firstIndex(of: close) {
                take(upTo: index)
                endLiteral()
                parts.append(.value(String(decoding: bytes[(index + 2)..<closing], as: UTF8.self)))
                index = closing + 1
                literalStart = index
            } else {
                index += 1  // a `$` before anything else is text
            }
        }
        take(upTo: bytes.count)
        endLiteral()
        self.parts = parts
        usesGroups = parts.contains { if case .group = $0 { true } else { false } }
    }

    /// Group numbers the template uses.
    public var groups: [Int] { parts.compactMap { if case .group(let n) = $0 { n } else { nil } } }
    /// Value names the template uses.
    public var valueNames: [String] { parts.compactMap { if case .value(let n) = $0 { n } else { nil } } }

    /// Offset in scalars of the first use of group `n` or value `name`, for error carets.
    public func offset(ofGroup n: Int) -> Int { offset(of: "$\(n)") }

    public func offset(ofValue name: String) -> Int { offset(of: "${\(name)}") }

    private func offset(of needle: String) -> Int {
        guard let found = source.firstRange(of: needle) else { return 0 }
        return source[..<found.lowerBound].unicodeScalars.count
    }

    public func expand(captures: [String?], values: [String: String]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s): out += s
            case .group(let n): out += n < captures.count ? captures[n] ?? "" : ""
            case .value(let name): out += values[name] ?? ""
            }
        }
        return out
    }
}

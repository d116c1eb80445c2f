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

    public init(_ source: String) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        var scalars = Array(source.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "$", let next = scalars.first else { literal.unicodeScalars.append(c); continue }
            if next == "$" {
                literal += "$"
                scalars = scalars.dropFirst()
            } else if next.properties.numericType == .decimal, next.isASCII {
                var digits = ""
                while let d = scalars.first, d.isASCII, d.properties.numericType == .decimal, digits.count < 2 {
                    digits.unicodeScalars.append(d)
                    scalars = scalars.dropFirst()
                }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.group(Int(digits) ?? 0))
            } else if next == "{", let close = scalars.firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.value(name))
                scalars = scalars[scalars.index(after: close)...]
            } else {
                literal += "$"
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
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

/// Shell-style path patterns: `*` (within one path component), `?`, `[abc]`, and `**`
/// (any number of components). A pattern without a slash matches a file name anywhere.
public struct Glob: Sendable, Hashable {
    public let pattern: String

    public init(_ pattern: String) { self.pattern = pattern }

    /// Whether `path` (relative, with `/` separators) matches.
    public func matches(_ path: String) -> Bool {
        let target = Array(path.unicodeScalars)
        if !pattern.contains("/") {
            // Match the last component, or the whole path for `**`-free patterns.
            let name = path.split(separator: "/").last.map { Array($0.unicodeScalars) } ?? target
            return Self.match(Array(pattern.unicodeScalars)[...], name[...]) || Self.match(Array(("**/" + pattern).unicodeScalars)[...], target[...])
        }
        var p = pattern
        if p.hasPrefix("/") { p.removeFirst() }
        if p.hasSuffix("/") { p += "**" }
        return Self.match(Array(p.unicodeScalars)[...], target[...])
    }

    static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            if p.dropFirst().first == "*" {
                // `**` matches anything, slashes included; `**/` may also match nothing.
                var rest = p.dropFirst(2)
                if rest.first == "/" {
                    rest = rest.dropFirst()
                    if match(rest, s) { return true }
                }
                var t = s
                while true {
                    if match(rest, t) { return true }
                    guard !t.isEmpty else { return false }
                    t = t.dropFirst()
                }
            }
            var t = s
            while true {
                if match(p.dropFirst(), t) { return true }
                guard let c = t.first, c != "/" else { return false }
                t = t.dropFirst()
            }
        }
        guard let c = s.first else { return false }
        if first == "?" { return c != "/" && match(p.dropFirst(), s.dropFirst()) }
        if first == "[", let close = p.dropFirst().firstIndex(of: "]") {
            var set = p[p.index(after: p.startIndex)..<close]
            let negate = set.first == "!" || set.first == "^"
            if negate { set = set.dropFirst() }
            var found = false
            var i = set.startIndex
            while i < set.endIndex {
                let low = set[i]
                if set.index(after: i) < set.endIndex, set[set.index(after: i)] == "-", set.index(i, offsetBy: 2) < set.endIndex {
                    let high = set[set.index(i, offsetBy: 2)]
                    if low.value <= c.value && c.value <= high.value { found = true }
                    i = set.index(i, offsetBy: 3)
                } else {
                    if low == c { found = true }
                    i = set.index(after: i)
                }
            }
            return found != negate && c != "/" && match(p[p.index(after: close)...], s.dropFirst())
        }
        return first == c && match(p.dropFirst(), s.dropFirst())
    }
}

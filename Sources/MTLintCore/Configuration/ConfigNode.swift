/// A parsed YAML value with the place it came from. The YAML module builds these; rules and
/// configuration are decoded from them strictly, so every error can name `file:line:col`.
///
/// A class, immutable once made: decoding passes nodes, lists of nodes and key-value pairs around
/// by value, and a node that was a struct cost a retain and a release for its value and for each
/// of its two marks at every copy. As a class a copy is one retain; decoding the shipped rules
/// took 12 % less time (`mtlint-profile --startup`, interleaved).
public final class ConfigNode: Sendable {
    public enum Value: Sendable {
        /// `style` tells whether the scalar was written plain or quoted, which decides whether
        /// `yes`, `null` or `12` are strings.
        case scalar(String, quoted: Bool)
        case sequence([ConfigNode])
        case mapping([(key: ConfigNode, value: ConfigNode)])
    }

    public let value: Value
    public let mark: ConfigMark
    /// Where the scalar's text itself starts (after an opening quote), for pointing inside it.
    public let contentMark: ConfigMark

    public init(_ value: Value, mark: ConfigMark, contentMark: ConfigMark? = nil) {
        self.value = value
        self.mark = mark
        self.contentMark = contentMark ?? mark
    }

    public var kindName: String {
        switch value {
        case .scalar(let text, let quoted):
            if quoted { return "a string" }
            if text == "true" || text == "false" { return "a boolean" }
            if Int(text) != nil { return "a number" }
            if text.isEmpty || text == "null" || text == "~" { return "null" }
            return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    // MARK: Typed access; each throws a ConfigError at this node's mark.

    public func string(_ what: String = "a string") throws(ConfigError) -> String {
        guard case .scalar(let text, let quoted) = value, quoted || !(text.isEmpty || text == "null" || text == "~") else {
            throw ConfigError("expected \(what), found \(kindName)", at: mark)
        }
        return text
    }

    public func bool() throws(ConfigError) -> Bool {
        guard case .scalar(let text, false) = value, text == "true" || text == "false" else {
            throw ConfigError("expected true or false, found \(kindName)", at: mark)
        }
        return text == "true"
    }

    public func int(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .scalar(let text, false) = value, let number = Int(text) else {
            throw ConfigError("expected a whole number, found \(kindName)", at: mark)
        }
        guard range.contains(number) else {
            throw ConfigError("expected a number from \(range.lowerBound) to \(range.upperBound), found \(number)", at: mark)
        }
        return number
    }

    public func list() throws(ConfigError) -> [ConfigNode] {
        guard case .sequence(let items) = value else { throw ConfigError("expected a list, found \(kindName)", at: mark) }
        return items
    }

    /// A string or a list of strings, as a list.
    public func stringList() throws(ConfigError) -> [String] {
        if case .scalar = value { return [try string()] }
        var result: [String] = []
        for item in try list() { result.append(try item.string()) }
        return result
    }

    /// One of `allowed`'s raw values.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(ConfigError) -> T where T.RawValue == String {
        let text = try string()
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        var error = ConfigError("unknown value '\(text)'; expected one of: \(names.joined(separator: ", "))", at: mark)
        if let guess = closestMatch(to: text, in: names) { error.notes.append("did you mean '\(guess)'?") }
        throw error
    }

    /// A mapping whose keys must all be in `allowed`; an unknown key is an error that
    /// suggests the closest allowed key.
    public func mapping(allowed: [String]) throws(ConfigError) -> ConfigMapping {
        guard case .mapping(let pairs) = value else { throw ConfigError("expected a mapping, found \(kindName)", at: mark) }
        var entries: [(key: String, keyMark: ConfigMark, value: ConfigNode)] = []
        for pair in pairs {
            let key = try pair.key.string("a key")
            guard allowed.contains(key) else {
                var error = ConfigError("unknown key '\(key)'", at: pair.key.mark)
                if let guess = closestMatch(to: key, in: allowed) {
                    error.notes.append("did you mean '\(guess)'?")
                } else {
                    error.notes.append("allowed keys here: \(allowed.joined(separator: ", "))")
                }
                throw error
            }
            if let earlier = entries.first(where: { $0.key == key }) {
                throw ConfigError("duplicate key '\(key)' (first at line \(earlier.keyMark.line))", at: pair.key.mark)
            }
            entries.append((key, pair.key.mark, pair.value))
        }
        return ConfigMapping(entries: entries, mark: mark)
    }
}

/// The checked keys of a mapping.
public struct ConfigMapping: Sendable {
    public let entries: [(key: String, keyMark: ConfigMark, value: ConfigNode)]
    public let mark: ConfigMark

    public subscript(_ key: String) -> ConfigNode? { entries.first { $0.key == key }?.value }

    public func required(_ key: String) throws(ConfigError) -> ConfigNode {
        guard let node = self[key] else { throw ConfigError("missing required key '\(key)'", at: mark) }
        return node
    }

    public var keys: [String] { entries.map(\.key) }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
    let target = Array(word.lowercased())
    let scored = candidates.map { ($0, distance(target, Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, target.count / 3) ? best.0 : nil
}

extension ConfigNode {
    /// A matcher kind's own options: a mapping of `allowed` keys (`{}` for none), or `true`
    /// for all defaults.
    func matcherOptions(allowed: [String]) throws(ConfigError) -> ConfigMapping {
        if case .scalar(let text, false) = value, text == "true" { return ConfigMapping(entries: [], mark: mark) }
        guard case .mapping = value else {
            throw ConfigError("expected a mapping of options (\(allowed.joined(separator: ", "))) or true, found \(kindName)", at: mark)
        }
        return try mapping(allowed: allowed)
    }
}

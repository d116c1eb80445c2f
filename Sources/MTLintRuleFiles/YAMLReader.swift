import MTLintCore
import Yams

/// Parses YAML into `ConfigNode`s that remember where each value came from. The only place
/// in mtlint that knows about YAML.
public enum YAMLReader {
    /// Larger files are refused: a rule or config file is a few kilobytes.
    public static let maxBytes = 8 << 20
    /// Deeper nesting is refused before parsing, so hostile input cannot exhaust the stack.
    public static let maxDepth = 64

    /// The document's root node, or nil for an empty document.
    public static func parse(_ source: ConfigSource) throws(ConfigError) -> ConfigNode? {
        let start = ConfigMark(source: source, line: 1, column: 1)
        guard source.text.utf8.count <= maxBytes else {
            throw ConfigError("file too large for a rule or configuration file (\(source.text.utf8.count) bytes; limit \(maxBytes))", at: start)
        }
        if let deep = deepestNesting(source) {
            throw ConfigError("nesting deeper than \(maxDepth) levels", at: deep)
        }
        if let anchor = firstCollectionAnchor(source) {
            throw ConfigError("YAML anchors are supported on scalars only (an alias to a list or mapping can expand without bound)", at: anchor)
        }
        let root: Node?
        do {
            // The basic resolver: mtlint decides types itself (ConfigNode knows quoted from plain),
            // and Yams' default resolver runs a regex per scalar.
            root = try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            throw convert(error, source: source)
        } catch {
            throw ConfigError("cannot parse YAML: \(error)", at: start)
        }
        guard let root else { return nil }
        return try convert(root, source: source)
    }

    static func mark(_ mark: Mark?, in source: ConfigSource) -> ConfigMark {
        ConfigMark(source: source, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ node: Node, source: ConfigSource) throws(ConfigError) -> ConfigNode {
        let here = mark(node.mark, in: source)
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain && scalar.style != .any
            let inline = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return ConfigNode(.scalar(scalar.string, quoted: quoted), mark: here,
                              contentMark: inline ? here.advanced(by: 1) : here)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try convert(item, source: source)) }
            return ConfigNode(.sequence(items), mark: here)
        case .mapping(let mapping):
            var pairs: [(key: ConfigNode, value: ConfigNode)] = []
            for (key, value) in mapping {
                pairs.append((try convert(key, source: source), try convert(value, source: source)))
            }
            return ConfigNode(.mapping(pairs), mark: here)
        case .alias:
            throw ConfigError("YAML anchors and aliases are not supported here", at: here)
        }
    }

    static func convert(_ error: YamlError, source: ConfigSource) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) (\($0.text))" } ?? problem
            return ConfigError("YAML syntax error: \(text)", at: self.mark(mark, in: source))
        case .reader(let problem, let offset, _, _):
            var line = 1, column = 1, count = 0
            for scalar in source.text.unicodeScalars {
                if let offset, count >= offset { break }
                count += scalar.utf8.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return ConfigError("YAML reader error: \(problem)", at: ConfigMark(source: source, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError("duplicate key '\(duplicates.joined(separator: "', '"))'", at: self.mark(context.mark, in: source))
        default:
            return ConfigError("cannot parse YAML: \(error)", at: ConfigMark(source: source, line: 1, column: 1))
        }
    }

    /// Where the first anchor on a list or mapping stands, if anywhere. Checked before parsing: a
    /// few nested aliases to collections (a "billion laughs" file) expand to billions of nodes,
    /// while an anchored scalar (a shared `why:` text) costs nothing. An anchor counts only
    /// where a node starts (after `:`, `-`, `[`, `{`, `,`, `?` or at the start of a line),
    /// outside quoted scalars, comments and block scalars, so `\s*` in a pattern is not one;
    /// it anchors a scalar when a scalar follows it on the same line.
    static func firstCollectionAnchor(_ source: ConfigSource) -> ConfigMark? {
        let bytes = Array(source.text.utf8)
        // Most rule files have no `&` at all. YAML's indicators are ASCII, and no byte of a
        // multi-byte UTF-8 character is ASCII, so the scan can work on bytes.
        guard bytes.contains(UInt8(ascii: "&")) else { return nil }
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")
        let nodeStarts: Set<UInt8> = Set(":-[{,?".utf8)
        var lineNumber = 0
        var blockIndent: Int?  // inside a | or > block scalar more indented than this
        var quote: UInt8?  // a quoted scalar left open at the end of the previous line
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let line = bytes[lineStart..<lineEnd]
            let indent = line.prefix { $0 == space }.count
            if let block = blockIndent {
                if line.allSatisfy({ $0 == space || $0 == cr || $0 == tab }) || indent > block { continue }
                blockIndent = nil
            }
            var previous: UInt8? = nil  // last non-space byte outside quotes
            var lastOutside = lineStart  // end of the line's text before a comment
            var index = lineStart
            while index < lineEnd {
                let c = bytes[index]
                if let open = quote {
                    if open == UInt8(ascii: "'") && c == open {
                        if index + 1 < lineEnd, bytes[index + 1] == open { index += 2; continue }
                        quote = nil
                    } else if open == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    } else if open == UInt8(ascii: "\"") && c == open {
                        quote = nil
                    }
                    index += 1
                    continue
                }
                if c == UInt8(ascii: "#"), previous == nil || bytes[index - 1] == space || bytes[index - 1] == tab { break }
                let atNodeStart = previous.map { nodeStarts.contains($0) } ?? true
                if c == UInt8(ascii: "&"), atNodeStart, index + 1 < lineEnd, bytes[index + 1] != space {
                    var after = index + 1
                    while after < lineEnd, bytes[after] != space, bytes[after] != tab { after += 1 }
                    while after < lineEnd, bytes[after] == space || bytes[after] == tab { after += 1 }
                    let next = after < lineEnd ? bytes[after] : UInt8(ascii: "\n")
                    if next == UInt8(ascii: "[") || next == UInt8(ascii: "{") || next == UInt8(ascii: "\n") || next == cr || next == UInt8(ascii: "#") {
                        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                        return ConfigMark(source: source, line: lineNumber, column: column)
                    }
                }
                if c == UInt8(ascii: "'") || c == UInt8(ascii: "\""), atNodeStart { quote = c }
                if c != space && c != tab && c != cr {
                    previous = c
                    lastOutside = index + 1
                }
                index += 1
            }
            // `key: |` or `- >-` starts a block scalar: its more indented lines are text.
            if quote == nil, lastOutside > lineStart {
                let last = bytes[lastOutside - 1]
                let beforeLast: UInt8? = lastOutside - 2 >= lineStart ? bytes[lastOutside - 2] : nil
                let isIndicator = { (b: UInt8?) in b == UInt8(ascii: "|") || b == UInt8(ascii: ">") }
                let isModifier = last == UInt8(ascii: "-") || last == UInt8(ascii: "+") || (last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9"))
                if isIndicator(last) || (isModifier && isIndicator(beforeLast)) { blockIndent = indent }
            }
        }
        return nil
    }

    /// Where flow brackets or indentation first nest deeper than `maxDepth`, if anywhere.
    static func deepestNesting(_ source: ConfigSource) -> ConfigMark? {
        var depth = 0, line = 1, column = 0, indentRun = 0, atLineStart = true
        for scalar in source.text.unicodeScalars {
            column += 1
            switch scalar {
            case "\n":
                line += 1; column = 0; atLineStart = true; indentRun = 0
                continue
            case "[", "{": depth += 1
            case "]", "}": depth = max(0, depth - 1)
            case " " where atLineStart: indentRun += 1
            case "-" where atLineStart: indentRun += 2  // "- - - x" nests a level per dash
            default: break
            }
            if scalar != " " && scalar != "-" { atLineStart = false }
            if depth > maxDepth || indentRun > 2 * maxDepth {
                return ConfigMark(source: source, line: line, column: column)
            }
        }
        return nil
    }
}

import MTLintCore
import Yams

/// The shipped rule files decoded with the engine's own decoder, as mtlint decodes them at
/// start-up, to find the patterns it analyses there (see `RequiredCharacters`) and lay out
/// their requirements once, when mtlint is built.
enum ShippedRequirements {
    /// Each analysed pattern of the rule files among `files` (paths relative to Rules/, and
    /// texts), with its case sensitivity and requirement, each once, in the order met. A file
    /// that does not decode is left out: mtlint reports its error at run time.
    static func of(files: [(String, String)]) -> [(pattern: String, caseInsensitive: Bool, requirement: RequiredCharacters.Requirement)] {
        let texts = Dictionary(files, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var found: [(pattern: String, caseInsensitive: Bool, requirement: RequiredCharacters.Requirement)] = []
        for (path, text) in files where path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
            let source = ConfigSource(path: "Rules/" + path, text: text, isTrusted: true)
            guard let parsed = try? Yams.compose(yaml: text, .basic), let root = configNode(parsed, PreparsedNodeBuilder(source: source)),
                  let rules = try? RuleDecoder.rules(from: root, files: ShippedFileResolver(texts: texts, base: folder(of: path)))
            else { continue }
            for regex in rules.flatMap({ $0.matcher.filteredRegexes + $0.unless }) {
                let caseInsensitive = regex.options.contains(.caseInsensitive)
                guard seen.insert((caseInsensitive ? "i" : "c") + regex.pattern).inserted else { continue }
                found.append((regex.pattern, caseInsensitive, regex.requirement))
            }
        }
        return found
    }

    private static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// The node `YAMLReader.convert` makes of `node`, built as the generated code builds it;
    /// nil for an alias.
    static func configNode(_ node: Node, _ b: PreparsedNodeBuilder) -> ConfigNode? {
        let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            switch builderMethod(scalar) {
            case "plain": return b.plain(scalar.string, line, column)
            case "quoted": return b.quoted(scalar.string, line, column)
            default: return b.block(scalar.string, line, column)
            }
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence {
                guard let made = configNode(item, b) else { return nil }
                items.append(made)
            }
            return b.list(line, column, items)
        case .mapping(let mapping):
            var pairs: [(ConfigNode, ConfigNode)] = []
            for (key, value) in mapping {
                guard let madeKey = configNode(key, b), let madeValue = configNode(value, b) else { return nil }
                pairs.append((madeKey, madeValue))
            }
            return b.map(line, column, pairs)
        case .alias:
            return nil
        }
    }
}

/// The files under Rules/ as the decoder asks for them, relative to a rule file's folder.
struct ShippedFileResolver: RuleFileResolver {
    let texts: [String: String]
    let base: String

    func lines(of name: String) -> [String]? {
        texts[RelativePath.joined(base, name)].map(ListLines.split)
    }
}

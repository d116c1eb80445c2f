import MTLintCore
import Synchronization
import WordTables
import Yams

/// The shipped rule files decoded with the engine's own decoder, as mtlint decodes them at
/// start-up, to find what it works out there from their text and lay it out once, when
/// mtlint is built: the requirement of each pattern it analyses (see `RequiredCharacters`)
/// and each inline slot list it reads (see `SlotListLayout`).
enum ShippedDecoding {
    typealias PatternRequirement = (pattern: String, caseInsensitive: Bool, requirement: RequiredCharacters.Requirement)

    /// What decoding the rule files among `files` (paths relative to Rules/, and texts) works
    /// out: each analysed pattern with its case sensitivity and requirement, and the entries of
    /// each inline slot list, each once, in the order met. A file that does not decode is left
    /// out: mtlint reports its error at run time.
    static func of(files: [(String, String)]) -> (requirements: [PatternRequirement], inlineSlotLists: [[String]]) {
        let texts = Dictionary(files, uniquingKeysWith: { first, _ in first })
        let asked = AskedValues()
        let tables = WordTableCache()
        var seen = Set<String>()
        var requirements: [PatternRequirement] = []
        for (path, text) in files where path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
            let source = ConfigSource(path: "Rules/" + path, text: text, isTrusted: true, laidOut: asked)
            guard let parsed = try? Yams.compose(yaml: text, .basic), let root = configNode(parsed, PreparsedNodeBuilder(source: source)),
                  let rules = try? RuleDecoder.rules(from: root, files: ShippedFileResolver(texts: texts, base: folder(of: path), tables: tables))
            else { continue }
            for regex in rules.flatMap({ $0.matcher.filteredRegexes + $0.unless }) {
                let caseInsensitive = regex.options.contains(.caseInsensitive)
                guard seen.insert((caseInsensitive ? "i" : "c") + regex.pattern).inserted else { continue }
                requirements.append((regex.pattern, caseInsensitive, regex.requirement))
            }
        }
        var seenLists = Set<[String]>()
        let lists = asked.inlineSlotLists.withLock { $0 }.filter { seenLists.insert($0).inserted }
        return (requirements, lists)
    }

    /// Lays out nothing and notes what decoding asks for.
    private final class AskedValues: LaidOutValues {
        let inlineSlotLists = Mutex<[[String]]>([])

        func requirement(ofPattern pattern: String, caseInsensitive: Bool) -> RequiredCharacters.Requirement? { nil }

        func slotLayout(ofInlineList entries: [String]) -> StaticString? {
            inlineSlotLists.withLock { $0.append(entries) }
            return nil
        }
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
    /// Word lists laid out once for all rule files (the dictionary has some 137,000 words).
    let tables: WordTableCache

    func lines(of name: String) -> [String]? {
        texts[RelativePath.joined(base, name)].map(ListLines.split)
    }

    func wordTable(of name: String) -> WordTable? {
        let path = RelativePath.joined(base, name)
        return tables.known.withLock { known in
            if let table = known[path] { return table }
            guard let text = texts[path] else { return nil }
            let table = WordTable(words: WordTableBuilder.entries(ofFile: text))
            known[path] = table
            return table
        }
    }
}

/// The word lists a `ShippedFileResolver` has laid out, by path relative to Rules/.
final class WordTableCache: Sendable {
    let known = Mutex<[String: WordTable]>([:])
}

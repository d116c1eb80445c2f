// Writes a Swift file that holds every file under a folder as (relative path, contents), and
// each rule file's YAML already parsed, so loading the shipped rules parses no YAML.
// Word lists (`.words` files) are not embedded as text: each is laid out as a lookup table
// (see WordTableLayout) in a string literal the linter reads in place. Other lists (`.txt`)
// are embedded as text and also laid out as furniture vocabularies and slot lists (see
// FurnitureVocabularyLayout, SlotListLayout), and the requirement of each pattern the shipped
// rules analyse (RequirementLayout) and the slot of each of their inline slot lists are laid
// out too, so that start-up works none of them out.
// Used by EmbedRulesPlugin at build time; usage: EmbedRulesTool RULES_DIR OUTPUT.swift
import Foundation
import ICUText
import MTLintCore
import WordTables
import Yams

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedRulesTool RULES_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var files: [(String, String)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in walker {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("EmbedRulesTool: \(url.path) is not UTF-8 text\n".utf8))
            exit(1)
        }
        files.append((relative, text))
    }
}
files.sort { $0.0 < $1.0 }

/// A raw string literal whose delimiter cannot occur in the text.
func literal(_ text: String) -> String {
    var longest = 0, run = 0
    for character in text.unicodeScalars {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

/// A one-line string literal holding exactly `text`'s scalars: printable ASCII as itself,
/// everything else as `\u{…}`.
func escaped(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case " "..."~": out.unicodeScalars.append(scalar)
        default: out += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return out + "\""
}

/// The `PreparsedNodeBuilder` method that makes a scalar's node, as `YAMLReader.convert`
/// decides its kind from its style.
func builderMethod(_ scalar: Node.Scalar) -> String {
    switch scalar.style {
    case .plain, .any: "plain"
    case .singleQuoted, .doubleQuoted: "quoted"
    default: "block"
    }
}

/// Swift that builds `node` with `PreparsedNodeBuilder` (in MTLintCore), giving each node
/// the kind and marks that `YAMLReader.convert` gives it; nil for an alias, which only
/// YAMLReader reports properly.
func builderCall(_ node: Node, indent: String) -> String? {
    let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
    switch node {
    case .scalar(let scalar):
        return "b.\(builderMethod(scalar))(\(escaped(scalar.string)), \(line), \(column))"
    case .sequence(let sequence):
        var items: [String] = []
        for item in sequence {
            guard let call = builderCall(item, indent: indent + "    ") else { return nil }
            items.append(indent + "    " + call)
        }
        return "b.list(\(line), \(column), [\n" + items.joined(separator: ",\n") + "\n\(indent)])"
    case .mapping(let mapping):
        var pairs: [String] = []
        for (key, value) in mapping {
            guard let keyCall = builderCall(key, indent: indent + "    "),
                  let valueCall = builderCall(value, indent: indent + "    ") else { return nil }
            pairs.append(indent + "    (" + keyCall + ", " + valueCall + ")")
        }
        return "b.map(\(line), \(column), [\n" + pairs.joined(separator: ",\n") + "\n\(indent)])"
    case .alias:
        return nil
    }
}

/// The body of a function that returns the file's root node (nil for an empty document), or
/// nil when the file is left to YAMLReader at run time: not a rule file, a YAML error, an
/// alias. Then the error, if any, is reported exactly as for a file on disk.
func preparsedBody(path: String, text: String) -> String? {
    guard path.hasSuffix(".yml") || path.hasSuffix(".yaml") else { return nil }
    // The same call as YAMLReader.parse: the basic resolver, so only style decides types.
    let parsed: Node?
    do { parsed = try Yams.compose(yaml: text, .basic) } catch { return nil }
    guard let node = parsed else { return "nil" }
    return builderCall(node, indent: "        ")
}

/// Word lists become tables; everything else is embedded as text.
let wordLists = files.filter { $0.0.hasSuffix(".words") }
files.removeAll { $0.0.hasSuffix(".words") }

var source = "// Generated at build time by EmbedRulesTool from Rules/. Do not edit.\nimport MTLintCore\n\n"
source += "enum EmbeddedWordTables {\n    /// Each `.words` file under Rules/ as a WordTableLayout table.\n"
source += "    static let all: [(path: String, table: StaticString)] = [\n"
for (path, text) in wordLists {
    let quotedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    // The table's characters are `$`…`c`: no `"` or `#`, so a raw literal holds them as they are.
    source += "        (\"\(quotedPath)\", #\"\(WordTableBuilder.layoutString(WordTableBuilder.entries(ofFile: text)))\"#),\n"
}
source += "    ]\n}\n\n"
// Each other list (`.txt`) as a furniture vocabulary and as a slot list, for the rules that
// read it as one.
source += "enum EmbeddedLayouts {\n"
// The requirements' digit sets are this ICU's `Nd`: a run under another Unicode version analyses afresh.
source += "    /// The Unicode version of the ICU the requirements below were worked out with.\n"
source += "    static let unicodeVersion = \(escaped(ICUText.unicodeVersion))\n\n"
source += "    /// Each `.txt` list under Rules/ laid out for the purposes it can serve: a\n"
source += "    /// FurnitureVocabularyLayout, a SlotListLayout.\n"
source += "    static let lists: [(purpose: String, path: String, layout: StaticString)] = [\n"
for (path, text) in files where path.hasSuffix(".txt") {
    if let layout = FurnitureVocabularyLayout.layout(ofList: text) {
        source += "        (FurnitureVocabularyLayout.purpose, \(escaped(path)), \(escaped(layout))),\n"
    }
    if let layout = SlotListLayout.layout(ofList: text) {
        source += "        (SlotListLayout.purpose, \(escaped(path)), \(escaped(layout))),\n"
    }
}
source += "    ]\n\n"
// The requirement of each pattern the shipped rules analyse, worked out by decoding them.
source += "    /// The required characters of each pattern the shipped rules analyse, as RequirementLayouts.\n"
let decoded = ShippedDecoding.of(files: files + wordLists)
source += "    static let requirements: [(pattern: String, caseInsensitive: Bool, layout: StaticString)] = [\n"
for entry in decoded.requirements {
    source += "        (\(escaped(entry.pattern)), \(entry.caseInsensitive), \(escaped(RequirementLayout.layout(of: entry.requirement)))),\n"
}
source += "    ]\n\n"
// The slot each inline slot list of the shipped rules makes, by its key.
source += "    /// The slot each inline slot list of the shipped rule files makes, as SlotListLayouts by\n"
source += "    /// SlotListLayout.key(ofInlineList:).\n"
source += "    static let inlineSlots: [(key: String, layout: StaticString)] = [\n"
for entries in decoded.inlineSlotLists {
    guard let key = SlotListLayout.key(ofInlineList: entries), let layout = SlotListLayout.layout(ofEntries: entries) else { continue }
    source += "        (\(escaped(key)), \(escaped(layout))),\n"
}
source += "    ]\n}\n\n"
source += "enum EmbeddedRuleFiles {\n    static let all: [(path: String, contents: String)] = [\n"
for (path, text) in files {
    let quotedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(quotedPath)\", \(literal(text))),\n"
}
source += "    ]\n\n"
var functions = ""
var entries: [String] = []
for (index, (path, text)) in files.enumerated() {
    guard let body = preparsedBody(path: path, text: text) else {
        entries.append("nil")
        continue
    }
    entries.append("PreparsedRuleFile(root: file\(index))")
    functions += "\n    /// \(path)\n    static func file\(index)(_ b: PreparsedNodeBuilder) -> ConfigNode? {\n        return \(body)\n    }\n"
}
source += "    /// Each file of `all` parsed at build time, or nil where YAMLReader parses it at run time.\n"
source += "    static let preparsed: [PreparsedRuleFile?] = [\n" + entries.map { "        \($0),\n" }.joined() + "    ]\n"
source += functions
source += "}\n"
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedRulesTool: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}

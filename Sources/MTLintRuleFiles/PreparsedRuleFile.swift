import MTLintCore

/// A shipped rule file whose YAML was parsed when mtlint was built: EmbedRulesTool turns each
/// file under Rules/ into Swift that rebuilds its `ConfigNode` tree, so loading the shipped
/// rules parses no YAML. The tree, marks included, is the one `YAMLReader.parse` gives for the
/// file's text (a test checks every shipped file), so decoding and its errors are unchanged.
struct PreparsedRuleFile: Sendable {
    /// Builds the root node; nil for an empty document.
    let root: @Sendable (PreparsedNodeBuilder) -> ConfigNode?

    /// The root node, with marks in `source` (the file's path and text).
    func root(in source: ConfigSource) -> ConfigNode? {
        root(PreparsedNodeBuilder(source: source))
    }
}

/// What the generated code calls to make nodes: one call per YAML node, with the line and
/// column YAML gave it. The scalar kinds mirror `YAMLReader.convert`.
struct PreparsedNodeBuilder {
    let source: ConfigSource

    private func mark(_ line: Int, _ column: Int) -> ConfigMark {
        ConfigMark(source: source, line: line, column: column)
    }

    /// A plain (unquoted) scalar.
    func plain(_ text: String, _ line: Int, _ column: Int) -> ConfigNode {
        ConfigNode(.scalar(text, quoted: false), mark: mark(line, column))
    }

    /// A single- or double-quoted scalar: its text starts one column after the quote.
    func quoted(_ text: String, _ line: Int, _ column: Int) -> ConfigNode {
        let here = mark(line, column)
        return ConfigNode(.scalar(text, quoted: true), mark: here, contentMark: here.advanced(by: 1))
    }

    /// A literal (`|`) or folded (`>`) block scalar.
    func block(_ text: String, _ line: Int, _ column: Int) -> ConfigNode {
        ConfigNode(.scalar(text, quoted: true), mark: mark(line, column))
    }

    func list(_ line: Int, _ column: Int, _ items: [ConfigNode]) -> ConfigNode {
        ConfigNode(.sequence(items), mark: mark(line, column))
    }

    func map(_ line: Int, _ column: Int, _ pairs: [(ConfigNode, ConfigNode)]) -> ConfigNode {
        ConfigNode(.mapping(pairs.map { (key: $0.0, value: $0.1) }), mark: mark(line, column))
    }
}

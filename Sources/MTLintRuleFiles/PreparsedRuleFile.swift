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

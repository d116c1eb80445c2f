/// What the code EmbedRulesTool generates calls to make nodes (one call per YAML node, with
/// the line and column YAML gave it), and what the tool itself calls to decode the shipped
/// rules when it builds them. The scalar kinds mirror `YAMLReader.convert`.
public struct PreparsedNodeBuilder {
    public let source: ConfigSource

    public init(source: ConfigSource) {
        self.source = source
    }

    private func mark(_ line: Int, _ column: Int) -> ConfigMark {
        ConfigMark(source: source, line: line, column: column)
    }

    /// A plain (unquoted) scalar.
    public func plain(_ text: String, _ line: Int, _ column: Int) -> ConfigNode {
        ConfigNode(.scalar(text, quoted: false), mark: mark(line, column))
    }

    /// A single- or double-quoted scalar: its text starts one column after the quote.
    public func quoted(_ text: String, _ line: Int, _ column: Int) -> ConfigNode {
        let here = mark(line, column)
        return ConfigNode(.scalar(text, quoted: true), mark: here, contentMark: here.advanced(by: 1))
    }

    /// A literal (`|`) or folded (`>`) block scalar.
    public func block(_ text: String, _ line: Int, _ column: Int) -> ConfigNode {
        ConfigNode(.scalar(text, quoted: true), mark: mark(line, column))
    }

    public func list(_ line: Int, _ column: Int, _ items: [ConfigNode]) -> ConfigNode {
        ConfigNode(.sequence(items), mark: mark(line, column))
    }

    public func map(_ line: Int, _ column: Int, _ pairs: [(ConfigNode, ConfigNode)]) -> ConfigNode {
        ConfigNode(.mapping(pairs.map { (key: $0.0, value: $0.1) }), mark: mark(line, column))
    }
}

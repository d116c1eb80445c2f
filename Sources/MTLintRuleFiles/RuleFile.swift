import MTLintCore

/// A rule file's path and text, and where it lives (on disk or inside the binary).
public struct RuleFile: Sendable {
    public var path: String
    public var text: String
    /// A shipped rule file (embedded in the binary, tested in CI).
    public var isBuiltin: Bool
    /// The file's YAML parsed at build time (shipped files only; see `PreparsedRuleFile`).
    var preparsed: PreparsedRuleFile?

    public init(path: String, text: String, isBuiltin: Bool = false) {
        self.path = path
        self.text = text
        self.isBuiltin = isBuiltin
    }

    /// Whether a file name is a rule file (other files under Rules/, such as word lists, are data).
    public static func isRuleFile(_ path: String) -> Bool {
        path.hasSuffix(".yml") || path.hasSuffix(".yaml")
    }

    /// Parses and decodes the rules in this file.
    public func rules(resolver: RuleFileResolver) throws(ConfigError) -> [Rule] {
        try rules(resolver: resolver, laidOut: isBuiltin ? ShippedLaidOutValues() : nil)
    }

    /// Parses and decodes the rules in this file, reading back what `laidOut` holds.
    func rules(resolver: RuleFileResolver, laidOut: (any LaidOutValues)?) throws(ConfigError) -> [Rule] {
        try rulesAndTree(resolver: resolver, laidOut: laidOut).rules
    }

    /// The rules in this file and the parsed tree they were decoded from, for a caller that
    /// releases the tree later (see `RuleFileDecoding`).
    func rulesAndTree(resolver: RuleFileResolver) throws(ConfigError) -> (rules: [Rule], tree: ConfigNode) {
        try rulesAndTree(resolver: resolver, laidOut: isBuiltin ? ShippedLaidOutValues() : nil)
    }

    private func rulesAndTree(resolver: RuleFileResolver, laidOut: (any LaidOutValues)?) throws(ConfigError) -> (rules: [Rule], tree: ConfigNode) {
        let source = ConfigSource(path: path, text: text, isTrusted: isBuiltin, laidOut: laidOut)
        let parsed: ConfigNode?
        if let preparsed { parsed = preparsed.root(in: source) } else { parsed = try YAMLReader.parse(source) }
        guard let root = parsed else {
            throw ConfigError("empty rule file", at: ConfigMark(source: source, line: 1, column: 1))
        }
        return (try RuleDecoder.rules(from: root, files: resolver), root)
    }
}

/// Decodes rules from a parsed rule file, strictly: an unknown key, a wrong type, a regex that
/// does not compile, a `$n` the pattern does not capture, a `flag` example without a marker, a
/// fix without fix examples — each is a `ConfigError` at its place in the file.
public enum RuleDecoder {
    static let ruleKeys = ["id", "category", "severity", "summary", "why", "scope", "match", "unless",
                           "message", "fix", "examples", "language"]

    /// A file holds one rule (a mapping) or several (a list of mappings).
    public static func rules(from root: ConfigNode, files: RuleFileResolver = NoRuleFiles()) throws(ConfigError) -> [Rule] {
        switch root.value {
        case .mapping: return [try rule(from: root, files: files)]
        case .sequence(let items):
            var rules: [Rule] = []
            for item in items { rules.append(try rule(from: item, files: files)) }
            return rules
        case .scalar:
            throw ConfigError("expected a rule (a mapping) or a list of rules, found \(root.kindName)", at: root.mark)
        }
    }

    public static func rule(from node: ConfigNode, files: RuleFileResolver = NoRuleFiles()) throws(ConfigError) -> Rule {
        let map = try node.mapping(allowed: ruleKeys)

        let idNode = try map.required("id")
        let id = try idNode.string("a rule id")
        guard isValidID(id) else {
            throw ConfigError("rule id '\(id)' must be <pack>/<name> in lower case (letters, digits, '-')", at: idNode.mark)
        }
        let category = try map.required("category").oneOf(Category.self)
        let severity = try map["severity"]?.oneOf(Severity.self) ?? .warning
        let summary = try nonEmptyText(map.required("summary"), "summary")
        let why = try nonEmptyText(map.required("why"), "why")

        let matchNode = try map.required("match")
        let matcher = try decodeMatcher(matchNode, files: files)

        var scope = matcher.scopes.first ?? .line
        if let scopeNode = map["scope"] {
            scope = try scopeNode.oneOf(Scope.self)
            guard matcher.scopes.contains(scope) else {
                throw ConfigError("this matcher works in scope \(matcher.scopes.map(\.rawValue).joined(separator: " or ")), not \(scope.rawValue)", at: scopeNode.mark)
            }
        }

        var unless: [SharedRegex] = []
        if let unlessNode = map["unless"] {
            let items: [ConfigNode]
            if case .scalar = unlessNode.value { items = [unlessNode] } else { items = try unlessNode.list() }
            for item in items { unless.append(try item.regex()) }
        }

        let messageNode = try map.required("message")
        let message = Template(try nonEmptyText(messageNode, "message"))
        try checkTemplate(message, at: messageNode, matcher: matcher)

        var fix: FixSpec?
        var fixKeyMark: ConfigMark?
        if let fixNode = map["fix"] {
            fix = try decodeFix(fixNode, matcher: matcher)
            fixKeyMark = map.entries.first { $0.key == "fix" }?.keyMark
        }

        var language: String?
        if let languageNode = map["language"] {
            let code = try languageNode.string("a language code")
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw ConfigError("language: expected a two-letter ISO 639-1 code such as fr, de, it or es", at: languageNode.mark)
            }
            language = code
        }

        let examplesNode = try map.required("examples")
        let examples = try decodeExamples(examplesNode)
        if let fixKeyMark, examples.fix.isEmpty {
            throw ConfigError("the rule has a fix, but its examples have no fix pair (examples: fix: [{ before: ..., after: ... }])", at: fixKeyMark)
        }
        if fix == nil, !examples.fix.isEmpty, let fixExamples = try examplesNode.mapping(allowed: exampleKeys)["fix"] {
            throw ConfigError("fix examples on a rule without a fix", at: fixExamples.mark)
        }

        return Rule(id: id, category: category, severity: severity, summary: summary, why: why, scope: scope,
                    matcher: matcher, unless: unless, message: message, fix: fix, examples: examples,
                    origin: node.mark.source.path, language: language)
    }

    static func isValidID(_ id: String) -> Bool {
        // Two non-empty parts around one `/`, of `a`–`z`, `0`–`9` and `-` (ASCII, so bytes).
        var slashes = 0, partLength = 0
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                partLength += 1
            case UInt8(ascii: "/"):
                guard partLength > 0, slashes == 0 else { return false }
                slashes += 1
                partLength = 0
            default:
                return false
            }
        }
        return slashes == 1 && partLength > 0
    }

    static func nonEmptyText(_ node: ConfigNode, _ key: String) throws(ConfigError) -> String {
        let text = try node.string()
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ConfigError("\(key) must not be empty", at: node.mark) }
        return text
    }

    static func decodeMatcher(_ node: ConfigNode, files: RuleFileResolver) throws(ConfigError) -> any MatcherKind {
        guard case .mapping(let pairs) = node.value else {
            throw ConfigError("match: expected a mapping with one of: \(MatcherKinds.keys.joined(separator: ", "))", at: node.mark)
        }
        var kinds: [(any MatcherKind.Type, ConfigMark)] = []
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.value else { continue }
            if let kind = MatcherKinds.all.first(where: { $0.key == key }) { kinds.append((kind, pair.key.mark)) }
        }
        guard let (kind, _) = kinds.first else {
            // Name the closest kind for a misspelt key.
            let firstKey = pairs.first.flatMap { pair -> (String, ConfigMark)? in
                if case .scalar(let key, _) = pair.key.value { return (key, pair.key.mark) }
                return nil
            }
            var error = ConfigError("match: needs exactly one matcher kind: \(MatcherKinds.keys.joined(separator: ", "))", at: firstKey?.1 ?? node.mark)
            if let key = firstKey?.0, let guess = closestMatch(to: key, in: MatcherKinds.keys) {
                error = ConfigError("unknown matcher kind '\(key)'", at: firstKey?.1 ?? node.mark, notes: ["did you mean '\(guess)'?"])
            }
            throw error
        }
        if kinds.count > 1 {
            throw ConfigError("match: has two matcher kinds ('\(kind.key)' and '\(kinds[1].0.key)'); a rule has exactly one", at: kinds[1].1)
        }
        let mapping = try node.mapping(allowed: [kind.key] + kind.optionKeys)
        return try kind.decode(mapping, files: files)
    }

    static func checkTemplate(_ template: Template, at node: ConfigNode, matcher: any MatcherKind) throws(ConfigError) {
        for group in template.groups where group > matcher.captureCount {
            throw ConfigError("$\(group) refers to a capture group the pattern does not have (it has \(matcher.captureCount))",
                              at: node.contentMark.advanced(by: template.offset(ofGroup: group)))
        }
        for name in template.valueNames where !matcher.valueNames.contains(name) {
            let known = matcher.valueNames.isEmpty ? "this matcher provides none" : "available: \(matcher.valueNames.map { "${\($0)}" }.joined(separator: ", "))"
            throw ConfigError("${\(name)} is not a value of this matcher (\(known))",
                              at: node.contentMark.advanced(by: template.offset(ofValue: name)))
        }
    }

    static func decodeFix(_ node: ConfigNode, matcher: any MatcherKind) throws(ConfigError) -> FixSpec {
        let map = try node.mapping(allowed: ["replace", "delete", "applicability"])
        let applicability = try map.required("applicability").oneOf(Applicability.self)
        switch (map["replace"], map["delete"]) {
        case (.some, .some):
            throw ConfigError("fix: has both replace and delete; choose one", at: node.mark)
        case (.some(let replaceNode), nil):
            guard case .scalar(let text, _) = replaceNode.value else {
                throw ConfigError("expected a replacement string, found \(replaceNode.kindName)", at: replaceNode.mark)
            }
            let template = Template(text)
            try checkTemplate(template, at: replaceNode, matcher: matcher)
            return FixSpec(action: .replace(template), applicability: applicability)
        case (nil, .some(let deleteNode)):
            let what = try deleteNode.string()
            switch what {
            case "line": return FixSpec(action: .deleteLine, applicability: applicability)
            case "match": return FixSpec(action: .deleteMatch, applicability: applicability)
            default: throw ConfigError("delete: expected 'line' or 'match', found '\(what)'", at: deleteNode.mark)
            }
        case (nil, nil):
            guard matcher.proposesEdits else {
                throw ConfigError("fix: needs 'replace' or 'delete' (this matcher proposes no edits of its own)", at: node.mark)
            }
            return FixSpec(action: .proposed, applicability: applicability)
        }
    }

    static let exampleKeys = ["flag", "pass", "fix"]

    /// A flag example needs balanced `⟨ ⟩` markers around at least one span.
    static func checkMarkers(ofFlagExample text: String, at mark: ConfigMark) throws(ConfigError) {
        let marked: MarkedText
        do { marked = try MarkedText(parsing: text) } catch {
            throw ConfigError("flag example has an unbalanced ⟨ ⟩ marker", at: mark)
        }
        guard !marked.spans.isEmpty else {
            throw ConfigError("flag example has no ⟨ ⟩ marker around the span the finding must cover", at: mark)
        }
    }

    /// The examples. A flag example's markers are parsed here for the user's rule files; a
    /// shipped rule's are parsed by its tests in CI (`ExampleVerifier` fails an example whose
    /// markers are unbalanced or missing), so loading the shipped rules does not parse them.
    static func decodeExamples(_ node: ConfigNode) throws(ConfigError) -> RuleExamples {
        let map = try node.mapping(allowed: exampleKeys)
        var examples = RuleExamples()
        let flagNode = try map.required("flag")
        for item in try flagNode.list() {
            let text = try item.string("an example text")
            if !item.mark.source.isTrusted { try checkMarkers(ofFlagExample: text, at: item.mark) }
            examples.flag.append(text)
        }
        guard !examples.flag.isEmpty else { throw ConfigError("examples: flag needs at least one example", at: flagNode.mark) }
        let passNode = try map.required("pass")
        for item in try passNode.list() {
            let text = try item.string("an example text")
            if MarkedText.containsMarker(text) {
                throw ConfigError("pass examples take no ⟨ ⟩ markers", at: item.mark)
            }
            examples.pass.append(text)
        }
        guard !examples.pass.isEmpty else { throw ConfigError("examples: pass needs at least one example", at: passNode.mark) }
        if let fixNode = map["fix"] {
            for item in try fixNode.list() {
                let pair = try item.mapping(allowed: ["before", "after"])
                examples.fix.append((try pair.required("before").string(), try pair.required("after").string()))
            }
        }
        return examples
    }
}

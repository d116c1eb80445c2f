import Foundation
import Testing
@testable import MTLintCore
import MTLintRuleFiles

/// Keeps `schema/mtlint-rule.schema.json` and the rule loader in agreement: the same keys and
/// values, every shipped rule valid for both, and the loader's error cases rejected by both.
/// The checks that need a JSON Schema validator run `schema/validate.py` (Python 3 with PyYAML
/// and jsonschema) and are skipped when it cannot run.
enum RuleSchema {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaPath = root.appendingPathComponent("schema/mtlint-rule.schema.json").path
    static let validator = root.appendingPathComponent("schema/validate.py").path

    static func schema() throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: schemaPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Runs the validator; nil when python3, PyYAML or jsonschema is missing.
    static func validate(_ files: [String]) -> [String: [String]]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator, "--json"] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 || process.terminationStatus == 1 else { return nil }
        return try? JSONDecoder().decode([String: [String]].self, from: data)
    }

    static let available: Bool = validate([]) != nil

    /// A valid rule of each kind; the error cases are mutations of `base`.
    static let base = """
        id: demo/closing-quote
        category: quote-spacing
        severity: warning
        summary: A closing quote has its space on the wrong side.
        why: Only one reading exists when a letter follows the mark.
        scope: paragraph
        match:
          pattern: '(?<=\\p{L}[,.]) (”)(?=\\p{Ll})'
          report: 1
        message: Move the space after the closing quote.
        fix:
          replace: '” '
          applicability: safe
        examples:
          flag: ['wait, ⟨”⟩they said']
          pass: ['wait,” they said']
          fix: [{ before: 'wait, ”they said', after: 'wait,” they said' }]

        """

    static let valid: [String: String] = [
        "base": base,
        "list-of-rules": "- " + base.split(separator: "\n").joined(separator: "\n  ")
            + "\n- " + base.replacing("demo/closing-quote", with: "demo/other").split(separator: "\n").joined(separator: "\n  ") + "\n",
        "phrases-map": """
            id: demo/calque
            category: calque
            summary: A calque.
            why: Word for word.
            match:
              phrases: { take a decision: make a decision }
              case-sensitive: false
            message: 'Say “${replacement}”.'
            fix: { applicability: unsafe }
            language: fr
            examples:
              flag: ['They ⟨take a decision⟩.']
              pass: ['They make a decision.']
              fix: [{ before: 'take a decision', after: 'make a decision' }]

            """,
        "line-with-pattern": """
            id: demo/furniture
            category: boilerplate
            severity: error
            summary: Furniture.
            why: Scraped.
            match:
              line: ['Share this', { pattern: 'Read\\s+more' }]
            unless: 'never'
            message: '${line}'
            examples:
              flag: ['⟨Share this⟩']
              pass: ['Share this article with friends.']

            """,
        "quote-model-unbalanced": """
            id: demo/unbalanced
            category: quote-unbalanced
            summary: Unbalanced.
            why: Lost marks.
            scope: document
            match: { quote-model: { report: unbalanced } }
            message: 'Quotation: ${problem}.'
            examples:
              flag: ['“Open and never ⟨closed.⟩']
              pass: ['“Closed.”']

            """,
    ]

    /// Each breaks one rule of docs/rules.md that a schema can express.
    static let invalid: [String: String] = [
        "unknown-key": base.replacing("message:", with: "mesage:"),
        "unknown-key-in-match": base.replacing("  report: 1", with: "  reprot: 1"),
        "unknown-key-in-fix": base.replacing("  applicability: safe", with: "  applicability: safe\n  when: always"),
        "wrong-type-severity-list": base.replacing("severity: warning", with: "severity: [warning]"),
        "wrong-type-report-string": base.replacing("report: 1", with: "report: '1'"),
        "wrong-type-case-sensitive": base.replacing("  report: 1", with: "  report: 1\n  case-sensitive: maybe"),
        "wrong-type-flag-not-list": base.replacing("flag: ['wait, ⟨”⟩they said']", with: "flag: 'wait, ⟨”⟩they said'"),
        "wrong-type-match-not-mapping": base.replacing("match:\n  pattern: '(?<=\\p{L}[,.]) (”)(?=\\p{Ll})'\n  report: 1", with: "match: '(”)'"),
        "unknown-category": base.replacing("category: quote-spacing", with: "category: quote-spaces"),
        "unknown-severity": base.replacing("severity: warning", with: "severity: fatal"),
        "unknown-scope": base.replacing("scope: paragraph", with: "scope: page"),
        "bad-id": base.replacing("id: demo/closing-quote", with: "id: Demo_closing"),
        "missing-why": base.replacing("why: Only one reading exists when a letter follows the mark.\n", with: ""),
        "empty-summary": base.replacing("summary: A closing quote has its space on the wrong side.", with: "summary: '  '"),
        "two-matcher-kinds": base.replacing("  report: 1", with: "  report: 1\n  phrases: [x]"),
        "unknown-matcher-kind": base.replacing("  pattern: '", with: "  patern: '").replacing("  report: 1\n", with: ""),
        "report-out-of-range": base.replacing("report: 1", with: "report: 100"),
        "fix-replace-and-delete": base.replacing("  replace: '” '", with: "  replace: '” '\n  delete: match"),
        "fix-without-applicability": base.replacing("  applicability: safe\n", with: ""),
        "fix-delete-bad-value": base.replacing("  replace: '” '", with: "  delete: word"),
        "fix-without-fix-examples": base.replacing("  fix: [{ before: 'wait, ”they said', after: 'wait,” they said' }]\n", with: ""),
        "fix-examples-without-fix": base.replacing("fix:\n  replace: '” '\n  applicability: safe\n", with: ""),
        "flag-without-marker": base.replacing("flag: ['wait, ⟨”⟩they said']", with: "flag: ['wait, ”they said']"),
        "pass-with-marker": base.replacing("pass: ['wait,” they said']", with: "pass: ['⟨wait⟩,” they said']"),
        "no-pass-examples": base.replacing("  pass: ['wait,” they said']\n", with: ""),
        "language-three-letters": base.replacing("scope: paragraph", with: "scope: paragraph\nlanguage: fra"),
        "line-matcher-in-paragraph-scope": (valid["line-with-pattern"] ?? "").replacing("match:", with: "scope: paragraph\nmatch:"),
        "quote-model-unknown-report": (valid["quote-model-unbalanced"] ?? "").replacing("report: unbalanced", with: "report: balance"),
        "quote-model-unknown-option": (valid["quote-model-unbalanced"] ?? "").replacing("report: unbalanced", with: "report: unbalanced, nesting: true"),
    ]

    /// Whether the loader accepts `text`; the error when it does not.
    static func load(_ text: String, path: String) -> String? {
        do {
            _ = try RuleLoader.rules(from: [RuleFile(path: path, text: text)])
            return nil
        } catch {
            return error.description
        }
    }

    static func write(_ cases: [String: String]) throws -> (folder: String, paths: [String: String]) {
        let folder = try temporaryFolder(prefix: "mtlint-schema-")
        var paths: [String: String] = [:]
        for (name, text) in cases {
            let path = "\(folder)/\(name).yml"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths[name] = path
        }
        return (folder, paths)
    }

    static func shippedRuleFiles() -> [String] {
        let rules = root.appendingPathComponent("Rules").path
        guard let walker = FileManager.default.enumerator(atPath: rules) else { return [] }
        return walker.compactMap { $0 as? String }.filter(RuleFile.isRuleFile).map { "\(rules)/\($0)" }.sorted()
    }
}

@Suite struct RuleSchemaTests {
    /// The loader accepts a rule id exactly when the schema's pattern does.
    @Test func ruleIDsAreCheckedAsTheSchemaChecksThem() throws {
        let schema = try RuleSchema.schema()
        let defs = try #require(schema["$defs"] as? [String: Any])
        let properties = try #require((defs["rule"] as? [String: Any])?["properties"] as? [String: Any])
        let pattern = try #require((properties["id"] as? [String: Any])?["pattern"] as? String)
        let regex = try NSRegularExpression(pattern: pattern)
        let ids = ["quotes/spacing", "calques/news-patterns", "a/b", "pack2/rule-9", "-/-", "quotes", "quotes/", "/spacing",
                   "quotes//spacing", "quotes/spa/cing", "Quotes/spacing", "quotes/spacing ", "quotes/spacing_2", "quotes/é",
                   "quotes/ｓ", "", "/", "quotes/spacing\n", "😀/x"]
        for id in ids {
            let byPattern = regex.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)).map { $0.range.length == (id as NSString).length } ?? false
            #expect(RuleDecoder.isValidID(id) == byPattern, "\(id.debugDescription)")
        }
        #expect(RuleDecoder.isValidID("quotes/spacing") && !RuleDecoder.isValidID("quotes/"))
    }

    /// The schema names exactly the loader's keys and values (no validator needed).
    @Test func schemaAndLoaderNameTheSameThings() throws {
        let schema = try RuleSchema.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(schema["$defs"] as? [String: Any])
        let rule = try #require(defs["rule"] as? [String: Any])
        let properties = try #require(rule["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(RuleDecoder.ruleKeys))
        func enumValues(_ key: String) -> [String] {
            ((properties[key] as? [String: Any])?["enum"] as? [String]) ?? []
        }
        #expect(enumValues("category") == Category.allCases.map(\.rawValue))
        #expect(Set(enumValues("severity")) == Set(Severity.allCases.map(\.rawValue)))
        #expect(enumValues("scope") == Scope.allCases.map(\.rawValue))

        // Every registered matcher kind, and only those, with its option keys.
        let match = try #require(defs["match"] as? [String: Any])
        let references = try #require(match["oneOf"] as? [[String: Any]]).compactMap { $0["$ref"] as? String }
        #expect(Set(references) == Set(MatcherKinds.keys.map { "#/$defs/match-\($0)" }),
                "schema/mtlint-rule.schema.json: add each new matcher kind as $defs/match-<kind> and list it under $defs/match")
        for kind in MatcherKinds.all {
            let definition = try #require(defs["match-\(kind.key)"] as? [String: Any], "no $defs/match-\(kind.key)")
            let keys = Set(((definition["properties"] as? [String: Any]) ?? [:]).keys)
            #expect(keys == Set([kind.key] + kind.optionKeys), "options of matcher kind \(kind.key)")
            #expect(definition["additionalProperties"] as? Bool == false)
            #expect(definition["required"] as? [String] == [kind.key])
        }
    }

    @Test(.enabled(if: RuleSchema.available, "needs python3 with PyYAML and jsonschema"))
    func everyShippedRuleFileValidates() throws {
        let files = RuleSchema.shippedRuleFiles()
        #expect(!files.isEmpty)
        let results = try #require(RuleSchema.validate(files))
        for file in files {
            #expect(results[file] == [], "\(file) does not validate against the schema: \(results[file] ?? [])")
        }
        // ... and the loader accepts the same files (with the word lists they refer to).
        let rules = try RuleLoader.rules(from: RuleLoader.files(inDirectory: RuleSchema.root.appendingPathComponent("Rules").path))
        #expect(Set(rules.compactMap(\.origin)) == Set(files))
    }

    @Test(.enabled(if: RuleSchema.available, "needs python3 with PyYAML and jsonschema"))
    func validRulesPassBoth() throws {
        let (folder, paths) = try RuleSchema.write(RuleSchema.valid)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try #require(RuleSchema.validate(Array(paths.values)))
        for (name, path) in paths.sorted(by: { $0.key < $1.key }) {
            #expect(RuleSchema.load(RuleSchema.valid[name] ?? "", path: path) == nil, "loader rejects valid case \(name)")
            #expect(results[path] == [], "schema rejects valid case \(name): \(results[path] ?? [])")
        }
    }

    @Test(.enabled(if: RuleSchema.available, "needs python3 with PyYAML and jsonschema"))
    func loaderErrorCasesAreSchemaErrorsToo() throws {
        let (folder, paths) = try RuleSchema.write(RuleSchema.invalid)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try #require(RuleSchema.validate(Array(paths.values)))
        for (name, path) in paths.sorted(by: { $0.key < $1.key }) {
            #expect(RuleSchema.load(RuleSchema.invalid[name] ?? "", path: path) != nil, "loader accepts invalid case \(name)")
            #expect(results[path]?.isEmpty == false, "schema accepts invalid case \(name)")
        }
    }
}

import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// A list several rule files name is laid out once per load, and a broken list still gives
/// each rule file its own error.
@Suite struct DerivedFileValuesTests {
    @Test func aValueIsMadeOnceAndShared() throws {
        let values = DerivedFileValues()
        var made = 0
        for _ in 0..<3 {
            let value = try values.value(purpose: "entries", path: "Rules/x/words.txt") { () throws(ConfigError) -> [String]? in
                made += 1
                return ["one", "two"]
            }
            #expect(value == ["one", "two"])
        }
        #expect(made == 1)
        // Another purpose or another file is made on its own.
        _ = try values.value(purpose: "slot", path: "Rules/x/words.txt") { () throws(ConfigError) -> [String]? in made += 1; return [] }
        _ = try values.value(purpose: "entries", path: "Rules/y/words.txt") { () throws(ConfigError) -> [String]? in made += 1; return [] }
        #expect(made == 3)
    }

    @Test func errorsAndMissingFilesAreNotKept() throws {
        let values = DerivedFileValues()
        var made = 0
        for _ in 0..<2 {
            #expect(throws: ConfigError.self) {
                try values.value(purpose: "slot", path: "p") { () throws(ConfigError) -> Int? in
                    made += 1
                    throw ConfigError("slots: the list is empty", at: ConfigMark(source: ConfigSource(path: "r.yml", text: "x"), line: 1, column: 1))
                }
            }
            #expect(try values.value(purpose: "entries", path: "q") { () throws(ConfigError) -> Int? in made += 1; return nil } == nil)
        }
        #expect(made == 4)
    }

    /// Two rule files naming one label list both load, and the resolver serves both from one
    /// laid-out vocabulary; an empty list named by two files gives an error at each of them.
    @Test func ruleFilesShareAListAndEachReportsItsOwnError() {
        let rule = { (id: String, list: String) in
            """
            id: test/\(id)
            category: boilerplate
            severity: warning
            summary: S.
            why: W.
            match:
              furniture-labels:
                labels: \(list)
            message: Page furniture.
            examples:
              flag: ['⟨Read more⟩']
              pass: ['We read more books.']
            """
        }
        let shared = [
            RuleFile(path: "Rules/test/a.yml", text: rule("a", "labels.txt")),
            RuleFile(path: "Rules/test/b.yml", text: rule("b", "labels.txt")),
            RuleFile(path: "Rules/test/labels.txt", text: "# labels\nRead more\nShare this\n"),
        ]
        #expect((try? RuleLoader.rules(from: shared))?.map(\.id) == ["test/a", "test/b"])
        let empty = shared.dropLast() + [RuleFile(path: "Rules/test/labels.txt", text: "# nothing here\n")]
        do {
            _ = try RuleLoader.rules(from: Array(empty))
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 2)
            #expect(error.errors.map(\.description).contains { $0.contains("Rules/test/a.yml") })
            #expect(error.errors.map(\.description).contains { $0.contains("Rules/test/b.yml") })
        }
    }

    /// The shipped quote rules name one reporting-verb list and look up one shared reading per
    /// document by their vocabulary, so they must hold the same set: equal sets with one storage
    /// compare without reading their words (different storages cost a hash of every verb for
    /// every rule and document). The pronoun and elision defaults are shared the same way.
    @Test func quoteRulesShareOneVocabulary() throws {
        let rules = try RuleLoader.load()
        let vocabularies = rules.compactMap { ($0.matcher as? QuoteModelMatcherKind)?.vocabulary }
        #expect(vocabularies.count >= 4)
        /// A set's storage (a `Set` is one reference to it).
        func storage(_ set: Set<String>) -> UInt { unsafeBitCast(set, to: UInt.self) }
        let first = try #require(vocabularies.first)
        #expect(first.reportingVerbs.count > 100)
        for vocabulary in vocabularies.dropFirst() {
            #expect(storage(vocabulary.reportingVerbs) == storage(first.reportingVerbs))
            #expect(storage(vocabulary.reportingPronouns) == storage(first.reportingPronouns))
            #expect(storage(vocabulary.elisions) == storage(first.elisions))
        }
    }
}

import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// Every loader error names file:line:column, quotes the line and points at the problem.
@Suite struct LoaderErrorTests {
    static let valid = """
    id: test/rule
    category: quote-spacing
    severity: warning
    summary: S.
    why: W.
    match:
      pattern: '(a)(b)'
    message: Found $1.
    fix:
      replace: '$2$1'
      applicability: safe
    examples:
      flag: ['x ⟨ab⟩ y']
      pass: ['ba']
      fix: [{ before: 'ab', after: 'ba' }]
    """

    func error(_ yaml: String) -> String {
        do {
            _ = try RuleLoader.rules(from: [RuleFile(path: "Rules/test/rule.yml", text: yaml)])
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func validRuleLoads() throws {
        let rules = try RuleLoader.rules(from: [RuleFile(path: "Rules/test/rule.yml", text: Self.valid)])
        #expect(rules.map(\.id) == ["test/rule"])
        #expect(ExampleVerifier().verify(rules[0]).isEmpty)
    }

    @Test func unknownKeySuggestsTheRightOne() {
        #expect(error(Self.valid.replacing("message: Found $1.", with: "mesage: Found $1.")) == """
        Rules/test/rule.yml:8:1: error: unknown key 'mesage'
          |
        8 | mesage: Found $1.
          | ^
          = did you mean 'message'?
        """)
    }

    @Test func wrongType() {
        #expect(error(Self.valid.replacing("severity: warning", with: "severity: [warning]")) == """
        Rules/test/rule.yml:3:11: error: expected a string, found a list
          |
        3 | severity: [warning]
          |           ^
        """)
    }

    @Test func unknownEnumValue() {
        #expect(error(Self.valid.replacing("category: quote-spacing", with: "category: quote-spaces")) == """
        Rules/test/rule.yml:2:11: error: unknown value 'quote-spaces'; expected one of: \(Category.allCases.map(\.rawValue).joined(separator: ", "))
          |
        2 | category: quote-spaces
          |           ^
          = did you mean 'quote-spacing'?
        """)
    }

    @Test func regexThatDoesNotCompilePointsIntoThePattern() {
        #expect(error(Self.valid.replacing("pattern: '(a)(b)'", with: "pattern: '(a)(b'")) == """
        Rules/test/rule.yml:7:18: error: invalid regular expression: mismatched parenthesis (U_REGEX_MISMATCHED_PAREN)
          |
        7 |   pattern: '(a)(b'
          |                  ^
        """)
    }

    @Test func captureGroupThatDoesNotExist() {
        #expect(error(Self.valid.replacing("message: Found $1.", with: "message: Found $3.")) == """
        Rules/test/rule.yml:8:16: error: $3 refers to a capture group the pattern does not have (it has 2)
          |
        8 | message: Found $3.
          |                ^
        """)
    }

    @Test func flagExampleWithoutMarker() {
        #expect(error(Self.valid.replacing("flag: ['x ⟨ab⟩ y']", with: "flag: ['x ab y']")) == """
        Rules/test/rule.yml:13:10: error: flag example has no ⟨ ⟩ marker around the span the finding must cover
           |
        13 |   flag: ['x ab y']
           |          ^
        """)
    }

    @Test func aShippedRulesMarkersAreLeftToItsTests() throws {
        // Shipped files are not checked for markers when loaded (their tests check them):
        // an example without one loads, and the example check reports it.
        let unmarked = Self.valid.replacing("flag: ['x ⟨ab⟩ y']", with: "flag: ['x ab y']")
        let rules = try RuleLoader.rules(from: [RuleFile(path: "Rules/test/rule.yml", text: unmarked, isBuiltin: true)])
        #expect(ExampleVerifier().verify(rules[0]).map(\.problem).contains("no ⟨ ⟩ marker around the span a finding must cover"))
        let unbalanced = Self.valid.replacing("flag: ['x ⟨ab⟩ y']", with: "flag: ['x ⟨ab y']")
        let loaded = try RuleLoader.rules(from: [RuleFile(path: "Rules/test/rule.yml", text: unbalanced, isBuiltin: true)])
        #expect(ExampleVerifier().verify(loaded[0]).map(\.problem).contains("unbalanced ⟨ ⟩ marker"))
    }

    @Test func fixWithoutFixExamples() {
        #expect(error(Self.valid.replacing("  fix: [{ before: 'ab', after: 'ba' }]", with: "")) == """
        Rules/test/rule.yml:9:1: error: the rule has a fix, but its examples have no fix pair (examples: fix: [{ before: ..., after: ... }])
          |
        9 | fix:
          | ^
        """)
    }

    @Test func yamlSyntaxError() {
        #expect(error(Self.valid.replacing("summary: S.", with: "summary: [S.")) == """
        Rules/test/rule.yml:5:4: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)
          |
        5 | why: W.
          |    ^
        """)
    }

    @Test func twoMatcherKinds() {
        #expect(error(Self.valid.replacing("  pattern: '(a)(b)'", with: "  pattern: '(a)(b)'\n  phrases: [x]")).contains("has two matcher kinds"))
    }

    @Test func duplicateIDsAcrossFiles() {
        do {
            _ = try RuleLoader.rules(from: [RuleFile(path: "a.yml", text: Self.valid), RuleFile(path: "b.yml", text: Self.valid)])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("b.yml:1:5: error: duplicate rule id 'test/rule' (also in a.yml)"))
        }
    }

    @Test func deeplyNestedYAMLIsRefusedBeforeParsing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(error(deep).contains("nesting deeper than 64 levels"))
    }

    @Test func allErrorsAreReportedTogether() {
        do {
            _ = try RuleLoader.rules(from: [
                RuleFile(path: "a.yml", text: Self.valid.replacing("why: W.", with: "whyy: W.")),
                RuleFile(path: "b.yml", text: Self.valid.replacing("id: test/rule", with: "id: Test Rule")),
            ])
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 2)
        }
    }

    @Test func aliasBombIsRefusedBeforeParsing() {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ", ") + "]")
            previous = name
        }
        #expect(error(lines.joined(separator: "\n")).hasPrefix("Rules/test/rule.yml:1:4: error: YAML anchors are supported on scalars only"))
        #expect(error("a: &a\n  b: [x]\nc: *a\n").hasPrefix("Rules/test/rule.yml:1:4: error: YAML anchors are supported on scalars only"))
    }

    @Test func anchoredScalarsAndStarsInPatternsAreFine() throws {
        let shared = Self.valid.replacing("why: W.", with: "why: &why |\n  Shared text.")
            .replacing("pattern: '(a)(b)'", with: "pattern: '(a)\\s*(b)'")
        #expect(error(shared) == "no error")
    }
}


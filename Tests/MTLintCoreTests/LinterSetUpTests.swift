import ICUText
import Testing
@testable import MTLintCore

/// A linter with many rules builds the word scan's tables on a spare core while it makes the
/// matchers (`Linter.parallelSetUpRules`): the result must not depend on which thread did what.
@Suite struct LinterSetUpTests {
    /// Phrase rules, one per phrase: each is found only if its first word is in the shared scan.
    private static func phraseRules(_ count: Int) -> [Rule] {
        (0..<count).map { index in
            let kind = PhraseMatcherKind(phrases: [("head\(index) of state\(index)", "leader\(index)")], caseSensitive: false)
            return Rule(id: "t/phrase-\(index)", category: .calque, severity: .info, summary: "s", why: "w", scope: .sentence,
                        matcher: kind, message: Template("${match}"), fix: FixSpec(action: .proposed, applicability: .unsafe))
        }
    }

    @Test func manyRulesFindWhatEachFindsAlone() throws {
        let count = Linter.parallelSetUpRules + 6
        let rules = Self.phraseRules(count)
        // Every third phrase is in the text, each followed by a word that is not its second word
        // once, so the scan's followers matter too.
        let text = stride(from: 0, to: count, by: 3).map { "The head\($0) of state\($0) spoke; head\($0) of none did not." }
            .joined(separator: " 👍 ")
        let together = try Linter(rules: rules).lint(Document(text)).findings
        var alone: [Finding] = []
        for rule in rules { alone += try Linter(rules: [rule]).lint(Document(text)).findings }
        #expect(together.count == (count + 2) / 3)
        #expect(Set(together.map { "\($0.ruleID) \($0.range)" }) == Set(alone.map { "\($0.ruleID) \($0.range)" }))
    }

    /// A matcher kind whose matchers cannot be made, as when ICU runs out of memory.
    private struct FailingKind: MatcherKind {
        static let key = "failing"
        static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> FailingKind { FailingKind() }
        func makeMatcher() throws(ICUError) -> any Matcher { throw ICUError(status: 7) }
    }

    @Test func aMatcherThatCannotBeMadeFailsTheLinterWithManyRulesOrFew() {
        let failing = Rule(id: "t/failing", category: .calque, severity: .info, summary: "s", why: "w", scope: .sentence,
                           matcher: FailingKind(), message: Template("x"), fix: nil)
        for count in [1, Linter.parallelSetUpRules + 1] {
            var rules = Self.phraseRules(count)
            rules.insert(failing, at: rules.count / 2)
            #expect(throws: ICUError(status: 7)) { _ = try Linter(rules: rules) }
        }
    }
}

import Testing
@testable import MTLintCore

@Suite struct QuoteSplitMatcherTests {
    let splitRule = Rule(id: "test/quote-split", category: .brokenQuoteSplit, severity: .warning, summary: "s", why: "w",
                         scope: .sentence, matcher: QuoteSplitMatcherKind(), message: Template("after ${fragment}"),
                         fix: FixSpec(action: .proposed, applicability: .unsafe))

    /// A stand-in for the spacing rule that separates a closing mark glued to the next word.
    func gluedRule() throws -> Rule {
        Rule(id: "test/glued", category: .quoteSpacing, severity: .warning, summary: "s", why: "w", scope: .paragraph,
             matcher: PatternMatcherKind(regex: try SharedRegex("(?<=\\p{L} )”(?=\\p{Ll})")), message: Template("glued"),
             fix: FixSpec(action: .replace(Template("” ")), applicability: .safe))
    }

    func fixed(_ text: String, rules: [Rule], unsafe: Bool = true) throws -> String {
        let outcome = Fixer(includeUnsafe: unsafe).fix(Document(text), with: try Linter(rules: rules))
        #expect(outcome.unstableRules.isEmpty)
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    @Test func reportsTheSpanBetweenTheMarks() throws {
        let text = "Leaders urged the bank to give “backing”. truly strong ”to the farmers."
        let document = Document(text)
        let findings = try Linter(rules: [splitRule]).lint(document).findings
        #expect(findings.count == 1)
        #expect(findings.first.map { document.string($0.range) } == "”. truly strong ”")
        #expect(findings.first?.message == "after truly strong")
    }

    @Test func bothFormsFixTheSameWay() throws {
        let want = "Leaders urged the bank to give “backing truly strong” to the farmers."
        #expect(try fixed("Leaders urged the bank to give “backing”. truly strong ”to the farmers.", rules: [splitRule]) == want)
        #expect(try fixed("Leaders urged the bank to give “backing”. truly strong ” to the farmers.", rules: [splitRule]) == want)
        #expect(try fixed("Leaders urged the bank to give “backing.” truly strong ”to the farmers.", rules: [splitRule]) == want)
    }

    @Test func convergesWithTheSpacingRule() throws {
        let before = "Leaders urged the bank to give “backing”. truly strong ”to the farmers."
        let want = "Leaders urged the bank to give “backing truly strong” to the farmers."
        let rules = [splitRule, try gluedRule()]
        // All fixes at once, and safe first then unsafe (what `mtlint fix` then `--unsafe-fixes` does).
        #expect(try fixed(before, rules: rules) == want)
        let safeOnly = try fixed(before, rules: rules, unsafe: false)
        #expect(safeOnly == "Leaders urged the bank to give “backing”. truly strong ” to the farmers.")
        #expect(try fixed(safeOnly, rules: rules) == want)
    }

    @Test func cleanTextIsLeftAlone() throws {
        let clean = """
        She called the offer “generous”. Critics called it “late”.

        “We need help,” he said. “very quick help” was what the towns wanted, the report said.

        The U.S. envoy spoke of “real progress” on Monday. the talks resume in May.
        """
        #expect(try Linter(rules: [splitRule]).lint(Document(clean)).findings.isEmpty)
    }

    @Test func tooLongAContinuationIsNotTaken() throws {
        let text = "They want “help”. one two three four five six seven eight nine ”to come."
        #expect(try Linter(rules: [splitRule]).lint(Document(text)).findings.isEmpty)
        let wide = Rule(id: "test/quote-split", category: .brokenQuoteSplit, severity: .warning, summary: "s", why: "w",
                        scope: .sentence, matcher: QuoteSplitMatcherKind(maxWords: 9), message: Template("m"))
        #expect(try Linter(rules: [wide]).lint(Document(text)).findings.count == 1)
    }
}

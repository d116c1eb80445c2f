import Testing
import ICUText
@testable import MTLintCore

@Suite struct QuoteStyleMatcherTests {
    let rule = Rule(id: "test/quote-style", category: .quoteStyleMixed, severity: .warning, summary: "s", why: "w",
                    scope: .document, matcher: QuoteStyleMatcherKind(), message: Template("${problem}"),
                    fix: FixSpec(action: .proposed, applicability: .safe))

    func findings(_ text: String, quotes: LocaleQuotes = LintContext().targetQuotes) throws -> [Finding] {
        try Linter(rules: [rule], context: LintContext(targetQuotes: quotes)).lint(Document(text)).findings
    }

    /// Fixed with safe and unsafe fixes (straight-to-curly guesses a direction: unsafe).
    func fixed(_ text: String, quotes: LocaleQuotes = LintContext().targetQuotes) throws -> String {
        let outcome = Fixer(includeUnsafe: true).fix(Document(text), with: try Linter(rules: [rule], context: LintContext(targetQuotes: quotes)))
        #expect(outcome.unstableRules.isEmpty)
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    @Test func cleanCurlyAndCleanStraightDocuments() throws {
        let curly = """
        “We’re ready,” the coach said. “The ‘new’ squad isn’t the ’90s squad.”

        Fans sang “Abide with Me” and waved 12" flags. Home » Sport » Football.
        """
        #expect(try findings(curly).isEmpty)
        let straight = "\"We're ready,\" the coach said. \"The 'new' squad isn't the '90s squad.\"\n\nHe is 6' 2\"."
        #expect(try findings(straight).isEmpty)
    }

    @Test func guillemetsWithFrenchSpacesBecomeTargetMarks() throws {
        #expect(try fixed("Il a dit « tout va bien » hier.") == "Il a dit “tout va bien” hier.")
        #expect(try fixed("The aide said «\u{202F}no\u{202F}» twice.") == "The aide said “no” twice.")
        #expect(try fixed("The aide said « no » twice.", quotes: .straight) == "The aide said \"no\" twice.")
        let french = LocaleQuotes(open: "«", close: "»", innerOpen: "«", innerClose: "»")
        #expect(try findings("Il a dit « tout va bien » hier.", quotes: french).isEmpty)
    }

    @Test func germanLowMarks() throws {
        #expect(try fixed("Er nannte es „fair“ und ‚gut‘.") == "Er nannte es “fair” und ‘gut’.")
        // A lone low-9 single mark is a comma look-alike: left alone.
        #expect(try findings("Prices rose 3‚5 percent.").isEmpty)
    }

    @Test func straightMarksTakeTheirDirectionFromContext() throws {
        let text = "The deal was “fair,” he said.\n\nShe called it \"a start\" and \"late\"."
        #expect(try fixed(text) == "The deal was “fair,” he said.\n\nShe called it “a start” and “late”.")
        // The direction is a guess from context, so `mtlint fix` alone leaves them.
        let safeOnly = Fixer().fix(Document(text), with: try Linter(rules: [rule]))
        #expect(String(decoding: safeOnly.bytes, as: UTF8.self) == text)
    }

    @Test func ambiguousStraightMarksGetNoFix() throws {
        let text = "The deal was “fair,” he said.\n\nShe called it \" a start\" today."
        let found = try findings(text)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.fix == nil })
    }

    @Test func straightTargetConvertsCurlyMarksInAMixedDocument() throws {
        let text = "She said \"yes\".\n\nHe said “no” at 5’ 11”."
        #expect(try fixed(text, quotes: .straight) == "She said \"yes\".\n\nHe said \"no\" at 5’ 11”.")
    }

    @Test func swedishOpenersThroughout() throws {
        let text = "He said ”yes” and she said ”no” today."
        #expect(try fixed(text) == "He said “yes” and she said “no” today.")
        #expect(try findings("He said ”yes” today.").isEmpty)  // once is the spacing rules' business
        // Before a capital, the wrong-way-opening spacing rule turns the mark: not reported twice.
        #expect(try findings("He said ”Yes” and she said ”No” today.").isEmpty)
    }
}

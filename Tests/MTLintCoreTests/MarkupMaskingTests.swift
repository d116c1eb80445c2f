import Testing
@testable import MTLintCore

@Suite struct MarkupMaskingTests {
    /// What rules see of `source`, with masked units shown as spaces.
    func visible(_ source: String, _ format: DocumentFormat) -> String {
        let doc = Document(source, format: format)
        return doc.text.string
    }

    func findings(_ source: String, _ format: DocumentFormat, rules: [Rule]) throws -> (Document, [Finding]) {
        let doc = Document(source, format: format)
        return (doc, try Linter(rules: rules).lint(doc).findings)
    }

    @Test func markdownCodeURLsAndFrontMatterAreHidden() {
        let source = """
        ---
        title: x ”y
        ---
        Text with `code ”x` and [a link](http://e.com/a,b) and <https://x.y/”z>.

        ```
        fenced ”code
        ```

            indented ”code

        [ref]: http://example.com/”x
        See https://example.com/a_b?c=1, then www.example.org/q_r.
        """
        let seen = visible(source, .markdown)
        #expect(!seen.contains("”y") && !seen.contains("”code") && !seen.contains("”x") && !seen.contains("”z"))
        #expect(!seen.contains("a_b") && !seen.contains("q_r"))
        #expect(seen.contains("Text with"))
        #expect(seen.contains("a link"))
        #expect(seen.utf16.count == source.utf16.count)
        #expect(seen.filter { $0 == "\n" }.count == source.filter { $0 == "\n" }.count)
    }

    @Test func htmlTagsScriptsCommentsAndEntities() {
        let source = "<p class=\"a>b\">Caf&eacute;&nbsp;ok</p><script>var x = \", ”he\";</script><!-- note -->"
        let seen = visible(source, .html)
        #expect(!seen.contains("class") && !seen.contains("var x") && !seen.contains("note"))
        #expect(seen.contains("Caf\u{E9}"))
        #expect(seen.contains("\u{00A0}"))
        #expect(seen.utf16.count == source.utf16.count)
    }

    @Test func positionsStayThoseOfTheOriginalFile() throws {
        let rule = try TestRules.pattern("t/q", ", ”(?=\\p{Ll})")
        let source = "<p>Caf&eacute; 👍, ”he said</p>"
        let (doc, found) = try findings(source, .html, rules: [rule])
        let finding = try #require(found.first)
        let at = doc.location(of: finding.range.lowerBound)
        // "<p>Caf&eacute; 👍" is 16 scalars, 19 bytes... the comma follows.
        #expect(at.column == 17)
        #expect(at.byteOffset == Array("<p>Caf&eacute; 👍".utf8).count)
        #expect(doc.sourceString(finding.range) == ", ”")
    }

    @Test func findingsInCodeAreDroppedAndFixesNeverEditMarkup() throws {
        // Rules see "x   y" for "x<b>y": the match spans the tag, so its fix would edit markup.
        let rule = try TestRules.pattern("t/x", "(x)\\s+y", replace: "x y", report: 1)
        let (_, found) = try findings("`x y` and x<b>y</b>", .markdown, rules: [rule])
        #expect(found.count == 1)
        #expect(found.first?.fix == nil)
    }

    @Test func plainTextIsLintedWhole() {
        #expect(visible("`x` <b>", .plain) == "`x` <b>")
    }

    @Test func disableNextLineAndRanges() throws {
        let rule = try TestRules.pattern("t/q", "QQ")
        let source = """
        QQ one
        <!-- mtlint-disable-next-line t/q -->
        QQ two
        <!-- mtlint-disable t -->
        QQ three
        <!-- mtlint-enable t -->
        QQ four
        """
        let (doc, found) = try findings(source, .markdown, rules: [rule])
        #expect(found.map { doc.location(of: $0.range.lowerBound).line } == [1, 7])
    }

    @Test func unusedSuppressionIsReportedWithASafeFix() throws {
        let rule = try TestRules.pattern("t/q", "QQ")
        let source = "Text.\n\n<!-- mtlint-disable-next-line t/q -->\nClean line.\n"
        let doc = Document(source, format: .markdown)
        let linter = try Linter(rules: [rule])
        let found = linter.lint(doc).findings
        #expect(found.map(\.ruleID) == ["mtlint/unused-suppression"])
        #expect(found.first?.category == .suppression)
        let fixed = Fixer().fix(doc, with: linter)
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == "Text.\n\nClean line.\n")
    }

    @Test func suppressionForARuleThatDidNotRunIsNotReported() throws {
        let rule = try TestRules.pattern("t/q", "QQ")
        let doc = Document("<!-- mtlint-disable-next-line other/rule -->\nx\n", format: .markdown)
        #expect(try Linter(rules: [rule]).lint(doc).findings.isEmpty)
    }
}

import Testing
@testable import MTLintCore

@Suite struct TruncatedTitleMatcherTests {
    func flagged(_ text: String, kind: TruncatedTitleMatcherKind = TruncatedTitleMatcherKind()) throws -> [String] {
        let rule = Rule(id: "test/title", category: .truncatedTitle, severity: .warning, summary: "s", why: "w", scope: .line,
                        matcher: kind, message: Template("${heading}"), fix: FixSpec(action: .deleteLine, applicability: .safe))
        let document = Document(text)
        return try Linter(rules: [rule]).lint(document).findings.map { document.string($0.range) }
    }

    @Test func labelAndStraightQuotesMatchTheCurlyHeadline() throws {
        let text = "Business Rail strike leaves \"thousands\" of commuters...\n\nRail strike leaves “thousands” of commuters stranded\n\nBody."
        #expect(try flagged(text) == ["Business Rail strike leaves \"thousands\" of commuters..."])
    }

    @Test func headlineAboveAndUnicodeEllipsis() throws {
        let text = "Rail strike leaves thousands of commuters stranded\n\nMiddle East Rail strike leaves thousands…"
        #expect(try flagged(text) == ["Middle East Rail strike leaves thousands…"])
    }

    @Test func distanceAndLabelLengthAreOptions() throws {
        let far = "Rail strike leaves thousands of commuters stranded\n\nOne.\n\nTwo.\n\nThree.\n\nRail strike leaves thousands..."
        #expect(try flagged(far).isEmpty)
        #expect(try flagged(far, kind: TruncatedTitleMatcherKind(distance: 8)).count == 1)
        let label = "Rail strike leaves thousands of commuters stranded\nWorld Rail strike leaves thousands..."
        #expect(try flagged(label, kind: TruncatedTitleMatcherKind(maxLabelWords: 0)).isEmpty)
    }

    @Test func cleanTextWithEllipsesIsLeftAlone() throws {
        let clean = """
        Rail strike leaves thousands of commuters stranded

        The union said the strike would last... well, nobody knew.

        And then...

        He said rail strike leaves thousands...

        Rail strike leaves thousands of commuters stranded, again...
        """
        #expect(try flagged(clean).isEmpty)
    }

    @Test func fixDeletesTheCopy() throws {
        let text = "World Rail strike leaves thousands of...\n\nRail strike leaves thousands of commuters stranded"
        let rule = Rule(id: "test/title", category: .truncatedTitle, severity: .warning, summary: "s", why: "w", scope: .line,
                        matcher: TruncatedTitleMatcherKind(), message: Template("m"), fix: FixSpec(action: .deleteLine, applicability: .safe))
        // Behind a section label the deletion is unsafe; a plain copy goes with the safe fixes.
        let safe = Fixer().fix(Document(text), with: try Linter(rules: [rule]))
        #expect(String(decoding: safe.bytes, as: UTF8.self) == text)
        let outcome = Fixer(includeUnsafe: true).fix(Document(text), with: try Linter(rules: [rule]))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "Rail strike leaves thousands of commuters stranded")
        let plain = "Rail strike leaves thousands of...\n\nRail strike leaves thousands of commuters stranded"
        let plainFixed = Fixer().fix(Document(plain), with: try Linter(rules: [rule]))
        #expect(String(decoding: plainFixed.bytes, as: UTF8.self) == "Rail strike leaves thousands of commuters stranded")
    }
}

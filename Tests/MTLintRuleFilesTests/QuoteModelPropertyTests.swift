import PropertyBased
import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// Properties of the quotation-mark model over generated texts of our own:
/// - a text written well (marks paired, spaced and turned as English writes them, in curly or
///   straight marks throughout) gets no quote finding;
/// - a slip the issue lists (a space on the wrong side, a mark glued to a word, both marks of a
///   pair turned) is repaired by the safe fixes to exactly the text written well;
/// - the spacing and style fixes change nothing but quotation marks and white space.
@Suite struct QuoteModelPropertyTests {
    static let rules = QuoteModelTests.rules

    /// Sentences written well, with `{`/`}` for the opening and closing double marks, `<`/`>`
    /// for single ones.
    static let sentences = [
        "The council met on Monday.",
        "{We will wait,} she said.",
        "He added: {It is done.}",
        "They called it {a farce} on Monday.",
        "{He said <never> to us,} she said.",
        "The students’ union met in the ’90s.",
        "She called the plan {a good start} and left.",
        "{We began early and worked late.\n\n{We finished on time,} he said.",
        "Rain fell ({heavily,} said the report) all day.",
        "The vote was close.",
    ]

    static func render(_ template: String, curly: Bool) -> String {
        template.replacingOccurrences(of: "{", with: curly ? "“" : "\"").replacingOccurrences(of: "}", with: curly ? "”" : "\"")
            .replacingOccurrences(of: "<", with: curly ? "‘" : "'").replacingOccurrences(of: ">", with: curly ? "’" : "'")
    }

    static func text(_ picks: [Int?], curly: Bool) -> String {
        picks.compactMap { $0 }.map { render(sentences[$0 % sentences.count], curly: curly) }.joined(separator: " ")
    }

    static func findings(_ text: String) throws -> [Finding] { try Linter(rules: rules).lint(Document(text)).findings }

    @Test func wellWrittenTextGetsNoQuoteFinding() async throws {
        await propertyCheck(count: 300, input: Gen<Int?>.element(of: Array(0..<10)).array(of: 1...8), Gen<Bool>.bool) { picks, curly in
            let text = Self.text(picks, curly: curly)
            let found = (try? Self.findings(text)) ?? []
            #expect(found.isEmpty, "\(text.debugDescription): \(found.map(\.message))")
        }
    }

    @Test func safeFixesUndoTheSlipsTheModelKnows() async throws {
        // Each slip turns a well-written sentence into one with a misplaced or turned mark.
        let slipped: [(String, String)] = [
            ("“We will wait,” she said.", "“We will wait, ”she said."),
            ("They called it “a farce” on Monday.", "They called it “ a farce ” on Monday."),
            ("They called it “a farce” on Monday.", "They called it ” a farce “ on Monday."),
            ("They called it “a farce” on Monday.", "They called it”a farce” on Monday."),
            ("They called it “a farce” on Monday.", "They called it “a farce”on Monday."),
            ("He added: “It is done.”", "He added: “ It is done.”"),
            ("He added: “It is done.”", "He added: “It is done. ”"),
            ("She called the plan “a good start” and left.", "She called the plan ”a good start” and left."),
        ]
        await propertyCheck(count: 200, input: Gen<Int?>.element(of: Array(0..<10)).array(of: 0...5),
                            Gen<Int?>.element(of: Array(slipped.indices)), Gen<Int?>.element(of: Array(0..<10)).array(of: 0...5)) { before, slip, after in
            guard let slip else { return }
            let head = Self.text(before, curly: true), tail = Self.text(after, curly: true)
            let join = { (middle: String) in [head, middle, tail].filter { !$0.isEmpty }.joined(separator: " ") }
            let written = join(slipped[slip].0), broken = join(slipped[slip].1)
            let outcome = Fixer().fix(Document(broken), with: (try? Linter(rules: Self.rules)) ?? Linter.empty)
            #expect(String(decoding: outcome.bytes, as: UTF8.self) == written, "\(broken.debugDescription)")
        }
    }

    static let pieces = ["“", "”", "\"", "«", "»", "„", "‘", "’", "'", " ", "  ", ",", ".", "!", "?", ":", " – ",
                         "word", "Capital", "he said", "\n", "\n\n", "👍🏽", "北约", "e\u{301}", "(", ")", "5"]

    @Test func spacingAndStyleFixesOnlyTouchMarksAndSpaces() async throws {
        let linter = try Linter(rules: Self.rules.filter { ["quotes/spacing", "quotes/mixed-style", "typography/guillemet-spacing"].contains($0.id) })
        func onlyMarksAndSpaces(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { QuoteGlyph.of($0.value) != nil || $0.properties.isWhitespace }
        }
        await propertyCheck(count: 1000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...30)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let document = Document(text)
            for finding in linter.lint(document).findings {
                for edit in finding.fix?.edits ?? [] where finding.fix?.applicability == .safe {
                    #expect(onlyMarksAndSpaces(document.string(edit.range)) && onlyMarksAndSpaces(edit.replacement),
                            "\(finding.ruleID) edits \(document.string(edit.range).debugDescription) → \(edit.replacement.debugDescription) in \(text.debugDescription)")
                }
            }
        }
    }
}

extension Linter {
    /// A linter with no rules (for a failed set-up in a property, which then fails loudly).
    static var empty: Linter {
        // A linter without rules needs no ICU state that can fail.
        (try? Linter(rules: [])) ?? { fatalError("a linter without rules cannot fail") }()
    }
}

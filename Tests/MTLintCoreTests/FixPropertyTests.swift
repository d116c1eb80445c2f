import PropertyBased
import Testing
@testable import MTLintCore

/// Random documents mixing artifact snippets, clean sentences, emoji, CJK and CRLF: fixing never
/// touches bytes outside the findings' fix spans, is idempotent, and never crashes.
@Suite struct FixPropertyTests {
    static let snippets = [
        "stop it now, ”he said", "Clean sentence here.", "👍🏽 emoji", "北约秘书长", "\r\n", "\n", "\n\n",
        "- Advertisement -", "Latest news", "colour", "e\u{301}", " ", "“quoted”", "’90s",
    ]

    static func rules() throws -> [Rule] {
        [
            try TestRules.pattern("t/space", "(?<=\\p{L},) ”(?=\\p{Ll})", replace: "” "),
            try TestRules.pattern("t/colour", "colour", replace: "color"),
            TestRules.lines("t/furniture", ["- Advertisement -", "Latest news"]),
        ]
    }

    @Test func editsStayInsideFindingsAndFixingIsIdempotent() async throws {
        let linter = try Linter(rules: Self.rules())
        await propertyCheck(count: 200, input: Gen<String?>.element(of: Self.snippets).array(of: 0...30)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let document = Document(text)
            let findings = linter.lint(document).findings
            // Every edit lies inside its finding's lines, widened by the blank lines next to
            // them (a deleted line takes a neighbouring paragraph break with it).
            for finding in findings {
                let region = Self.linesAround(finding.range, in: document)
                for edit in finding.fix?.edits ?? [] {
                    #expect(region.lowerBound <= edit.range.lowerBound && edit.range.upperBound <= region.upperBound,
                            "edit \(edit.range) outside \(region) in \(text.debugDescription)")
                }
            }
            let once = Fixer().fix(document, with: linter)
            guard let fixedDocument = try? Document(bytes: once.bytes) else {
                Issue.record("the fixed text is not a document")
                return
            }
            let twice = Fixer().fix(fixedDocument, with: linter)
            #expect(twice.bytes == once.bytes)
            #expect(twice.applied.isEmpty)
            // Outside the union of edit spans, the text is unchanged: check by removing all findings' lines.
            let outside = Self.textOutside(findings, of: document)
            let fixedText = String(decoding: once.bytes, as: UTF8.self)
            var cursor = fixedText.startIndex
            for piece in outside where !piece.isEmpty {
                guard let found = fixedText[cursor...].firstRange(of: piece) else {
                    Issue.record("text outside the fixes changed: \(piece.debugDescription) missing from \(fixedText.debugDescription)")
                    break
                }
                cursor = found.upperBound
            }
        }
    }

    /// The lines `range` touches plus the runs of blank lines before and after them.
    static func linesAround(_ range: Range<Int>, in document: Document) -> Range<Int> {
        var first = document.lineIndex(containing: range.lowerBound)
        var last = document.lineIndex(containing: max(range.lowerBound, range.upperBound - 1))
        while first > 0, document.isBlank(document.lines[first - 1]) { first -= 1 }
        if first > 0 { first -= 1 }  // the break ending the line before the blank run
        while last + 1 < document.lines.count, document.isBlank(document.lines[last + 1]) { last += 1 }
        return document.lines[first].content.lowerBound..<document.lines[last].end
    }

    /// The pieces of text between the fixed findings' regions (see `linesAround`), in order.
    static func textOutside(_ findings: [Finding], of document: Document) -> [String] {
        let spans = findings.filter { $0.fix != nil }.map { linesAround($0.range, in: document) }.sorted { $0.lowerBound < $1.lowerBound }
        var pieces: [String] = []
        var cursor = 0
        for span in spans {
            if span.lowerBound > cursor { pieces.append(document.string(cursor..<span.lowerBound)) }
            cursor = max(cursor, span.upperBound)
        }
        pieces.append(document.string(cursor..<document.text.count))
        return pieces
    }
}

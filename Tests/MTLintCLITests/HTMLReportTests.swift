import Foundation
import Testing
@testable import MTLintCLI
@testable import MTLintReporters

/// `mtlint lint --format html`: one self-contained page whose structure and escaping hold
/// whatever the articles contain (scripts/html-report-check.sh also loads it in Chromium).
@Suite struct HTMLReportTests {
    func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

    @Test func theReportIsSelfContainedAndCountsEveryFinding() throws {
        let path = packageRoot + "/Examples/article.txt"
        let html = runMTLint(["lint", "--format", "html", path])
        #expect(html.status == 1)
        let json = runMTLint(["lint", "--format", "json", path])
        let findings = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        let page = html.out
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.hasSuffix("</html>\n"))
        // Nothing fetched, nothing run.
        for outside in ["<script", "<link", "src=", "@import", "url(", "http://", "https://"] {
            #expect(!page.contains(outside), "the page holds \(outside)")
        }
        #expect(count("<style>", in: page) == 1)
        // One anchor in the text and one list entry per finding.
        #expect(count("<a class=\"at\" id=", in: page) == findings.count)
        #expect(count("<li class=\"finding ", in: page) == findings.count)
        #expect(page.contains("<span class=\"total\">\(findings.count)</span> artifacts in 1 of 1 file"))
        // Safe and unsafe fixes told apart, in highlights and in the list.
        let safe = findings.filter { ($0["fix"] as? [String: Any])?["applicability"] as? String == "safe" }.count
        let unsafe = findings.filter { ($0["fix"] as? [String: Any])?["applicability"] as? String == "unsafe" }.count
        #expect(count("<span class=\"badge safe\">", in: page) == safe)
        #expect(count("<span class=\"badge unsafe\">", in: page) == unsafe)
        #expect(page.contains("<mark class=\"c-quote-spacing sev-warning fix-safe\""))
        #expect(page.contains("<del>military reinforcement</del> → <ins>military build-up</ins>"))
        // Summary by category, and by file with a link to the file's section.
        #expect(page.contains("<tr class=\"c-boilerplate\"><td><span class=\"swatch\"></span>boilerplate</td>"))
        let anchor = HTMLFileSection.anchor(of: path)
        #expect(page.contains("<a href=\"#\(anchor)\">"))
        #expect(page.contains("<div class=\"file-body\" id=\"\(anchor)\">"))
        // The text is all there: the marks and anchors removed, the article comes back whole.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let shown = try #require(page.firstRange(of: "<div class=\"text\">").flatMap { start in
            page[start.upperBound...].firstRange(of: "</div>").map { String(page[start.upperBound..<$0.lowerBound]) }
        })
        #expect(Self.unescape(Self.strippingTags(shown)) == text)
    }

    /// The text of HTML with its tags removed (the report's text holds only marks and anchors).
    static func strippingTags(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: "")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func articleTextIsAlwaysEscaped() throws {
        let hostile = "<script>alert(1)</script> </textarea><img src=x onerror=alert(2)> \"quoted\" 'single' &amp; &lt;b&gt; "
            + "\u{7}bell, ”he said.\n- Advertisment -\n"
        let result = runMTLint(["lint", "--format", "html", "-"], stdin: hostile)
        #expect(result.status == 1)
        let page = result.out
        #expect(!page.contains("<script"))
        #expect(!page.contains("</textarea>"))
        #expect(!page.contains("<img"))
        // The text, its highlights taken out, is the escaped article, every character of it.
        let shown = try #require(page.firstRange(of: "<div class=\"text\">").flatMap { start in
            page[start.upperBound...].firstRange(of: "</div>").map { String(page[start.upperBound..<$0.lowerBound]) }
        })
        #expect(Self.strippingTags(shown) == "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt; "
            + "&quot;quoted&quot; &#39;single&#39; &amp;amp; &amp;lt;b&amp;gt; \u{2407}bell, ”he said.\n- Advertisment -\n")
        // Hover texts quote the article too: escaped in their attributes.
        #expect(page.contains("bell,&quot; he`"))
        #expect(!page.contains("bell,\" he`"))
        // Paths are escaped as well.
        let folder = try temporaryFolder()
        let odd = folder + "/<b>\"a&b\".txt"
        try "- Advertisment -\n".write(toFile: odd, atomically: true, encoding: .utf8)
        let named = runMTLint(["lint", "--format", "html", odd]).out
        #expect(!named.contains("<b>\""))
        #expect(named.contains("&lt;b&gt;&quot;a&amp;b&quot;.txt"))
    }

    @Test func overlappingFindingsAreAllShown() throws {
        // Two rules flag the same line: one highlight marked as several, an anchor and a list
        // entry for each.
        let folder = try temporaryFolder()
        for (name, pattern, flagged) in [("ad-label", "- Advertis\\w+ -", "⟨- Advertisement -⟩"), ("ad-word", "Advertis\\w+", "- ⟨Advertisement⟩ -")] {
            let rule = """
            id: house/\(name)
            category: boilerplate
            summary: An ad label.
            why: A test rule.
            match: { pattern: '\(pattern)' }
            message: Ad label.
            examples:
              flag: ['\(flagged)']
              pass: ['An ad ran.']

            """
            try rule.write(toFile: folder + "/\(name).yml", atomically: true, encoding: .utf8)
        }
        let result = runMTLint(["lint", "--format", "html", "--no-builtin-rules", "--rules", folder, "--input-format", "html", "-"],
                               stdin: "<p>Intro.</p>\n<p>- Advertisment -</p>\n")
        #expect(count("<a class=\"at\" id=", in: result.out) == 2, "\(result.err)")
        #expect(count("<li class=\"finding ", in: result.out) == 2)
        #expect(result.out.contains(" multi\""))
        #expect(result.out.contains("&lt;p&gt;- Advertisment -&lt;/p&gt;") || result.out.contains("- Advertisment -</mark>&lt;/p&gt;")
                || result.out.contains("Advertisment"))
    }

    @Test func manyFilesStayUsable() throws {
        let folder = try temporaryFolder()
        for index in 0..<1_000 {
            let text = index % 4 == 0 ? "A clean line.\n" : "Line \(index).\n- Advertisment -\n"
            try text.write(toFile: folder + String(format: "/f%03d.txt", index), atomically: true, encoding: .utf8)
        }
        let page = runMTLint(["lint", "--format", "html", folder]).out
        // An index row per file, a section per file with findings, the first few open.
        #expect(count("<tr><td>", in: page) == 1_000)
        #expect(count("<details class=\"file\"", in: page) == 750)
        #expect(count("<details class=\"file\" open>", in: page) == 5)
        #expect(count("<span class=\"clean\">", in: page) == 250)
        #expect(page.contains("<span class=\"total\">750</span> artifacts in 750 of 1000 files"))
        // Each file section links back from the index.
        #expect(page.contains("<a href=\"#\(HTMLFileSection.anchor(of: folder + "/f999.txt"))\">"))
    }

    @Test func noFindingsSaysSo() {
        let result = runMTLint(["lint", "--format", "html", "-"], stdin: "A clean sentence.\n")
        #expect(result.status == 0)
        #expect(result.out.contains("No artifacts found in 1 file."))
        #expect(!result.out.contains("<details"))
    }

    @Test func escapingUnit() {
        #expect(HTMLEscaping.escape("a<b>&\"'\u{0}\u{1F}\u{7F}\té") == "a&lt;b&gt;&amp;&quot;&#39;\u{2400}\u{241F}\u{2421}\té")
        #expect(HTMLEscaping.identifier("dir/a b.txt") == "dir_2Fa_20b_2Etxt")
        #expect(HTMLEscaping.identifier("a_b") != HTMLEscaping.identifier("a/b"))
    }
}

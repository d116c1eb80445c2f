import Foundation
import MTLintCore
import Testing
@testable import MTLintCLI

/// Quick fixes, fix-all and disable-on-this-line, applied as an editor applies them.
@Suite struct LanguageServerCodeActionTests {
    let uri = "file:///tmp/mtlint-lsp-test/article.txt"
    let markdownURI = "file:///tmp/mtlint-lsp-test/article.md"

    func actions(_ client: LanguageServerClient, _ uri: String, _ range: LSPAny, only: [String]? = nil) -> [LSPAny] {
        var context: [String: LSPAny] = ["diagnostics": []]
        if let only { context["only"] = .array(only.map(LSPAny.string)) }
        return client.call("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": range, "context": .object(context)])?["result"]?.array ?? []
    }

    @Test func safeAndUnsafeQuickFixesAreToldApart() throws {
        let line = "👍 They met the head of French diplomacy: “no, ”he said."
        let client = LanguageServerClient()
        client.start()
        client.open(uri, line + "\n")
        let diagnostics = try #require(client.diagnostics(for: uri))
        let quote = try #require(diagnostics.first { $0["code"]?.string == "quotes/spacing" })
        let calque = try #require(diagnostics.first { $0["code"]?.string == "calques/news-patterns" })

        let quoteActions = actions(client, uri, quote["range"] ?? .null, only: ["quickfix"])
        let safe = try #require(quoteActions.first { $0["title"]?.string?.hasPrefix("Fix:") == true })
        #expect(safe["title"]?.string == "Fix: replace “ ”” with “” ”")
        #expect(safe["kind"]?.string == "quickfix")
        #expect(safe["isPreferred"]?.bool == true)
        #expect(safe["diagnostics"]?.array?.first?["code"]?.string == "quotes/spacing")
        let fixed = applyTextEdits(textEdits(in: safe["edit"], for: uri), to: line + "\n")
        #expect(fixed == "👍 They met the head of French diplomacy: “no,” he said.\n")

        let calqueActions = actions(client, uri, calque["range"] ?? .null)
        let unsafe = try #require(calqueActions.first { $0["title"]?.string?.hasPrefix("Fix (unsafe):") == true })
        #expect(unsafe["isPreferred"]?.bool == false)
        #expect(unsafe["diagnostics"]?.array?.first?["code"]?.string == "calques/news-patterns")
        // Plain text has no comment to disable a rule with.
        #expect(!calqueActions.contains { $0["title"]?.string?.hasPrefix("Disable") == true })
        client.stop()
    }

    @Test func fixAllGivesWhatMTLintFixGives() throws {
        let text = try String(contentsOfFile: packageRoot + "/Examples/article.txt", encoding: .utf8)
        let client = LanguageServerClient()
        client.start()
        client.open(uri, text)
        _ = client.diagnostics(for: uri)
        let found = actions(client, uri, lspRange(0, 0, 0, 0), only: ["source.fixAll"])
        #expect(found.count == 1)
        let fixAll = try #require(found.first)
        #expect(fixAll["kind"]?.string == "source.fixAll.mtlint")
        let edits = textEdits(in: fixAll["edit"], for: uri)
        #expect(edits.count > 1, "one edit per changed run of lines")
        let expected = runMTLint(["fix", "-"], stdin: text).out
        #expect(applyTextEdits(edits, to: text) == expected)
        // Asking for quick fixes only leaves it out.
        #expect(!actions(client, uri, lspRange(0, 0, 0, 0), only: ["quickfix"]).contains { $0["kind"]?.string == "source.fixAll.mtlint" })
        client.stop()
    }

    @Test(arguments: PositionEncoding.allCases)
    func fixAllEditsKeepAstralCharactersCRLFAndTheBOM(_ encoding: PositionEncoding) throws {
        let text = "\u{FEFF}👍🏽 “stop it now, ”he said.\r\n- Advertisment -\r\n𝄞 Zoe\u{301} went on: “no, ”she said.\r\n"
        let client = LanguageServerClient()
        client.start(capabilities: ["general": ["positionEncodings": [.string(encoding.rawValue)]]])
        client.open(uri, text)
        _ = client.diagnostics(for: uri)
        let fixAll = try #require(actions(client, uri, lspRange(0, 0, 0, 0), only: ["source.fixAll.mtlint"]).first)
        let fixed = applyTextEdits(textEdits(in: fixAll["edit"], for: uri), to: text, encoding: encoding)
        #expect(fixed == "\u{FEFF}👍🏽 “stop it now,” he said.\r\n𝄞 Zoe\u{301} went on: “no,” she said.\r\n")
        client.stop()
    }

    @Test func editsAreTiedToTheVersionWhenTheClientTakesDocumentChanges() throws {
        let client = LanguageServerClient()
        client.start(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        client.open(uri, "“stop it now, ”he said\n", version: 7)
        let diagnostic = try #require(client.diagnostics(for: uri)?.first)
        let action = try #require(actions(client, uri, diagnostic["range"] ?? .null).first)
        let change = try #require(action["edit"]?["documentChanges"]?.array?.first)
        #expect(change["textDocument"]?["version"]?.int == 7)
        #expect(change["textDocument"]?["uri"]?.string == uri)
        client.stop()
    }

    @Test func disablingARuleOnALineInMarkdown() throws {
        let text = "# Talks\n\n  They met the head of French diplomacy: “we agreed, ”he said.\n"
        let client = LanguageServerClient()
        client.start()
        client.open(markdownURI, text, language: "markdown")
        let diagnostics = try #require(client.diagnostics(for: markdownURI))
        let quote = try #require(diagnostics.first { $0["code"]?.string == "quotes/spacing" })
        let disable = try #require(actions(client, markdownURI, quote["range"] ?? .null).first {
            $0["title"]?.string == "Disable quotes/spacing on this line"
        })
        #expect(disable["kind"]?.string == "quickfix")
        let once = applyTextEdits(textEdits(in: disable["edit"], for: markdownURI), to: text)
        #expect(once == "# Talks\n\n  <!-- mtlint-disable-next-line quotes/spacing -->\n  They met the head of French diplomacy: “we agreed, ”he said.\n")
        client.change(markdownURI, version: 2, [["text": .string(once)]])
        let after = try #require(client.diagnostics(for: markdownURI, version: 2))
        #expect(after.compactMap { $0["code"]?.string } == ["calques/news-patterns"])

        // A second rule on the same line joins the comment already there.
        let calque = try #require(after.first)
        let second = try #require(actions(client, markdownURI, calque["range"] ?? .null).first {
            $0["title"]?.string == "Disable calques/news-patterns on this line"
        })
        let twice = applyTextEdits(textEdits(in: second["edit"], for: markdownURI), to: once)
        #expect(twice.contains("<!-- mtlint-disable-next-line quotes/spacing calques/news-patterns -->\n"))
        client.change(markdownURI, version: 3, [["text": .string(twice)]])
        #expect(client.diagnostics(for: markdownURI, version: 3)?.isEmpty == true)
        client.stop()
    }

    @Test func disablingInHTMLAndRemovingAnUnusedSuppression() throws {
        let uri = "file:///tmp/mtlint-lsp-test/page.html"
        let text = "<p>Intro.</p>\r\n<!-- mtlint-disable-next-line calque -->\r\n<p>A clean line.</p>\r\n<p>- Advertisment -</p>\r\n"
        let client = LanguageServerClient()
        client.start()
        client.open(uri, text, language: "html")
        let diagnostics = try #require(client.diagnostics(for: uri))
        let unused = try #require(diagnostics.first { $0["code"]?.string == "mtlint/unused-suppression" })
        #expect(unused["tags"] == [1])
        let remove = try #require(actions(client, uri, unused["range"] ?? .null).first { $0["title"]?.string?.hasPrefix("Fix:") == true })
        let removed = applyTextEdits(textEdits(in: remove["edit"], for: uri), to: text)
        #expect(removed == "<p>Intro.</p>\r\n<p>A clean line.</p>\r\n<p>- Advertisment -</p>\r\n")
        // The line's CRLF is kept for the inserted comment.
        let furniture = try #require(diagnostics.first { $0["code"]?.string == "boilerplate/page-furniture" })
        let disable = try #require(actions(client, uri, furniture["range"] ?? .null).first {
            $0["title"]?.string == "Disable boilerplate/page-furniture on this line"
        })
        let disabled = applyTextEdits(textEdits(in: disable["edit"], for: uri), to: text)
        #expect(disabled.hasSuffix("<p>A clean line.</p>\r\n<!-- mtlint-disable-next-line boilerplate/page-furniture -->\r\n<p>- Advertisment -</p>\r\n"))
        client.stop()
    }

    @Test func actionsOnlyForFindingsInTheRange() throws {
        let client = LanguageServerClient()
        client.start()
        client.open(uri, "A clean first line.\n“stop it now, ”he said\n")
        _ = client.diagnostics(for: uri)
        #expect(actions(client, uri, lspRange(0, 0, 0, 5), only: ["quickfix"]).isEmpty)
        #expect(actions(client, uri, lspRange(1, 14, 1, 14), only: ["quickfix"]).count == 1)
        client.stop()
    }
}

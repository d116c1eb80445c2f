import Foundation
import MTLintCore
import Testing
@testable import MTLintCLI

/// The language server at the protocol level: real JSON-RPC messages over pipes to a server
/// running in-process.
@Suite struct LanguageServerTests {
    let uri = "file:///tmp/mtlint-lsp-test/article.txt"

    // MARK: Initialize

    @Test func initializeAdvertisesSyncAndCodeActionsAndNegotiatesTheEncoding() throws {
        let cases: [(offered: LSPAny?, expected: String)] = [
            (nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-32", "utf-16"], "utf-32"),
            (["utf-7", "UTF-8"], "utf-8"), (["nonsense"], "utf-16"),
        ]
        for (offered, expected) in cases {
            let client = LanguageServerClient()
            let capabilities: LSPAny = offered.map { ["general": ["positionEncodings": $0]] } ?? [:]
            let result = try #require(client.start(capabilities: capabilities))
            #expect(result["capabilities"]?["positionEncoding"]?.string == expected)
            #expect(result["capabilities"]?["textDocumentSync"]?["change"]?.int == 2)
            #expect(result["capabilities"]?["textDocumentSync"]?["openClose"]?.bool == true)
            #expect(result["capabilities"]?["textDocumentSync"]?["save"] != nil)
            let kinds = result["capabilities"]?["codeActionProvider"]?["codeActionKinds"]?.array?.compactMap(\.string) ?? []
            #expect(kinds == ["quickfix", "source.fixAll.mtlint"])
            #expect(result["serverInfo"]?["name"]?.string == "mtlint")
            #expect(result["offsetEncoding"] == nil)
            client.stop()
        }
    }

    @Test func clangdOffsetEncodingIsAnsweredInKind() throws {
        let client = LanguageServerClient()
        let result = try #require(client.start(capabilities: ["offsetEncoding": ["utf-8", "utf-16"]]))
        #expect(result["offsetEncoding"]?.string == "utf-8")
        #expect(result["capabilities"]?["positionEncoding"]?.string == "utf-8")
        client.stop()
    }

    // MARK: Diagnostics

    /// The expected protocol character of `prefix` (the line's text before a place) in each
    /// encoding, counted by Swift's own views rather than by the server's code.
    static func character(_ prefix: String, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: prefix.utf8.count
        case .utf16: prefix.utf16.count
        case .utf32: prefix.unicodeScalars.count
        }
    }

    @Test(arguments: PositionEncoding.allCases)
    func diagnosticRangesAreExactInTheNegotiatedEncoding(_ encoding: PositionEncoding) throws {
        // A BOM, astral characters (an emoji with a skin tone), a combining mark and CRLF
        // line ends before the artifacts; the first artifact is on the BOM's line.
        let line0 = "\u{FEFF}👍🏽 Zoe\u{301} 𝒳: “stop it now,"
        let line1 = "𝄞 北约 e\u{301}\u{302}: “and then,"
        let text = line0 + " ”he said.\r\n" + line1 + " ”she said.\r\n- Advertisment -\r\n"
        let client = LanguageServerClient()
        let result = try #require(client.start(capabilities: ["general": ["positionEncodings": [.string(encoding.rawValue)]]]))
        #expect(result["capabilities"]?["positionEncoding"]?.string == encoding.rawValue)
        client.open(uri, text)
        let diagnostics = try #require(client.diagnostics(for: uri))
        let closing = diagnostics.filter { $0["code"]?.string == "quotes/spacing" }
        #expect(closing.count == 2)
        // Each finding covers the misplaced space and the closing mark.
        let first = try #require(closing.first?["range"])
        #expect(first == lspRange(0, Self.character(line0, encoding), 0, Self.character(line0 + " ”", encoding)))
        let second = try #require(closing.last?["range"])
        #expect(second == lspRange(1, Self.character(line1, encoding), 1, Self.character(line1 + " ”", encoding)))
        let furniture = try #require(diagnostics.first { $0["code"]?.string == "boilerplate/page-furniture" })
        #expect(furniture["range"] == lspRange(2, 0, 2, 16))
        client.stop()
    }

    @Test func diagnosticsCarrySeverityCodeLinkAndSource() throws {
        let client = LanguageServerClient()
        client.start(options: ["debounceMilliseconds": 0, "rulesCatalogURL": "file:///docs/rules-catalog.md"])
        client.open(uri, "They spoke of the head of French diplomacy: “no, ”he said.\n")
        let diagnostics = try #require(client.diagnostics(for: uri))
        let quote = try #require(diagnostics.first { $0["code"]?.string == "quotes/spacing" })
        #expect(quote["severity"]?.int == 2)
        #expect(quote["source"]?.string == "mtlint")
        #expect(quote["message"]?.string?.hasPrefix("Quotation mark: the space is before the closing mark") == true)
        #expect(quote["codeDescription"]?["href"]?.string == "file:///docs/rules-catalog.md#quotesspacing")
        let calque = try #require(diagnostics.first { $0["code"]?.string == "calques/news-patterns" })
        #expect(calque["severity"]?.int == 3)
        client.stop()
    }

    @Test func everyCatalogLinkNamesAnEntryOfTheCatalog() throws {
        let catalog = try String(contentsOfFile: packageRoot + "/docs/rules-catalog.md", encoding: .utf8)
        let client = LanguageServerClient()
        client.start()
        client.open(uri, try String(contentsOfFile: packageRoot + "/Examples/article.txt", encoding: .utf8))
        let diagnostics = try #require(client.diagnostics(for: uri))
        #expect(diagnostics.count > 10)
        for diagnostic in diagnostics {
            let href = try #require(diagnostic["codeDescription"]?["href"]?.string)
            let anchor = try #require(href.split(separator: "#").last.map(String.init))
            let id = try #require(diagnostic["code"]?.string)
            #expect(catalog.contains("### \(id)\n") && catalog.contains("(#\(anchor))"), "no catalog entry for \(href)")
        }
        client.stop()
    }

    @Test func incrementalAndFullChangesAreAppliedAndRelinted() throws {
        let client = LanguageServerClient()
        client.start()
        client.open(uri, "A clean line.\nAnother clean line.\n")
        #expect(client.diagnostics(for: uri, version: 1)?.isEmpty == true)
        // Insert an artifact into the second line, after an emoji typed in two steps.
        client.change(uri, version: 2, [["range": lspRange(1, 0, 1, 0), "text": "👍"]])
        client.change(uri, version: 3, [["range": lspRange(1, 2, 1, 7), "text": " “stop it now, ”he said"]])
        let diagnostics = try #require(client.diagnostics(for: uri, version: 3))
        let quote = try #require(diagnostics.first { $0["code"]?.string == "quotes/spacing" })
        // "👍 “stop it now," is 2 + 14 UTF-16 units; the finding is the space and the mark.
        #expect(quote["range"] == lspRange(1, 16, 1, 18))
        // A whole-text change replaces everything.
        client.change(uri, version: 4, [["text": "- Advertisment -\n"]])
        let replaced = try #require(client.diagnostics(for: uri, version: 4))
        #expect(replaced.compactMap { $0["code"]?.string } == ["boilerplate/page-furniture"])
        client.stop()
    }

    @Test func aNewerVersionSupersedesTheOlderOnes() throws {
        let client = LanguageServerClient()
        client.start(options: ["debounceMilliseconds": 300])
        client.open(uri, "Start.\n")
        _ = client.diagnostics(for: uri, version: 1)
        // Typing: each change comes before the pause ends, so only the last is linted.
        for version in 2...40 {
            client.change(uri, version: version, [["range": lspRange(0, 0, 0, 0), "text": version == 40 ? "- Advertisment -\n" : " "]])
        }
        let diagnostics = try #require(client.diagnostics(for: uri))
        Thread.sleep(forTimeInterval: 0.5)
        let published = client.drain().filter { $0["method"]?.string == "textDocument/publishDiagnostics" }
        #expect(published.isEmpty, "only the last version is published")
        #expect(diagnostics.compactMap { $0["code"]?.string } == ["boilerplate/page-furniture"])
        client.stop()
    }

    @Test func lintingDoesNotHoldUpTheReaderLoop() throws {
        // A large document is linted on the lint queue; meanwhile the server still reads and
        // answers (an unknown method's error comes back before the diagnostics).
        let client = LanguageServerClient()
        client.start()
        let paragraph = "The minister said on Wednesday that talks would resume, ”he said after the meeting.\n\n"
        client.open(uri, String(repeating: paragraph, count: 600))
        let id = client.request("mtlint/unknown")
        let first = try #require(client.waitFor { $0["id"]?.int == id || $0["method"]?.string == "textDocument/publishDiagnostics" })
        #expect(first["id"]?.int == id)
        #expect((client.diagnostics(for: uri, timeout: 120)?.count ?? 0) >= 600)
        client.stop()
    }

    @Test func closingClearsTheDiagnostics() throws {
        let client = LanguageServerClient()
        client.start()
        client.open(uri, "- Advertisment -\n")
        #expect(client.diagnostics(for: uri)?.count == 1)
        client.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(client.diagnostics(for: uri)?.isEmpty == true)
        let answer = client.call("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": lspRange(0, 0, 0, 0), "context": ["diagnostics": []]])
        #expect(answer?["error"]?["code"]?.int == -32602)
        client.stop()
    }

    @Test func documentKindComesFromTheLanguageID() throws {
        let client = LanguageServerClient()
        client.start()
        // In Markdown, code is not linted; as plain text it is.
        let text = "`- Advertisment -` is how it looked.\n\n    stop it now, ”he said\n"
        client.open("untitled:Untitled-1", text, language: "markdown")
        #expect(client.diagnostics(for: "untitled:Untitled-1")?.isEmpty == true)
        client.open("untitled:Untitled-2", text, language: "plaintext")
        #expect(client.diagnostics(for: "untitled:Untitled-2")?.isEmpty == false)
        client.stop()
    }
}


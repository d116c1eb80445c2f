import Foundation
import MTLintCore
import Testing
@testable import MTLintCLI

/// `.mtlint.yml` per document, re-read on `workspace/didChangeConfiguration`, and the last good
/// set kept while a configuration or rule file is broken.
@Suite struct LanguageServerConfigurationTests {
    let article = "“We stop it now, ”he said.\n- Advertisment -\n"

    func codes(_ diagnostics: [LSPAny]?) -> [String] { (diagnostics ?? []).compactMap { $0["code"]?.string }.sorted() }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func eachDocumentHasTheConfigurationAboveIt() throws {
        let folder = try temporaryFolder()
        try write("ignore: [boilerplate]\nexclude: ['drafts/**']\n", to: folder + "/desk/.mtlint.yml")
        let client = LanguageServerClient()
        client.start(rootURI: OpenDocument.uri(ofPath: folder))
        let configured = OpenDocument.uri(ofPath: folder + "/desk/a.txt")
        let elsewhere = OpenDocument.uri(ofPath: folder + "/other/b.txt")
        let excluded = OpenDocument.uri(ofPath: folder + "/desk/drafts/c.txt")
        client.open(configured, article)
        client.open(elsewhere, article)
        client.open(excluded, article)
        #expect(codes(client.diagnostics(for: configured)) == ["quotes/spacing"])
        #expect(codes(client.diagnostics(for: elsewhere)) == ["boilerplate/page-furniture", "quotes/spacing"])
        #expect(codes(client.diagnostics(for: excluded)) == [])
        let none = client.call("textDocument/codeAction", ["textDocument": ["uri": .string(excluded)], "range": lspRange(0, 0, 1, 0),
                                                           "context": ["diagnostics": []]])
        #expect(none?["result"] == [])
        client.stop()
    }

    @Test func aChangedConfigurationIsReadAgainAndABrokenOneKeepsTheLastGoodSet() throws {
        let folder = try temporaryFolder()
        let config = folder + "/.mtlint.yml"
        try write("ignore: [boilerplate]\n", to: config)
        let client = LanguageServerClient()
        client.start()
        let uri = OpenDocument.uri(ofPath: folder + "/a.txt")
        client.open(uri, article)
        #expect(codes(client.diagnostics(for: uri)) == ["quotes/spacing"])

        // Broken: the error is shown, and the last good configuration goes on being used.
        try write("ignore: [boilerplate]\nignroe: [quotes]\n", to: config)
        client.notify("workspace/didChangeConfiguration", ["settings": [:]])
        let message = try #require(client.waitFor { $0["method"]?.string == "window/showMessage" })
        #expect(message["params"]?["type"]?.int == 1)
        let text = message["params"]?["message"]?.string ?? ""
        #expect(text.contains(".mtlint.yml:2:1: error: unknown key 'ignroe'"), "\(text)")
        #expect(text.contains("last configuration that loaded"))
        #expect(codes(client.diagnostics(for: uri)) == ["quotes/spacing"])

        // Mended: the new configuration applies.
        try write("ignore: [quotes]\n", to: config)
        client.notify("workspace/didChangeConfiguration", ["settings": [:]])
        #expect(codes(client.diagnostics(for: uri)) == ["boilerplate/page-furniture"])
        // A saved configuration file is read again too.
        try write("select: [quotes]\n", to: config)
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(OpenDocument.uri(ofPath: config))]])
        #expect(codes(client.diagnostics(for: uri)) == ["quotes/spacing"])
        client.stop()
    }

    @Test func aBrokenRuleFileKeepsTheLastRulesThatLoaded() throws {
        let folder = try temporaryFolder()
        try write("rules: [house]\n", to: folder + "/.mtlint.yml")
        let rule = """
        id: house/no-breaking
        category: other
        summary: House style avoids "breaking".
        why: The desk's style guide says so.
        match: { phrases: [breaking] }
        message: Avoid “breaking”.
        examples:
          flag: ['⟨breaking⟩ news']
          pass: ['news']

        """
        try write(rule, to: folder + "/house/no-breaking.yml")
        let client = LanguageServerClient()
        client.start()
        let uri = OpenDocument.uri(ofPath: folder + "/a.txt")
        client.open(uri, "The storm was a breaking point for the town.\n")
        let diagnostics = try #require(client.diagnostics(for: uri))
        #expect(codes(diagnostics) == ["house/no-breaking"])
        // A rule of the user's links to its own file.
        #expect(diagnostics.first?["codeDescription"]?["href"]?.string == OpenDocument.uri(ofPath: folder + "/house/no-breaking.yml"))

        try write(rule.replacingOccurrences(of: "message:", with: "mesage:"), to: folder + "/house/no-breaking.yml")
        client.notify("workspace/didChangeConfiguration", ["settings": ["mtlint": ["debounceMilliseconds": 0]]])
        let message = try #require(client.waitFor { $0["method"]?.string == "window/showMessage" })
        let text = message["params"]?["message"]?.string ?? ""
        #expect(text.contains("no-breaking.yml:6:1: error: unknown key 'mesage'"), "\(text)")
        #expect(text.contains("last rules that loaded"))
        #expect(codes(client.diagnostics(for: uri)) == ["house/no-breaking"])
        client.stop()
    }

    @Test func aConfigurationBrokenFromTheStartLintsWithTheDefaults() throws {
        let folder = try temporaryFolder()
        try write("select: quotes: [\n", to: folder + "/.mtlint.yml")
        let client = LanguageServerClient()
        client.start()
        let uri = OpenDocument.uri(ofPath: folder + "/a.txt")
        client.open(uri, article)
        let message = try #require(client.waitFor { $0["method"]?.string == "window/showMessage" })
        #expect(message["params"]?["message"]?.string?.contains("default settings") == true)
        #expect(codes(client.diagnostics(for: uri)) == ["boilerplate/page-furniture", "quotes/spacing"])
        client.stop()
    }

    @Test func aSelectorNamingNoRuleIsShownAndTheShippedRulesRun() throws {
        let folder = try temporaryFolder()
        try write("select: [quotez]\n", to: folder + "/.mtlint.yml")
        let client = LanguageServerClient()
        client.start()
        let uri = OpenDocument.uri(ofPath: folder + "/a.txt")
        client.open(uri, article)
        let message = try #require(client.waitFor { $0["method"]?.string == "window/showMessage" })
        #expect(message["params"]?["message"]?.string?.contains("'quotez' names no rule, pack or category (did you mean 'quotes'?)") == true)
        #expect(codes(client.diagnostics(for: uri)) == ["boilerplate/page-furniture", "quotes/spacing"])
        client.stop()
    }
}

import Foundation
import MTLintCore
import Testing
@testable import MTLintCLI

/// Whatever a client sends, the server answers with a JSON-RPC error or ignores it, and goes on.
@Suite struct LanguageServerRobustnessTests {
    let uri = "file:///tmp/mtlint-lsp-test/article.txt"

    func error(_ message: LSPAny?) -> Int? { message?["error"]?["code"]?.int }

    /// Waits for the next error answer with a null id.
    func nullIDError(_ client: LanguageServerClient) -> LSPAny? {
        client.waitFor { $0["error"] != nil && $0["id"] == .null }
    }

    @Test func requestsBeforeInitializeAreRefused() {
        let client = LanguageServerClient()
        #expect(error(client.call("textDocument/codeAction", [:])) == -32002)
        #expect(client.start() != nil)
        #expect(error(client.call("initialize", ["capabilities": [:]])) == -32600)
        client.stop()
    }

    @Test func malformedMessagesGetErrorsAndTheSessionGoesOn() throws {
        let client = LanguageServerClient()
        client.start()
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{\"jsonrpc".utf8))
        #expect(error(nullIDError(client)) == -32700)
        client.sendRaw(Array("Content-Type: text/plain\r\n\r\n".utf8))
        #expect(error(nullIDError(client)) == -32700)
        client.sendRaw(Array("Content-Length: twelve\r\n\r\n".utf8))
        #expect(error(nullIDError(client)) == -32700)
        client.sendRaw(Array("Content-Length: 2\r\n\r\n[]".utf8))
        #expect(error(nullIDError(client)) == -32600)
        client.send(["jsonrpc": "2.0", "id": ["not": "an id"], "method": "shutdown"])
        #expect(error(nullIDError(client)) == -32600)
        client.send(["jsonrpc": "2.0", "id": 99, "method": 5])
        #expect(error(client.waitFor { $0["id"]?.int == 99 }) == -32600)
        client.send(["jsonrpc": "2.0", "id": 98])
        #expect(error(client.waitFor { $0["id"]?.int == 98 }) == -32600)
        // Headers ended by a bare line feed are read too.
        let body = "{\"jsonrpc\":\"2.0\",\"id\":97,\"method\":\"mtlint/unknown\"}"
        client.sendRaw(Array("Content-Length: \(body.utf8.count)\n\n\(body)".utf8))
        #expect(error(client.waitFor { $0["id"]?.int == 97 }) == -32601)
        // Bytes that are no message at all, then a good message.
        client.sendRaw(Array(repeating: 0x41, count: 10_000))
        client.sendRaw(Array("\r\n\r\n".utf8))
        #expect(error(nullIDError(client)) == -32700)
        client.open(uri, "- Advertisment -\n")
        #expect(client.diagnostics(for: uri)?.count == 1)
        client.stop()
    }

    @Test func unknownMethodsAndDocumentsGetErrors() {
        let client = LanguageServerClient()
        client.start()
        #expect(error(client.call("textDocument/hover", ["textDocument": ["uri": "file:///x.txt"], "position": lspPosition(0, 0)])) == -32601)
        client.notify("mtlint/somethingElse", ["x": 1])
        client.notify("$/setTrace", ["value": "off"])
        #expect(error(client.call("textDocument/codeAction", ["textDocument": ["uri": "file:///not/open.txt"], "range": lspRange(0, 0, 0, 0),
                                                              "context": ["diagnostics": []]])) == -32602)
        #expect(error(client.call("textDocument/codeAction", ["textDocument": ["uri": "file:///not/open.txt"]])) == -32602)
        #expect(error(client.call("textDocument/codeAction", ["range": lspRange(2, 0, 1, 0)])) == -32602)
        // Changes to documents that are not open, and changes that make no sense, are dropped.
        client.change("file:///not/open.txt", version: 2, [["text": "x"]])
        client.open(uri, "A line.\n")
        _ = client.diagnostics(for: uri)
        client.change(uri, version: 2, [["range": lspRange(50, 900, 70, 3), "text": "\n- Advertisment -\n"]])
        #expect(client.diagnostics(for: uri, version: 2)?.count == 1)
        client.change(uri, version: 3, [["range": "nonsense", "text": "x"], ["text": 5]])
        #expect(client.diagnostics(for: uri, version: 3)?.count == 1)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": 5]])
        client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///never/opened.txt"]])
        #expect(client.call("shutdown")?["result"] == .null)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func afterShutdownOnlyExitIsAccepted() {
        let client = LanguageServerClient()
        client.start()
        #expect(client.call("shutdown")?["result"] == .null)
        #expect(error(client.call("textDocument/codeAction", [:])) == -32600)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownOrTheInputEndingExitsWithOne() {
        let client = LanguageServerClient()
        client.start()
        client.notify("exit")
        #expect(client.waitForExit() == 1)
        let other = LanguageServerClient()
        other.start()
        other.closeInput()
        #expect(other.waitForExit() == 1)
    }

    @Test func aCancelledRequestIsAnsweredAsCancelled() throws {
        let client = LanguageServerClient()
        client.start()
        // A large document keeps the lint queue busy while the cancellation arrives.
        let big = String(repeating: "The minister said that the talks would resume, ”he said after the meeting.\n\n", count: 3_000)
        client.open(uri, big)
        let id = client.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": lspRange(0, 0, 0, 0), "context": ["diagnostics": []]])
        client.notify("$/cancelRequest", ["id": .int(id)])
        let answer = try #require(client.waitFor(timeout: 60) { $0["id"]?.int == id })
        #expect(error(answer) == -32800)
        // Cancelling what is already answered, or was never asked, does nothing.
        client.notify("$/cancelRequest", ["id": 12345])
        #expect(client.call("shutdown")?["result"] == .null)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    /// The server's memory stays flat over 10,000 edits (the server runs as `mtlint lsp`, so
    /// its memory is its own).
    @Test(.enabled(if: FailedWriteTests.binary != nil))
    func memoryStaysFlatOverTenThousandEdits() throws {
        let client = try LanguageServerClient(binary: try #require(FailedWriteTests.binary))
        client.start(options: ["debounceMilliseconds": 1])
        let uri = self.uri
        let paragraph = "The talks resumed on Wednesday, ”he said, after the head of French diplomacy spoke.\n\n"
        client.open(uri, String(repeating: paragraph, count: 20))
        _ = client.diagnostics(for: uri)
        var version = 1
        func edit(_ count: Int) {
            for _ in 0..<count {
                version += 1
                // Type a character, then delete it: the text stays the same size.
                let typing = version % 2 == 0
                client.change(uri, version: version, [["range": typing ? lspRange(3, 4, 3, 4) : lspRange(3, 4, 3, 5), "text": typing ? "x" : ""]])
                if version % 500 == 0 { _ = client.drain() }
            }
            // A request waits for everything before it: the edits are all read.
            _ = client.call("mtlint/unknown")
        }
        edit(1_000)
        Thread.sleep(forTimeInterval: 0.3)
        let before = try #require(client.residentKilobytes)
        edit(10_000)
        Thread.sleep(forTimeInterval: 0.3)
        let after = try #require(client.residentKilobytes)
        #expect(after - before < 6_000, "resident memory grew from \(before) kB to \(after) kB")
        // And the last version is what was linted.
        client.change(uri, version: version + 1, [["text": "- Advertisment -\n"]])
        #expect(client.diagnostics(for: uri, version: version + 1)?.count == 1)
        client.stop()
        #expect(client.process?.terminationStatus == 0)
    }
}

import Foundation
import MTLintCore
import Testing
@testable import MTLintCLI

/// A language-server client for tests: runs `LanguageServer` in-process on a thread of its
/// own, talking to it over two pipes exactly as an editor does over standard input and output.
final class LanguageServerClient: @unchecked Sendable {
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let received = Locked<[LSPAny]>([])
    private let exitStatus = Locked<Int32?>(nil)
    private var nextID = 1
    private let readerDone = Locked(false)

    /// The server's process, when it runs as `mtlint lsp` rather than in-process.
    private(set) var process: Process?

    /// A server in this process.
    init() {
        let server = LanguageServer(input: toServer.fileHandleForReading.fileDescriptor, output: fromServer.fileHandleForWriting.fileDescriptor)
        let status = exitStatus
        let serverThread = Thread { status.withLock { $0 = server.run() } }
        serverThread.stackSize = 8 << 20
        serverThread.start()
        startReading()
    }

    /// `binary lsp` in a process of its own.
    init(binary: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["lsp"]
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        let status = exitStatus
        process.terminationHandler = { finished in status.withLock { $0 = finished.terminationStatus } }
        try process.run()
        self.process = process
        try? fromServer.fileHandleForWriting.close()
        startReading()
    }

    /// The server process's resident memory in kB (`VmRSS`), when it runs as a process.
    var residentKilobytes: Int? {
        guard let pid = process?.processIdentifier,
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    private func startReading() {
        let input = fromServer.fileHandleForReading.fileDescriptor
        let received = self.received
        let done = readerDone
        Thread {
            let reader = MessageReader(descriptor: input)
            while let item = reader.next() {
                if case .message(let data) = item, let message = LSPAny.parse(data) { received.withLock { $0.append(message) } }
            }
            done.withLock { $0 = true }
        }.start()
    }

    deinit {
        try? toServer.fileHandleForWriting.close()
        if process == nil { try? fromServer.fileHandleForWriting.close() }
    }

    // MARK: Sending

    func sendRaw(_ bytes: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ message: LSPAny) {
        let body = message.jsonData
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
    }

    func notify(_ method: String, _ params: LSPAny = [:]) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: LSPAny = [:]) -> Int {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        return id
    }

    /// Sends a request and waits for its answer.
    func call(_ method: String, _ params: LSPAny = [:], timeout: Double = 20) -> LSPAny? {
        let id = request(method, params)
        return waitFor(timeout: timeout) { $0["id"]?.int == id && $0["method"] == nil }
    }

    /// Closes the server's input (the client went away).
    func closeInput() { try? toServer.fileHandleForWriting.close() }

    // MARK: Receiving

    /// Waits for the first message (received from now or earlier and not yet taken) that
    /// `matches`, and takes it.
    func waitFor(timeout: Double = 20, _ matches: (LSPAny) -> Bool) -> LSPAny? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found = received.withLock { messages -> LSPAny? in
                guard let index = messages.firstIndex(where: matches) else { return nil }
                return messages.remove(at: index)
            }
            if let found { return found }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return nil
    }

    /// Every message received and not yet taken.
    func drain() -> [LSPAny] { received.withLock { messages in defer { messages = [] }; return messages } }

    /// The next diagnostics published for `uri` (of `version`, when given).
    func diagnostics(for uri: String, version: Int? = nil, timeout: Double = 20) -> [LSPAny]? {
        waitFor(timeout: timeout) { message in
            message["method"]?.string == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.string == uri
                && (version == nil || message["params"]?["version"]?.int == version)
        }?["params"]?["diagnostics"]?.array
    }

    /// The server's exit status once it has stopped.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = exitStatus.withLock({ $0 }) { return status }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return nil
    }

    // MARK: Session helpers

    /// `initialize` (with `capabilities` and `initializationOptions`) and `initialized`; returns
    /// the result. Debounce 0 unless given, so tests do not wait.
    @discardableResult
    func start(capabilities: LSPAny = [:], options: LSPAny = ["debounceMilliseconds": 0], rootURI: String? = nil) -> LSPAny? {
        var params: [String: LSPAny] = ["processId": .null, "capabilities": capabilities, "initializationOptions": options]
        params["rootUri"] = rootURI.map(LSPAny.string) ?? .null
        let result = call("initialize", .object(params))?["result"]
        notify("initialized")
        return result
    }

    func open(_ uri: String, _ text: String, language: String = "plaintext", version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": .string(language), "version": .int(version), "text": .string(text)]])
    }

    func change(_ uri: String, version: Int, _ changes: [LSPAny]) {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes)])
    }

    func stop() {
        _ = call("shutdown")
        notify("exit")
        _ = waitForExit()
    }
}

/// A position as the protocol writes it.
func lspPosition(_ line: Int, _ character: Int) -> LSPAny { ["line": .int(line), "character": .int(character)] }

func lspRange(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> LSPAny {
    ["start": lspPosition(startLine, startCharacter), "end": lspPosition(endLine, endCharacter)]
}

/// Applies protocol text edits (as positions in `encoding`) to `text`, as an editor does: all
/// positions refer to the text before any edit.
func applyTextEdits(_ edits: [LSPAny], to text: String, encoding: PositionEncoding = .utf16) -> String {
    var buffer = TextBuffer(text)
    let resolved = edits.compactMap { edit -> (Range<Int>, String)? in
        guard let range = PositionRange(edit["range"]), let newText = edit["newText"]?.string else { return nil }
        return (buffer.offset(of: range.start, encoding: encoding)..<buffer.offset(of: range.end, encoding: encoding), newText)
    }
    for (range, newText) in resolved.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { buffer.replace(range, with: newText) }
    return buffer.string
}

/// The edits a workspace edit makes to `uri` (`changes` or `documentChanges`).
func textEdits(in workspaceEdit: LSPAny?, for uri: String) -> [LSPAny] {
    if let edits = workspaceEdit?["changes"]?[uri]?.array { return edits }
    return workspaceEdit?["documentChanges"]?.array?.filter { $0["textDocument"]?["uri"]?.string == uri }.flatMap { $0["edits"]?.array ?? [] } ?? []
}

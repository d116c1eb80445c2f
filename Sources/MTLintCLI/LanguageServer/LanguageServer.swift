import Foundation
import MTLintCore

/// `mtlint lsp`: a Language Server Protocol 3.17 server over a pair of file descriptors
/// (standard input and output). The reader loop reads messages, keeps the open documents'
/// text, and answers what is quick; linting and code actions run on `LintService`'s queue.
/// A malformed message, an unknown method or a request about a document that is not open gets
/// a JSON-RPC error; nothing a client sends ends the server but `exit`.
final class LanguageServer: @unchecked Sendable {
    private enum Phase {
        case uninitialized, running, shutDown
    }

    private let reader: MessageReader
    private let writer: MessageWriter
    private let documents = Locked<[String: OpenDocument]>([:])
    private let lints: LintService
    /// Requests on the lint queue not yet answered (by their id's JSON), and those of them the
    /// client cancelled.
    private let inFlight = Locked<(waiting: Set<String>, cancelled: Set<String>)>(([], []))

    // Used on the reader loop only.
    private var phase = Phase.uninitialized
    private var options = ServerOptions()

    init(input: Int32, output: Int32) {
        reader = MessageReader(descriptor: input)
        writer = MessageWriter(descriptor: output)
        lints = LintService(documents: documents, writer: writer)
    }

    /// Serves until `exit` or the end of the input; returns the exit status: 0 after
    /// `shutdown` then `exit`, 1 otherwise (as the protocol says).
    func run() -> Int32 {
        // A client that goes away must not kill the server with SIGPIPE mid-write.
        signal(SIGPIPE, SIG_IGN)
        defer { lints.stop() }
        while let item = reader.next() {
            switch item {
            case .malformed(let why):
                writer.respond(to: .null, error: .parseError("malformed message: \(why)"))
            case .message(let data):
                guard let message = LSPAny.parse(data) else {
                    writer.respond(to: .null, error: .parseError("the message is not JSON"))
                    continue
                }
                if let status = handle(message) { return status }
            }
        }
        return phase == .shutDown ? 0 : 1
    }

    /// Handles one message; returns an exit status when it was `exit`.
    private func handle(_ message: LSPAny) -> Int32? {
        guard case .object = message else {
            // A batch (JSON-RPC arrays) is not part of the Language Server Protocol.
            writer.respond(to: .null, error: .invalidRequest("a message must be a JSON object"))
            return nil
        }
        let id = message["id"]
        guard let methodValue = message["method"] else {
            // A response to a request of ours (the server sends none), or nonsense.
            if message["result"] == nil, message["error"] == nil {
                writer.respond(to: id ?? .null, error: .invalidRequest("a message without a method"))
            }
            return nil
        }
        guard let method = methodValue.string else {
            writer.respond(to: id ?? .null, error: .invalidRequest("the method is not a string"))
            return nil
        }
        if let id, !Self.isValidID(id) {
            writer.respond(to: .null, error: .invalidRequest("the id must be a number or a string"))
            return nil
        }
        let params = message["params"]
        if method == "exit" { return phase == .shutDown ? 0 : 1 }
        if let id {
            request(method, id: id, params: params)
        } else {
            notification(method, params: params)
        }
        return nil
    }

    private static func isValidID(_ id: LSPAny) -> Bool {
        switch id {
        case .int, .string: true
        case .double: id.int != nil
        default: false
        }
    }

    // MARK: Requests

    private func request(_ method: String, id: LSPAny, params: LSPAny?) {
        switch (phase, method) {
        case (.uninitialized, "initialize"):
            writer.respond(to: id, result: initialize(params))
            phase = .running
        case (.uninitialized, _):
            writer.respond(to: id, error: .serverNotInitialized)
        case (.shutDown, _):
            writer.respond(to: id, error: .invalidRequest("the server is shut down; only exit is accepted"))
        case (.running, "initialize"):
            writer.respond(to: id, error: .invalidRequest("initialize was already sent"))
        case (.running, "shutdown"):
            phase = .shutDown
            writer.respond(to: id, result: .null)
        case (.running, "textDocument/codeAction"):
            codeAction(id: id, params: params)
        default:
            writer.respond(to: id, error: .methodNotFound(method))
        }
    }

    private func initialize(_ params: LSPAny?) -> LSPAny {
        let capabilities = params?["capabilities"]
        let offered = capabilities?["general"]?["positionEncodings"]?.array?.compactMap(\.string)
        // clangd's older extension: `offsetEncoding` offered, and answered in the result.
        let offeredOffsets = capabilities?["offsetEncoding"]?.array?.compactMap(\.string)
        options.encoding = PositionEncoding.negotiate(offered: offered ?? offeredOffsets)
        options.versionedEdits = capabilities?["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
        options.rootPath = Self.rootPath(params)
        options.apply(settings: params?["initializationOptions"])
        lints.configure(options)
        var result: [String: LSPAny] = [
            "capabilities": [
                "positionEncoding": .string(options.encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix", .string(CodeActionBuilder.fixAllKind)], "resolveProvider": false],
            ],
            "serverInfo": ["name": "mtlint", "version": .string(OutputSettings.toolVersion)],
        ]
        if offered == nil, offeredOffsets != nil { result["offsetEncoding"] = .string(options.encoding.rawValue) }
        return .object(result)
    }

    /// The workspace's folder: the first workspace folder, else `rootUri`, else `rootPath`.
    private static func rootPath(_ params: LSPAny?) -> String? {
        if let folder = params?["workspaceFolders"]?.array?.first?["uri"]?.string, let path = OpenDocument.path(ofURI: folder) { return path }
        if let uri = params?["rootUri"]?.string, let path = OpenDocument.path(ofURI: uri) { return path }
        return params?["rootPath"]?.string
    }

    private func codeAction(id: LSPAny, params: LSPAny?) {
        guard let uri = params?["textDocument"]?["uri"]?.string, let range = PositionRange(params?["range"]) else {
            writer.respond(to: id, error: .invalidParams("codeAction needs textDocument.uri and a range"))
            return
        }
        guard let version = documents.withLock({ $0[uri]?.version }) else {
            writer.respond(to: id, error: .invalidParams("unknown document \(uri): it is not open"))
            return
        }
        let only = params?["context"]?["only"]?.array?.compactMap(\.string)
        let key = String(decoding: id.jsonData, as: UTF8.self)
        inFlight.withLock { _ = $0.waiting.insert(key) }
        let writer = self.writer
        let inFlight = self.inFlight
        lints.withCurrentLint(of: uri, version: version) { outcome in
            let cancelled = inFlight.withLock { state -> Bool in
                state.waiting.remove(key)
                return state.cancelled.remove(key) != nil
            }
            if cancelled { return writer.respond(to: id, error: .requestCancelled) }
            switch outcome {
            case .success(let builder): writer.respond(to: id, result: .array(builder?.actions(for: range, only: only) ?? []))
            case .failure(let error): writer.respond(to: id, error: error)
            }
        }
    }

    // MARK: Notifications

    private func notification(_ method: String, params: LSPAny?) {
        guard phase == .running else { return }
        switch method {
        case "initialized":
            break
        case "textDocument/didOpen":
            guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
                return writer.logMessage("mtlint: didOpen without textDocument.uri and text", type: 1)
            }
            let document = OpenDocument(uri: uri, languageID: item["languageId"]?.string ?? "", version: item["version"]?.int ?? 0,
                                        buffer: TextBuffer(text))
            documents.withLock { $0[uri] = document }
            lints.schedule(uri, after: 0)
        case "textDocument/didChange":
            didChange(params)
        case "textDocument/didSave":
            guard let uri = params?["textDocument"]?["uri"]?.string else { return }
            // A saved configuration or rule file may change what every document is linted with.
            let lower = uri.lowercased()
            if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
                lints.reload(options: nil)
            } else if documents.withLock({ $0[uri] != nil }) {
                lints.schedule(uri, after: 0)
            }
        case "textDocument/didClose":
            guard let uri = params?["textDocument"]?["uri"]?.string else { return }
            guard documents.withLock({ $0.removeValue(forKey: uri) }) != nil else {
                return writer.logMessage("mtlint: didClose for \(uri), which is not open", type: 2)
            }
            lints.close(uri)
        case "workspace/didChangeConfiguration":
            options.apply(settings: params?["settings"]?["mtlint"])
            lints.reload(options: options)
        case "workspace/didChangeWatchedFiles":
            lints.reload(options: nil)
        case "$/cancelRequest":
            guard let id = params?["id"] else { return }
            let key = String(decoding: id.jsonData, as: UTF8.self)
            inFlight.withLock { state in
                if state.waiting.contains(key) { state.cancelled.insert(key) }
            }
        default:
            // Unknown notifications are dropped (`$/` ones must be, and no answer can be sent).
            break
        }
    }

    private func didChange(_ params: LSPAny?) {
        guard let uri = params?["textDocument"]?["uri"]?.string, let changes = params?["contentChanges"]?.array else {
            return writer.logMessage("mtlint: didChange without textDocument.uri and contentChanges", type: 1)
        }
        let version = params?["textDocument"]?["version"]?.int
        let encoding = options.encoding
        let outcome = documents.withLock { open -> (known: Bool, malformed: Bool) in
            // Taken out while it changes, so its text is not copied.
            guard var document = open.removeValue(forKey: uri) else { return (false, false) }
            var malformed = false
            for change in changes where !malformed { malformed = !document.apply(change, encoding: encoding) }
            document.version = version ?? document.version + 1
            open[uri] = document
            return (true, malformed)
        }
        guard outcome.known else { return writer.logMessage("mtlint: didChange for \(uri), which is not open", type: 1) }
        if outcome.malformed { writer.logMessage("mtlint: a malformed change to \(uri); the changes after it were ignored", type: 1) }
        lints.schedule(uri, after: Double(options.debounceMilliseconds) / 1000)
    }
}

import Foundation
import MTLintCore

/// Writes Language Server Protocol messages to a file descriptor, whole, one at a time: the
/// reader loop and the lint queue both write, and their messages must not interleave.
final class MessageWriter: Sendable {
    private let descriptor: Int32
    /// Held while a message is written; true once writing failed (the client has gone).
    private let state = Locked(false)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func send(_ message: LSPAny) {
        let body = message.jsonData
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        state.withLock { failed in
            guard !failed else { return }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    failed = true
                    return
                }
                offset += written
            }
        }
    }

    // MARK: JSON-RPC messages

    func respond(to id: LSPAny, result: LSPAny) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    func respond(to id: LSPAny, error: ResponseError) {
        send(["jsonrpc": "2.0", "id": id, "error": error.json])
    }

    func notify(_ method: String, _ params: LSPAny) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// `window/showMessage`: 1 error, 2 warning, 3 info, 4 log.
    func showMessage(_ text: String, type: Int) {
        notify("window/showMessage", ["type": .int(type), "message": .string(text)])
    }

    /// `window/logMessage`, for what goes to the client's log rather than in front of the user.
    func logMessage(_ text: String, type: Int = 4) {
        notify("window/logMessage", ["type": .int(type), "message": .string(text)])
    }
}

/// A JSON-RPC error answer, with the codes JSON-RPC 2.0 and the Language Server Protocol define.
struct ResponseError: Error, Sendable {
    var code: Int
    var message: String

    static func parseError(_ message: String) -> ResponseError { ResponseError(code: -32700, message: message) }
    static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: -32600, message: message) }
    static func methodNotFound(_ method: String) -> ResponseError { ResponseError(code: -32601, message: "unknown method '\(method)'") }
    static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: -32602, message: message) }
    static func internalError(_ message: String) -> ResponseError { ResponseError(code: -32603, message: message) }
    /// A request before `initialize`.
    static let serverNotInitialized = ResponseError(code: -32002, message: "the server has not been initialized")
    /// A request the client cancelled with `$/cancelRequest`.
    static let requestCancelled = ResponseError(code: -32800, message: "request cancelled")
    /// The document changed while the request was worked on.
    static let contentModified = ResponseError(code: -32801, message: "the document changed")

    var json: LSPAny { ["code": .int(code), "message": .string(message)] }
}

import Foundation
import MTLintCore

/// A document the client has open: its text as the client has it, the version the client
/// gave it, and what kind of text it is.
struct OpenDocument: Sendable {
    var uri: String
    var languageID: String
    var version: Int
    var buffer: TextBuffer

    /// The file's path, for a `file:` URI.
    var path: String? { Self.path(ofURI: uri) }

    /// Plain text, Markdown or HTML: by the client's language id, else by the file name.
    var format: DocumentFormat {
        switch languageID.lowercased() {
        case "markdown", "md", "mdx", "quarto", "rmd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "plaintext", "text", "txt": return .plain
        default: return DocumentFormat(path: path ?? uri)
        }
    }

    /// The document mtlint lints: the client's text, a leading U+FEFF read as a byte-order mark.
    func makeDocument() -> Document { Document(buffer.string, format: format) }

    /// Applies one `contentChanges` entry: with a `range`, an incremental change; without,
    /// the whole new text. False when the entry is malformed.
    mutating func apply(_ change: LSPAny, encoding: PositionEncoding) -> Bool {
        guard let text = change["text"]?.string else { return false }
        guard let rangeValue = change["range"], !rangeValue.isNull else {
            buffer = TextBuffer(text)
            return true
        }
        guard let range = PositionRange(rangeValue) else { return false }
        let start = buffer.offset(of: range.start, encoding: encoding)
        let end = max(start, buffer.offset(of: range.end, encoding: encoding))
        buffer.replace(start..<end, with: text)
        return true
    }

    /// The path of a `file:` URI (percent-escapes decoded); nil for other schemes.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    /// The `file:` URI of a path.
    static func uri(ofPath path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}

/// What `initialize` settled: the position encoding, what the client can take, and the
/// settings it passed (`initializationOptions`, or `mtlint` in `workspace/didChangeConfiguration`):
///
///     { "debounceMilliseconds": 150, "rulesCatalogURL": "https://…/rules-catalog.md" }
struct ServerOptions: Sendable {
    var encoding: PositionEncoding = .utf16
    /// How long to wait after a change before linting, so typing is not linted key by key.
    var debounceMilliseconds = 150
    var catalogURL = DiagnosticBuilder.defaultCatalogURL
    /// Whether workspace edits may use `documentChanges` (edits tied to a document version).
    var versionedEdits = false
    /// Where documents without a path look for `.mtlint.yml`.
    var rootPath: String?

    /// Takes the settings `options` gives; others stay as they are.
    mutating func apply(settings options: LSPAny?) {
        guard let options else { return }
        if let milliseconds = options["debounceMilliseconds"]?.int { debounceMilliseconds = min(max(milliseconds, 0), 10_000) }
        if let url = options["rulesCatalogURL"]?.string, !url.isEmpty { catalogURL = url }
    }
}

import Foundation
import MTLintCore

/// Lints open documents on a queue of its own, never on the reader loop. A change is linted
/// after a pause (`debounceMilliseconds`); a newer change replaces the lint still waiting, and
/// the result of a lint that a newer version overtook is dropped rather than published.
/// Code actions run on the same queue, so they see the rules and results the lints use.
final class LintService: @unchecked Sendable {
    /// One document's latest lint.
    private struct Linted {
        var snapshot: OpenDocument
        var version: Int
        var generation: Int
        var document: Document
        var result: LintResult
        var linter: Linter?
    }

    private let queue = DispatchQueue(label: "mtlint.lsp.lint", qos: .userInitiated)
    private let documents: Locked<[String: OpenDocument]>
    private let writer: MessageWriter
    /// The lint waiting for each document, with the number that tells it from its successors.
    private let pending = Locked<(next: Int, items: [String: (token: Int, item: DispatchWorkItem)])>((0, [:]))
    private let stopped = Locked(false)

    // Used on the queue only.
    private var options = ServerOptions()
    private var rules: WorkspaceRules
    private var generation = 0
    private var linted: [String: Linted] = [:]

    init(documents: Locked<[String: OpenDocument]>, writer: MessageWriter) {
        self.documents = documents
        self.writer = writer
        rules = WorkspaceRules(rootPath: nil) { message in writer.showMessage(message, type: 1) }
    }

    func configure(_ options: ServerOptions) {
        queue.async {
            self.options = options
            self.rules.rootPath = options.rootPath
        }
    }

    /// Lints `uri` after `delay` seconds, replacing a lint of it still waiting.
    func schedule(_ uri: String, after delay: Double) {
        let token = pending.withLock { state -> Int in
            state.next += 1
            return state.next
        }
        let item = DispatchWorkItem { [weak self] in
            guard let self else { return }
            self.pending.withLock { state in
                if state.items[uri]?.token == token { state.items[uri] = nil }
            }
            self.lint(uri, force: false)
        }
        let replaced = pending.withLock { state -> DispatchWorkItem? in
            defer { state.items[uri] = (token, item) }
            return state.items[uri]?.item
        }
        replaced?.cancel()
        if delay <= 0 { queue.async(execute: item) } else { queue.asyncAfter(deadline: .now() + delay, execute: item) }
    }

    /// Forgets a closed document and clears its diagnostics.
    func close(_ uri: String) {
        pending.withLock { $0.items.removeValue(forKey: uri) }?.item.cancel()
        queue.async {
            self.linted[uri] = nil
            guard !self.isStopped else { return }
            self.writer.notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
        }
    }

    /// Reads configurations and rules again and lints every open document with them.
    func reload(options changed: ServerOptions?) {
        queue.async {
            if let changed { self.options = changed }
            self.generation += 1
            self.rules.reload()
            for uri in self.documents.withLock({ Array($0.keys) }).sorted() { self.lint(uri, force: true) }
        }
    }

    /// Runs `answer` on the queue with version `version` of the document as linted now (the
    /// version the client had when it asked), for a code-action request; nil for a document
    /// its configuration excludes.
    func withCurrentLint(of uri: String, version: Int, _ answer: @escaping @Sendable (Result<CodeActionBuilder?, ResponseError>) -> Void) {
        queue.async {
            guard let current = self.lint(uri, force: false) else {
                answer(.failure(.invalidParams("unknown document \(uri): it is not open")))
                return
            }
            guard current.version == version else {
                answer(.failure(.contentModified))
                return
            }
            guard let linter = current.linter else { return answer(.success(nil)) }
            answer(.success(CodeActionBuilder(snapshot: current.snapshot, document: current.document, result: current.result, linter: linter,
                                              diagnostics: self.diagnosticBuilder(for: current.document),
                                              versionedEdits: self.options.versionedEdits)))
        }
    }

    /// Stops publishing and waits for the lint under way.
    func stop() {
        stopped.withLock { $0 = true }
        let waiting = pending.withLock { state -> [DispatchWorkItem] in
            defer { state.items = [:] }
            return state.items.values.map(\.item)
        }
        for item in waiting { item.cancel() }
        queue.sync {}
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// Lints the open document's current version unless that is already done (or `force`),
    /// and publishes the diagnostics unless a newer version came meanwhile.
    @discardableResult
    private func lint(_ uri: String, force: Bool) -> Linted? {
        guard !isStopped, let snapshot = documents.withLock({ $0[uri] }) else { return nil }
        if !force, let known = linted[uri], known.version == snapshot.version, known.generation == generation { return known }
        let choice = rules.choice(forPath: snapshot.path)
        let document = snapshot.makeDocument()
        let result = choice.linter?.lint(document) ?? LintResult(findings: [], failures: [])
        let done = Linted(snapshot: snapshot, version: snapshot.version, generation: generation, document: document, result: result, linter: choice.linter)
        linted[uri] = done
        for failure in result.failures { writer.logMessage("mtlint: \(uri): \(failure.description)", type: 1) }
        // A newer version's lint is waiting; publishing this one would only flicker.
        guard documents.withLock({ $0[uri]?.version }) == snapshot.version, !isStopped else { return done }
        let builder = diagnosticBuilder(for: document)
        let rulesByID = Dictionary((choice.linter?.rules ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let diagnostics = result.findings.map { builder.diagnostic(for: $0, rule: rulesByID[$0.ruleID]) }
        writer.notify("textDocument/publishDiagnostics",
                      ["uri": .string(uri), "version": .int(snapshot.version), "diagnostics": .array(diagnostics)])
        return done
    }

    private func diagnosticBuilder(for document: Document) -> DiagnosticBuilder {
        DiagnosticBuilder(positions: DocumentPositions(document: document, encoding: options.encoding), catalogURL: options.catalogURL)
    }
}

import MTLintCore

/// What a run keeps until the process exits, when mtlint runs as the process
/// (`MTLintCommand.runAsProcess`): the linters of its run plans. Released at the end of a
/// command, a linter frees its matchers, their ICU regexes and break iterators one by one
/// on the main thread after the report is written (0.2–0.3 ms of a 2 KB or
/// `Examples/article.txt` lint, interleaved with a build that released them); held, the kernel
/// takes their memory back with the process. A command run in-process (tests, the language
/// server's lints) has none, and releases as usual.
final class HeldUntilExit: Sendable {
    @TaskLocal static var current: HeldUntilExit?

    private let held = Locked<[Linter]>([])

    func hold(_ linters: [Linter]) { held.withLock { $0 += linters } }

    /// How many linters are held.
    var count: Int { held.withLock { $0.count } }
}

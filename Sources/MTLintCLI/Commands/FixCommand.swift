import ArgumentParser
import Foundation
import MTLintCore
import MTLintReporters

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply safe fixes in place (unsafe ones with --unsafe-fixes).",
        discussion: """
        Writes each file atomically, keeping its BOM, line endings, final newline and \
        permissions. With - reads standard input and writes the fixed text to standard output. \
        Exit status: 0 when nothing remains, 1 when findings remain (with --check: when a fix \
        would apply), 2 on errors.
        """
    )

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "PATH"))
    var paths: [String] = []

    @Flag(help: "Also apply unsafe fixes.")
    var unsafeFixes = false

    @Flag(help: "Print a unified diff of what would change; write nothing.")
    var diff = false

    @Flag(help: "Write nothing; exit 1 when a fix would apply.")
    var check = false

    @OptionGroup var rules: RuleOptions
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var corpus: CorpusOptions

    var output: OutputSettings { outputOptions.settings }
    var reading: InputSettings { inputOptions.settings }

    func validate() throws {
        try corpus.check(paths: paths, conflicts: (diff ? ["--diff"] : []) + (check ? ["--check"] : []) + (output.format != .text ? ["--format"] : []))
    }

    struct FileOutcome: Sendable {
        var input: Input
        var original: [UInt8]
        var outcome: FixOutcome
        /// Whether the fixed text differs from `original` (`outcome.bytes` is empty when a
        /// large file is only checked: its fixed text is compared part by part, not kept).
        var changed: Bool
        /// What remains, one piece per part of a file fixed in parts.
        var remaining: [RemainingPiece]
    }

    /// What remains in a file or in one part of it: its findings rendered (`body`, by the
    /// worker that fixed it) and the report without its source excerpts, which is all the end
    /// of the run needs (counts and, for the formats that render there, the findings).
    struct RemainingPiece: Sendable {
        var report: FileReport
        var body: String?

        init(_ report: FileReport, renderer: any StreamingReporter) {
            body = renderer.body(of: report)
            self.report = report.withoutSourceLines()
        }
    }

    /// The report of what remains after fixing, as one run's output.
    func render(_ pieces: [RemainingPiece], console: Console, rules: [Rule]) -> String {
        var reporter = output.reporter(console: console, rules: rules)
        var out = reporter.start()
        for piece in pieces { out += reporter.add(piece.report, body: piece.body) }
        return out + reporter.finish()
    }

    func run() throws {
        let console = Console.current
        let fixer = Fixer(includeUnsafe: unsafeFixes)
        if let field = corpus.field {
            let plan = try RunPlan(inputs: [.standardInput], rules: rules.settings, console: console)
            guard let linter = plan.groups.first?.linter else { return }
            return try CorpusMode(field: field, idField: corpus.idField, action: .fix(fixer), format: reading.format(for: .standardInput),
                                  jobs: reading.jobs).run(linter: linter, console: console)
        }
        let (inputs, problems) = InputCollector.collect(paths)
        let plan = try RunPlan(inputs: inputs, rules: rules.settings, console: console)
        let progress = Progress(console: console, unit: "files", streamsToTerminal: console.isTerminal)
        var failed = problems
        var remaining: [RemainingPiece] = []
        var wouldChange = false
        let toStdout = plan.order.contains(.standardInput)
        // Status lines go to stderr when stdout carries the fixed text or a diff.
        func status(_ line: String) {
            if toStdout || diff { console.err(line) } else { console.out(line) }
        }
        // Remaining findings are rendered by the worker that fixed them.
        let renderer = output.reporter(console: console, rules: plan.rules)
        // Each file is written (or diffed) as soon as its turn comes, in path order, and its
        // bytes dropped: only the report of what remains is kept for the end.
        let options = reading
        plan.stream(jobs: reading.jobs, censusKeys: { CensusKeys.of($0, format: options.format(for: $0), console: console) },
                    { input, linter, turn in
            let result = fix(input, with: linter, fixer: fixer, renderer: renderer, console: console)
            if case .success(let file) = result { progress.advance(bytes: file.original.count) }
            turn.emit(result)
        }, deliver: { (result: Result<FileOutcome, InputProblem>) in
            let file: FileOutcome
            switch result {
            case .failure(let problem):
                failed.append(problem)
                return
            case .success(let value): file = value
            }
            remaining += file.remaining
            let path = file.input.displayPath
            let changed = file.changed
            wouldChange = wouldChange || changed
            if !file.outcome.unstableRules.isEmpty {
                console.err("mtlint: \(path): fixes did not settle after \(fixer.maxRounds) rounds; rules still changing the text: \(file.outcome.unstableRules.joined(separator: ", "))\n")
            }
            if diff {
                let old = String(decoding: file.original, as: UTF8.self), new = String(decoding: file.outcome.bytes, as: UTF8.self)
                console.out(UnifiedDiff.render(old: old, new: new, oldPath: "a/\(path)", newPath: "b/\(path)"))
                return
            }
            if case .standardInput = file.input, !check {
                console.writeOut(file.outcome.bytes)
            } else if changed, !check, case .file(let filePath) = file.input {
                do throws(AtomicWriter.Failure) {
                    try AtomicWriter.write(file.outcome.bytes, to: filePath, expecting: file.original)
                } catch {
                    failed.append(InputProblem(path: path, message: error.description))
                    return
                }
            }
            if changed {
                let counts = file.outcome.applied.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
                let total = file.outcome.applied.values.reduce(0, +)
                let verb = check || diff ? "would fix" : "fixed"
                status("\(path): \(verb) \(total) (\(counts))\n")
            }
        })
        progress.finish()
        let findingCount = remaining.reduce(0) { $0 + $1.report.items.count }
        if findingCount > 0 || output.statistics || ![.text, .concise].contains(output.format) {
            let rendered = render(remaining, console: console, rules: plan.rules)
            if toStdout || diff { console.err(rendered) } else { console.out(rendered) }
        }
        for problem in failed { console.err("mtlint: \(problem.description)\n") }
        for piece in remaining {
            for failure in piece.report.failures { console.err("mtlint: \(piece.report.path): \(failure.description)\n") }
        }
        if !failed.isEmpty || remaining.contains(where: { !$0.report.failures.isEmpty }) { throw CommandExit(status: .error) }
        if check && wouldChange { throw CommandExit(status: .findings) }
        if findingCount > 0 { throw CommandExit(status: .findings) }
    }

    /// Fixes one input. A large plain-text file is checked whole, then fixed in parts (on every
    /// core when it is the only input), so memory holds its bytes and the fixed bytes but never
    /// two whole documents.
    func fix(_ input: Input, with linter: Linter, fixer: Fixer, renderer: any StreamingReporter,
             console: Console) -> Result<FileOutcome, InputProblem> {
        let format = reading.format(for: input)
        let path = input.displayPath
        let bytes: [UInt8]
        switch InputReader.readBytes(input, console: console) {
        case .success(let read): bytes = read
        case .failure(let problem): return .failure(problem)
        }
        do throws(InputError) {
            if PartitionedLint.applies(to: bytes.count, format: format) {
                try Document.check(bytes: bytes)
                return .success(fixInParts(bytes, path: path, input: input, linter: linter, fixer: fixer, renderer: renderer))
            }
            return .success(try fixWhole(bytes, format: format, path: path, input: input, linter: linter, fixer: fixer,
                                         renderer: renderer))
        } catch {
            return .failure(InputProblem(path: path, message: error.description))
        }
    }

    /// The file fixed as one document.
    func fixWhole(_ bytes: [UInt8], format: DocumentFormat, path: String, input: Input, linter: Linter,
                  fixer: Fixer, renderer: any StreamingReporter) throws(InputError) -> FileOutcome {
        let document = try Document(bytes: bytes, format: format)
        let outcome = fixer.fix(document, with: linter)
        let fixed = (try? Document(bytes: outcome.bytes, format: document.format)) ?? document
        let report = FileReport(path: path, document: fixed, result: outcome.remaining,
                                wordCount: output.statistics ? WordCount.count(fixed) : 0, sourceLines: output.format == .text,
                                showing: output.showsText ? 0..<fixed.text.count : nil)
        return FileOutcome(input: input, original: bytes, outcome: outcome, changed: outcome.bytes != bytes,
                           remaining: [RemainingPiece(report, renderer: renderer)])
    }

    /// `PartitionedFix` over the file's parts, put back together: the fixed bytes, the counts,
    /// and one report of what remains at the fixed file's positions. With `--check` alone the
    /// fixed bytes are compared with the file's part by part and dropped, so memory holds the
    /// file once.
    func fixInParts(_ bytes: [UInt8], path: String, input: Input, linter: Linter, fixer: Fixer,
                    renderer: any StreamingReporter, partSize: Int = DocumentPartition.defaultPartSize / 2) -> FileOutcome {
        let linters = linter.withThreadCopies()
        let keepFixed = !check || diff
        var fixed: [UInt8] = []
        if keepFixed { fixed.reserveCapacity(bytes.count) }
        // How many of the file's bytes the fixed parts so far repeat, until one differs.
        var matched = 0
        var differs = false
        var position = FixedFilePosition()
        var applied: [String: Int] = [:]
        var rounds = 0
        var unstable = Set<String>()
        var pieces: [RemainingPiece] = []
        var failed = Set<String>()
        let partition = DocumentPartition(bytes: bytes, partSize: partSize, contextLines: linter.partContextLines)
        PartitionedFix.run(partition, fixer: fixer, linters: linters) { part in
            var piece = FileReport(path: path, document: part.document, result: part.outcome.remaining,
                                   wordCount: output.statistics ? WordCount.count(part.document, in: part.ownText) : 0,
                                   sourceLines: output.format == .text, origin: position.origin(of: part), isContinuation: part.isContinuation,
                                   showing: output.showsText ? part.ownText : nil)
            // A rule that failed in several parts is reported once.
            piece.failures.removeAll { !failed.insert($0.ruleID).inserted }
            pieces.append(RemainingPiece(piece, renderer: renderer))
            if !differs {
                let end = matched + part.bytes.count
                if end <= bytes.count, bytes[matched..<end].elementsEqual(part.bytes) { matched = end } else { differs = true }
            }
            if keepFixed { fixed += part.bytes }
            position.advance(over: part.bytes)
            applied.merge(part.outcome.applied, uniquingKeysWith: +)
            rounds = max(rounds, part.outcome.rounds)
            unstable.formUnion(part.outcome.unstableRules)
        }
        let outcome = FixOutcome(bytes: fixed, applied: applied, rounds: rounds, unstableRules: unstable.sorted(),
                                 remaining: LintResult(findings: [], failures: pieces.flatMap(\.report.failures)))
        return FileOutcome(input: input, original: bytes, outcome: outcome, changed: differs || matched != bytes.count, remaining: pieces)
    }
}

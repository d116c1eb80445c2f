import MTLintCore
import MTLintReporters

/// One `mtlint lint` run, from plain values: what `LintCommand` parses, or a plain command
/// line's defaults (`PlainLintCommandLine`).
struct LintRun: Equatable {
    var paths: [String]
    var rules = RuleSettings()
    var output = OutputSettings()
    var reading = InputSettings()
    var corpus = CorpusSettings()

    func run() throws {
        let console = Console.current
        if let field = corpus.field {
            let plan = try RunPlan(inputs: [.standardInput], rules: rules, console: console)
            guard let linter = plan.groups.first?.linter else { return }
            return try CorpusMode(field: field, idField: corpus.idField, action: .lint, format: reading.format(for: .standardInput),
                                  jobs: reading.jobs).run(linter: linter, console: console)
        }
        let (inputs, problems) = InputCollector.collect(paths)
        let plan = try RunPlan(inputs: inputs, rules: rules, console: console)
        let progress = Progress(console: console, unit: "files", streamsToTerminal: console.isTerminal)
        // Each file's report is written as soon as its turn comes (path order), then dropped:
        // only counts stay for the summary.
        var reporter = output.reporter(console: console, rules: plan.rules)
        var findings = 0
        var failed = problems
        var ruleFailures: [(path: String, failure: RuleFailure)] = []
        console.out(reporter.start())
        // Findings are rendered by the worker that linted them; delivery only counts and writes.
        let renderer = reporter
        let options = reading
        plan.stream(jobs: reading.jobs, censusKeys: { CensusKeys.of($0, format: options.format(for: $0), console: console) },
                    { input, linter, turn in
            progress.advance(bytes: lint(input, with: linter, renderer: renderer, turn: turn, console: console))
        }, deliver: { (piece: LintPiece) in
            switch piece {
            case .report(let report, let body):
                findings += report.items.count
                for failure in report.failures where !ruleFailures.contains(where: { $0.path == report.path && $0.failure.ruleID == failure.ruleID }) {
                    ruleFailures.append((report.path, failure))
                }
                let text = reporter.add(report, body: body)
                if !text.isEmpty { console.out(text) }
            case .problem(let problem):
                failed.append(problem)
            }
        })
        progress.finish()
        console.out(reporter.finish())
        for problem in failed { console.err("mtlint: \(problem.description)\n") }
        for (path, failure) in ruleFailures { console.err("mtlint: \(path): \(failure.description)\n") }
        if !failed.isEmpty || !ruleFailures.isEmpty { throw CommandExit(status: .error) }
        if findings > 0 { throw CommandExit(status: .findings) }
    }

    /// What linting one input gives, in order: its report (several for a large file linted in
    /// parts) or why it could not be read.
    enum LintPiece {
        /// A report and its findings rendered (`StreamingReporter.body(of:)`).
        case report(FileReport, body: String?)
        case problem(InputProblem)
    }

    /// Lints one input and emits its report. A large plain-text file is checked whole, then
    /// linted in parts whose reports go out as they are done (on every core when it is the
    /// only input), so neither its text nor its findings are held whole. Returns the bytes read.
    @discardableResult
    func lint(_ input: Input, with linter: Linter, renderer: any StreamingReporter, turn: InputTurn<LintPiece>,
              console: Console) -> Int {
        let format = reading.format(for: input)
        let bytes: [UInt8]
        switch InputReader.readBytes(input, console: console) {
        case .success(let read): bytes = read
        case .failure(let problem):
            turn.emit(.problem(problem))
            return 0
        }
        let path = input.displayPath
        if PartitionedLint.applies(to: bytes.count, format: format) {
            do {
                try Document.check(bytes: bytes)
            } catch {
                turn.emit(.problem(InputProblem(path: path, message: error.description)))
                return bytes.count
            }
            turn.waitForTurn()
            let linters = linter.withThreadCopies()
            PartitionedLint.run(DocumentPartition(bytes: bytes, contextLines: linter.partContextLines), format: format, linters: linters, transform: { part in
                let report = output.fileReport(path: path, document: part.document, result: part.result, origin: part.origin,
                                               isContinuation: part.isContinuation, countWordsIn: part.ownText)
                return LintPiece.report(report, body: renderer.body(of: report))
            }, deliver: { turn.emit($0) })
            return bytes.count
        }
        do {
            let document = try Document(bytes: bytes, format: format)
            let report = output.fileReport(path: path, document: document, result: linter.lint(document))
            turn.emit(.report(report, body: renderer.body(of: report)))
        } catch {
            turn.emit(.problem(InputProblem(path: path, message: error.description)))
        }
        return bytes.count
    }
}

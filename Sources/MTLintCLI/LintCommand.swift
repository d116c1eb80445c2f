import ArgumentParser
import Foundation
import MTLintCore
import MTLintReporters

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report machine-translation and scraping artifacts.",
        discussion: """
        PATH may be a file, a directory (searched recursively for .txt, .md, .markdown, .html \
        and .htm files) or - for standard input. Exit status: 0 nothing found, 1 artifacts \
        found, 2 usage, input or rule-file error.
        """
    )

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var rules: RuleOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var corpus: CorpusOptions

    func validate() throws {
        try corpus.check(paths: paths, conflicts: (output.format != .text ? ["--format"] : []) + (output.statistics ? ["--statistics"] : []))
    }

    func run() throws {
        let console = Console.current
        if let field = corpus.field {
            let plan = try RunPlan(inputs: [.standardInput], options: rules, console: console)
            guard let linter = plan.groups.first?.linter else { return }
            return try CorpusMode(field: field, idField: corpus.idField, action: .lint, format: inputOptions.format(for: .standardInput),
                                  jobs: inputOptions.jobs).run(linter: linter, console: console)
        }
        let (inputs, problems) = InputCollector.collect(paths)
        let plan = try RunPlan(inputs: inputs, options: rules, console: console)
        let progress = Progress(console: console, unit: "files", streamsToTerminal: output.streams && console.isTerminal)
        let outcomes = plan.map(jobs: inputOptions.jobs) { input, linter in
            InputReader.read(input, format: inputOptions.format(for: input), console: console).map { document in
                defer { progress.advance(bytes: document.byteCount) }
                return output.fileReport(path: input.displayPath, document: document, result: linter.lint(document), console: console)
            }
        }
        progress.finish()
        var reports: [FileReport] = []
        var failed = problems
        for outcome in outcomes {
            switch outcome {
            case .success(let report): reports.append(report)
            case .failure(let problem): failed.append(problem)
            }
        }
        let report = RunReport(files: reports)
        console.out(output.render(report, console: console, rules: plan.rules, streamed: output.streams))
        for problem in failed { console.err("mtlint: \(problem.description)\n") }
        for file in reports {
            for failure in file.failures { console.err("mtlint: \(file.path): \(failure.description)\n") }
        }
        let ruleFailed = reports.contains { !$0.failures.isEmpty }
        if !failed.isEmpty || ruleFailed { throw CommandExit(status: .error) }
        if report.findingCount > 0 { throw CommandExit(status: .findings) }
    }
}


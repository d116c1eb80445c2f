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

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one PATH (or - for standard input)") }
    }

    func run() throws {
        let console = Console.current
        let (inputs, problems) = InputCollector.collect(paths)
        let plan = try RunPlan(inputs: inputs, options: rules, console: console)
        let outcomes = plan.map(jobs: inputOptions.jobs) { input, linter in
            InputReader.read(input, format: inputOptions.format(for: input), console: console).map { document in
                output.fileReport(path: input.displayPath, document: document, result: linter.lint(document), console: console)
            }
        }
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


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

    /// The run the command line asks for.
    var request: LintRun {
        LintRun(paths: paths, rules: rules.settings, output: output.settings, reading: inputOptions.settings, corpus: corpus.settings)
    }

    func run() throws {
        try request.run()
    }
}

import ArgumentParser
import Foundation
import MTLintCore
import MTLintReporters

/// How findings are printed.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format.",
        discussion: """
        text: findings with source excerpts; concise: one line per finding; json: one array; \
        jsonl: one finding per line, streamed as files finish; sarif: SARIF 2.1.0; \
        github: GitHub Actions annotations.
        """))
    var format: OutputFormat = .text

    @Option(help: "Color the text output (auto: on a terminal, unless NO_COLOR is set).")
    var color: ColorChoice = .auto

    @Flag(help: "Print counts per rule and per category, and each file's artifacts per 1,000 words, instead of the findings (JSON with --format json or jsonl).")
    var statistics = false

    /// Whether each file's findings are written as soon as the file is linted.
    var streams: Bool { format == .jsonl && !statistics }

    /// One file's report: words counted when `--statistics` needs them, and written out at
    /// once when the format streams.
    func fileReport(path: String, document: Document, result: LintResult, console: Console) -> FileReport {
        let report = FileReport(path: path, document: document, result: result,
                                wordCount: statistics ? WordCount.count(document) : 0, sourceLines: format == .text)
        if streams {
            let lines = JSONLinesReporter().render(report)
            if !lines.isEmpty { streamLock.withLock { console.out(lines) } }
        }
        return report
    }

    /// The whole run's output. `rules` are the loaded rules (SARIF describes them);
    /// `streamed` says the files' findings were already written by `fileReport`.
    func render(_ report: RunReport, console: Console, rules: [Rule] = [], streamed: Bool = false) -> String {
        let colored = color == .always || (color == .auto && console.wantsColor)
        if statistics {
            switch format {
            case .json, .jsonl: return StatisticsReporter().renderJSON(report)
            default: return StatisticsReporter(style: TextStyle(enabled: colored)).render(report)
            }
        }
        switch format {
        case .text:
            return TextReporter(style: TextStyle(enabled: colored)).render(report)
        case .concise:
            return ConciseReporter(style: TextStyle(enabled: colored)).render(report)
        case .json:
            return JSONReporter().render(report)
        case .jsonl:
            return streamed ? "" : JSONLinesReporter().render(report)
        case .sarif:
            return SARIFReporter(rules: rules, toolVersion: Self.toolVersion).render(report)
        case .github:
            return GitHubReporter().render(report)
        }
    }

    /// mtlint's version without the ICU part (`0.1.0`).
    static var toolVersion: String {
        let full = MTLintCommand.configuration.version
        return full.split(separator: " ").first.map(String.init) ?? full
    }
}

/// Keeps streamed files' lines together when several workers finish at once.
private let streamLock = NSLock()

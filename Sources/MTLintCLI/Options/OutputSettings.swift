import MTLintCore
import MTLintReporters

/// How findings are printed, as plain values: what `OutputOptions` parses, or its defaults.
struct OutputSettings: Equatable {
    var format: OutputFormat = .text
    var color: ColorChoice = .auto
    var statistics = false

    /// One file's report (or one part's, for a large file linted in parts), with words
    /// counted when `--statistics` needs them.
    func fileReport(path: String, document: Document, result: LintResult, origin: PartOrigin = PartOrigin(),
                    isContinuation: Bool = false, countWordsIn range: Range<Int>? = nil) -> FileReport {
        FileReport(path: path, document: document, result: result,
                   wordCount: statistics ? WordCount.count(document, in: range ?? 0..<document.text.count) : 0,
                   sourceLines: format == .text, origin: origin, isContinuation: isContinuation,
                   showing: showsText ? range ?? 0..<document.text.count : nil)
    }

    /// Whether the format shows each file's text whole (the HTML report does).
    var showsText: Bool { format == .html && !statistics }

    /// The reporter for the format: `start()`, each file's report as it is ready, `finish()`.
    /// `rules` are the loaded rules (SARIF describes them).
    func reporter(console: Console, rules: [Rule] = []) -> any StreamingReporter {
        let colored = color == .always || (color == .auto && console.wantsColor)
        if statistics {
            return StatisticsReporter(style: TextStyle(enabled: colored && ![.json, .jsonl].contains(format)),
                                      json: [.json, .jsonl].contains(format))
        }
        switch format {
        case .text: return TextReporter(style: TextStyle(enabled: colored))
        case .concise: return ConciseReporter(style: TextStyle(enabled: colored))
        case .json: return JSONReporter()
        case .jsonl: return JSONLinesReporter()
        case .sarif: return SARIFReporter(rules: rules, toolVersion: Self.toolVersion)
        case .github: return GitHubReporter()
        case .html: return HTMLReporter(toolVersion: Self.toolVersion)
        }
    }

    /// A whole run's output at once.
    func render(_ report: RunReport, console: Console, rules: [Rule] = []) -> String {
        reporter(console: console, rules: rules).render(report)
    }

    /// mtlint's version without the ICU part (`0.1.0`).
    static var toolVersion: String {
        let full = MTLintCommand.configuration.version
        return full.split(separator: " ").first.map(String.init) ?? full
    }
}

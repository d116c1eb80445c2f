import ArgumentParser
import MTLintCore
import MTLintReporters

/// How findings are printed.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: "Color the text output (auto: on a terminal, unless NO_COLOR is set).")
    var color: ColorChoice = .auto

    func render(_ report: RunReport, console: Console) -> String {
        switch format {
        case .text:
            let colored = color == .always || (color == .auto && console.wantsColor)
            return TextReporter(style: TextStyle(enabled: colored)).render(report)
        case .json:
            return JSONReporter().render(report)
        }
    }
}

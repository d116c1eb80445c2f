import ArgumentParser

/// How findings are printed.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format.",
        discussion: """
        text: findings with source excerpts; concise: one line per finding; json: one array; \
        jsonl: one finding per line; sarif: SARIF 2.1.0; github: GitHub Actions annotations; \
        html: one self-contained page with each file's text and its artifacts highlighted. \
        Every format is written file by file as the run goes, in path order.
        """))
    var format: OutputFormat = OutputSettings().format

    @Option(help: "Color the text output (auto: on a terminal, unless NO_COLOR is set).")
    var color: ColorChoice = OutputSettings().color

    @Flag(help: "Print counts per rule and per category, and each file's artifacts per 1,000 words, instead of the findings (JSON with --format json or jsonl).")
    var statistics = false

    /// The values parsed, as plain values.
    var settings: OutputSettings { OutputSettings(format: format, color: color, statistics: statistics) }
}

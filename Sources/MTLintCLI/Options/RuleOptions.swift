import ArgumentParser

/// Which rules run and how: the shipped ones, extra rule folders, selection, source and target
/// languages. Flags win over `.mtlint.yml`.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Add the rule files in this folder (repeatable).", valueName: "DIR"))
    var ruleDirectories: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Do not load the rules shipped with mtlint.")
    var noBuiltinRules = false

    @Option(help: ArgumentHelp("Run only these rules: rule ids, packs or categories, comma-separated (repeatable).", valueName: "SELECTORS"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Skip these rules: rule ids, packs or categories, comma-separated (repeatable).", valueName: "SELECTORS"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("Source languages to look for leftovers of, comma-separated (default: all).", valueName: "LANGS"))
    var source: [String] = []

    @Option(help: ArgumentHelp("Target locale whose quotation marks fixes use (default: en-US).", valueName: "LOCALE"))
    var target: String?

    @Option(help: ArgumentHelp("Quotation marks for fixes: locale (the target's; default), curly or straight.", valueName: "STYLE"))
    var quotes: QuoteStyle?

    @Option(help: ArgumentHelp("ICU locale for sentence breaks.", valueName: "LOCALE"))
    var sentenceLocale = RuleSettings().sentenceLocale

    @Option(help: ArgumentHelp("Use this configuration file instead of the nearest .mtlint.yml.", valueName: "FILE"))
    var config: String?

    @Flag(help: "Ignore every .mtlint.yml.")
    var noConfig = false

    /// The values parsed, as plain values.
    var settings: RuleSettings {
        RuleSettings(ruleDirectories: ruleDirectories, noBuiltinRules: noBuiltinRules, select: select, ignore: ignore,
                     source: source, target: target, quotes: quotes, sentenceLocale: sentenceLocale, config: config,
                     noConfig: noConfig)
    }
}

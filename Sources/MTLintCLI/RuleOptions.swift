import ArgumentParser
import MTLintCore
import ICUText
import MTLintRuleFiles

/// Which rules run: the shipped ones, extra rule folders, and selection.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Add the rule files in this folder (repeatable).", valueName: "DIR"))
    var ruleDirectories: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Do not load the rules shipped with mtlint.")
    var noBuiltinRules = false

    @Option(help: ArgumentHelp("Run only these rules: rule ids, packs or categories, comma-separated (repeatable).", valueName: "SELECTORS"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Skip these rules: rule ids, packs or categories, comma-separated (repeatable).", valueName: "SELECTORS"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("ICU locale for sentence breaks.", valueName: "LOCALE"))
    var sentenceLocale = "en_US@ss=standard"

    @Option(help: ArgumentHelp("Source languages to look for leftovers of, comma-separated (default: all).", valueName: "LANGS"))
    var source: [String] = []

    @Option(help: ArgumentHelp("Target locale whose quotation marks fixes use.", valueName: "LOCALE"))
    var target = "en-US"

    @Option(help: ArgumentHelp("Quotation marks for fixes: locale (the target's), curly or straight.", valueName: "STYLE"))
    var quotes: QuoteStyle = .locale

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmedWhitespace } }.filter { !$0.isEmpty }
    }

    /// Loads and selects the rules; prints every rule-file error and exits 2 if any.
    func loadRules(console: Console) throws -> [Rule] {
        let all: [Rule]
        do {
            all = try RuleLoader.load(builtin: !noBuiltinRules, directories: ruleDirectories)
        } catch {
            console.err(error.description + "\n")
            let count = error.errors.count
            console.err("mtlint: \(count) error\(count == 1 ? "" : "s") in rule files; nothing was linted.\n")
            throw CommandExit(status: .error)
        }
        let selectors = Self.split(select), ignored = Self.split(ignore)
        let builtinNames: Set<String> = ["mtlint/unused-suppression", "mtlint", Category.suppression.rawValue]
        for selector in selectors + ignored where !all.contains(where: { $0.isNamed(by: selector) }) && !builtinNames.contains(selector) {
            var message = "mtlint: '\(selector)' names no rule, pack or category"
            let names = Array(Set(all.flatMap { [$0.id, $0.pack, $0.category.rawValue] }))
            if let guess = closestMatch(to: selector, in: names) { message += " (did you mean '\(guess)'?)" }
            console.err(message + "\n")
            throw CommandExit(status: .error)
        }
        let languages = Set(Self.split(source).map { $0.lowercased() })
        return all.filter { rule in
            (selectors.isEmpty || selectors.contains(where: rule.isNamed)) && !ignored.contains(where: rule.isNamed)
                && (languages.isEmpty || rule.language.map(languages.contains) ?? true)
        }
    }

    var context: LintContext {
        let icuLocale = target.replacing("-", with: "_")
        let marks: LocaleQuotes
        switch quotes {
        case .straight: marks = .straight
        case .curly: marks = LocaleQuotes(open: "“", close: "”", innerOpen: "‘", innerClose: "’")
        case .locale: marks = (try? LocaleQuotes(locale: icuLocale)) ?? LocaleQuotes(open: "“", close: "”", innerOpen: "‘", innerClose: "’")
        }
        var context = LintContext(sentenceLocale: sentenceLocale, targetQuotes: marks,
                                  sourceLanguages: Set(Self.split(source).map { $0.lowercased() }))
        // The unused-suppression check answers to the same selectors as a rule would.
        let names = ["mtlint/unused-suppression", "mtlint", Category.suppression.rawValue, "ALL"]
        let selected = Self.split(select), ignored = Self.split(ignore)
        context.reportUnusedSuppressions = (selected.isEmpty || selected.contains(where: names.contains))
            && !ignored.contains(where: names.contains)
        return context
    }
}

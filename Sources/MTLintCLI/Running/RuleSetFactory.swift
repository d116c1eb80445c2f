import ICUText
import MTLintCore
import MTLintRuleFiles

/// Names the unused-suppression check answers to, as a rule would.
let unusedSuppressionNames: Set<String> = [SuppressionFilter.unusedRuleID, "mtlint", Category.suppression.rawValue]

/// Turns settings into rule sets and linters, loading each rule folder set once.
final class RuleSetFactory {
    let builtin: Bool
    let sentenceLocale: String
    private var loaded: [[String]: [Rule]] = [:]

    init(builtin: Bool, sentenceLocale: String) {
        self.builtin = builtin
        self.sentenceLocale = sentenceLocale
    }

    /// Loads the rules for `settings`; prints every rule-file error and exits 2 if any.
    func rules(for settings: SettingsLayer, console: Console) throws -> [Rule] {
        let folders = settings.rules ?? []
        let all: [Rule]
        if let cached = loaded[folders] {
            all = cached
        } else {
            do {
                if builtin, folders.isEmpty, let prefetch = ShippedRulesPrefetch.current {
                    all = try prefetch.rules()
                } else {
                    all = try RuleLoader.load(builtin: builtin, directories: folders)
                }
            } catch {
                console.err(error.description + "\n")
                let count = error.errors.count
                console.err("mtlint: \(count) error\(count == 1 ? "" : "s") in rule files; nothing was linted.\n")
                throw CommandExit(status: .error)
            }
            loaded[folders] = all
        }
        let selectors = settings.select ?? [], ignored = settings.ignore ?? []
        for selector in selectors + ignored + Array((settings.severity ?? [:]).keys)
        where !all.contains(where: { $0.isNamed(by: selector) }) && !unusedSuppressionNames.contains(selector) {
            var message = "mtlint: '\(selector)' names no rule, pack or category"
            let names = Array(Set(all.flatMap { [$0.id, $0.pack, $0.category.rawValue] }))
            if let guess = closestMatch(to: selector, in: names) { message += " (did you mean '\(guess)'?)" }
            console.err(message + "\n")
            throw CommandExit(status: .error)
        }
        let languages = Set((settings.source ?? []).map { $0.lowercased() })
        return all.compactMap { rule in
            guard (selectors.isEmpty || selectors.contains(where: rule.isNamed)) && !ignored.contains(where: rule.isNamed),
                  languages.isEmpty || rule.language.map(languages.contains) ?? true else { return nil }
            var adjusted = rule
            // The most specific selector wins: rule id, then pack, then category.
            let severities = settings.severity ?? [:]
            if let level = severities[rule.id] ?? severities[rule.pack] ?? severities[rule.category.rawValue] { adjusted.severity = level }
            return adjusted
        }
    }

    /// A BCP 47 tag (`en-US`) as an ICU locale (`en_US`). ASCII tags are mapped byte by byte
    /// (the generic `replacing` cost a start a tenth of a millisecond).
    static func icuLocale(_ tag: String) -> String {
        guard tag.isASCII else { return tag.replacing("-", with: "_") }
        return String(decoding: tag.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    func context(for settings: SettingsLayer) -> LintContext {
        let icuLocale = Self.icuLocale(settings.target ?? "en-US")
        let curly = LocaleQuotes(open: "“", close: "”", innerOpen: "‘", innerClose: "’")
        let marks: LocaleQuotes
        switch settings.quotes ?? "locale" {
        case "straight": marks = .straight
        case "curly": marks = curly
        default: marks = (try? LocaleQuotes(locale: icuLocale)) ?? curly
        }
        var context = LintContext(sentenceLocale: sentenceLocale, targetQuotes: marks,
                                  sourceLanguages: Set((settings.source ?? []).map { $0.lowercased() }))
        let selected = settings.select ?? [], ignored = settings.ignore ?? []
        context.reportUnusedSuppressions = (selected.isEmpty || selected.contains(where: unusedSuppressionNames.contains) || selected.contains("ALL"))
            && !ignored.contains(where: unusedSuppressionNames.contains)
        return context
    }

    func linter(for settings: SettingsLayer, console: Console) throws -> Linter {
        try Linter(rules: rules(for: settings, console: console), context: context(for: settings))
    }
}

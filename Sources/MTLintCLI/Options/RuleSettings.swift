import MTLintCore
import MTLintRuleFiles

/// Which rules run and how, as plain values: what `RuleOptions` parses, or the defaults when
/// the command line gives no option (see `PlainLintCommandLine`). The defaults are the
/// options' defaults.
struct RuleSettings: Equatable {
    var ruleDirectories: [String] = []
    var noBuiltinRules = false
    var select: [String] = []
    var ignore: [String] = []
    var source: [String] = []
    var target: String?
    var quotes: QuoteStyle?
    var sentenceLocale = "en_US@ss=standard"
    var config: String?
    var noConfig = false

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmedWhitespace } }.filter { !$0.isEmpty }
    }

    /// What the command line says; nil where it says nothing, so the configuration decides.
    var commandLineLayer: SettingsLayer {
        SettingsLayer(select: select.isEmpty ? nil : Self.split(select), ignore: ignore.isEmpty ? nil : Self.split(ignore),
                      source: source.isEmpty ? nil : Self.split(source), target: target, quotes: quotes?.rawValue,
                      rules: ruleDirectories.isEmpty ? nil : ruleDirectories)
    }
}

extension RuleSettings {
    /// The rules for commands that lint nothing (`rules list`, `rules explain`): the
    /// configuration of the current folder (or `--config`), then the command line.
    func loadRules(console: Console) throws -> [Rule] {
        var layer = SettingsLayer()
        var cache: [String: String?] = [:]
        if !noConfig, let path = config ?? Configuration.discover(for: "./-", cache: &cache) {
            do {
                layer = try Configuration.load(path: path).settings
            } catch {
                console.err(error.description + "\n")
                throw CommandExit(status: .error)
            }
        }
        return try RuleSetFactory(builtin: !noBuiltinRules, sentenceLocale: sentenceLocale)
            .rules(for: layer.overridden(by: commandLineLayer), console: console)
    }
}

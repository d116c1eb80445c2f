import Foundation
import MTLintCore
import MTLintRuleFiles

/// Which rules lint each document, as `mtlint lint` decides for a file: the nearest
/// `.mtlint.yml` above it (its overrides and excludes included), then the rules it names.
///
/// `reload()` (on `workspace/didChangeConfiguration`) has every configuration and rule set read
/// again when next needed. One that no longer loads is reported once, with the loader's
/// message, and the last set that loaded goes on being used, so diagnostics do not stop while
/// the user is in the middle of editing a configuration.
///
/// Used on the lint queue only.
final class WorkspaceRules {
    /// What a document is linted with; nil linter: the configuration excludes the file.
    struct Choice {
        var linter: Linter?
        var settings: SettingsLayer
    }

    private struct Loaded<Value> {
        var value: Value
        /// The reload generation it was last read (or last tried) in.
        var generation: Int
    }

    /// Where documents without a path (unsaved buffers) look for a configuration.
    var rootPath: String?
    /// Told about a configuration or rule file that does not load.
    private let report: (String) -> Void
    private let sentenceLocale: String
    private var generation = 0
    private var discovered: [String: String?] = [:]
    /// The last configuration that loaded at each path (nil: none ever did).
    private var configurations: [String: Loaded<Configuration?>] = [:]
    private var linters: [SettingsLayer: Loaded<Linter>] = [:]
    private var factory: RuleSetFactory

    init(rootPath: String?, sentenceLocale: String = "en_US@ss=standard", report: @escaping (String) -> Void) {
        self.rootPath = rootPath
        self.report = report
        self.sentenceLocale = sentenceLocale
        factory = RuleSetFactory(builtin: true, sentenceLocale: sentenceLocale)
    }

    /// Reads configurations and rule files again when they are next needed.
    func reload() {
        generation += 1
        discovered = [:]
        factory = RuleSetFactory(builtin: true, sentenceLocale: sentenceLocale)
    }

    /// The linter for the document at `path` (nil for a document that is not a file).
    func choice(forPath path: String?) -> Choice {
        let anchor = path ?? ((rootPath ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent("-")
        var settings = SettingsLayer()
        if let configPath = Configuration.discover(for: anchor, cache: &discovered), let configuration = configuration(at: configPath) {
            if let path {
                if configuration.excludes(path) { return Choice(linter: nil, settings: settings) }
                settings = configuration.settings(for: path)
            } else {
                settings = configuration.settings
            }
        }
        return Choice(linter: linter(for: settings), settings: settings)
    }

    private func configuration(at path: String) -> Configuration? {
        let known = configurations[path]
        if let known, known.generation == generation { return known.value }
        do {
            let loaded = try Configuration.load(path: path)
            configurations[path] = Loaded(value: loaded, generation: generation)
            return loaded
        } catch {
            let previous = known?.value ?? nil
            report(error.description + "\n" + (previous == nil
                ? "mtlint: linting with the default settings until this configuration loads."
                : "mtlint: linting with the last configuration that loaded until this one does."))
            configurations[path] = Loaded(value: previous, generation: generation)
            return previous
        }
    }

    private func linter(for settings: SettingsLayer) -> Linter? {
        let known = linters[settings]
        if let known, known.generation == generation { return known.value }
        let console = Console(capturingWithInput: [])
        do {
            let made = try factory.linter(for: settings, console: console)
            linters[settings] = Loaded(value: made, generation: generation)
            return made
        } catch {
            var message = console.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            if message.isEmpty { message = "mtlint: the rules could not be loaded (\(error))" }
            if let previous = known?.value {
                report(message + "\nmtlint: linting with the last rules that loaded until these do.")
                linters[settings] = Loaded(value: previous, generation: generation)
                return previous
            }
            // Nothing loaded before: the shipped rules, unless those are what failed.
            let fallback = SettingsLayer()
            report(message + (settings == fallback ? "" : "\nmtlint: linting with the shipped rules until these load."))
            guard settings != fallback, let shipped = linter(for: fallback) else { return nil }
            linters[settings] = Loaded(value: shipped, generation: generation)
            return shipped
        }
    }
}

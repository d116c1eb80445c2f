import Foundation
import ArgumentParser
import MTLintCore
import MTLintReporters
import MTLintRuleFiles

/// Each subcommand names itself: a name derived from the type costs a runtime type-name
/// lookup whenever the command tree is built, which is at every start of mtlint.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, explain and test rules.",
        subcommands: [List.self, Explain.self, Test.self, Catalog.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules with category, severity and fix safety.")
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let console = Console.current
            let loaded = try rules.settings.loadRules(console: console)
            let width = loaded.map(\.id.count).max() ?? 10
            for rule in loaded {
                let fix = rule.fix.map { $0.applicability.rawValue + " fix" } ?? "no fix"
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                console.out("\(id)  \(rule.category.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0))  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(fix)\n")
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule's summary, why it exists, and its examples.")
        @Argument(help: "The rule id.") var id: String
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let console = Console.current
            let loaded = try rules.settings.loadRules(console: console)
            guard let rule = loaded.first(where: { $0.id == id }) else {
                var message = "mtlint: no rule '\(id)'"
                if let guess = closestMatch(to: id, in: loaded.map(\.id)) { message += " (did you mean '\(guess)'?)" }
                console.err(message + "\n")
                throw CommandExit(status: .error)
            }
            console.out(RuleExplanation.render(rule))
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run rules' examples with the invariants of the shipped rules.",
            discussion: "Exit status 1 when any example fails, 2 when a rule file does not load."
        )
        @Argument(help: ArgumentHelp("Rule files or folders (default: the shipped rules).", valueName: "PATH"))
        var paths: [String] = []

        func run() throws {
            let console = Console.current
            let loaded: [Rule]
            do {
                if paths.isEmpty {
                    loaded = try RuleLoader.load()
                } else {
                    var files: [RuleFile] = []
                    for path in paths { files += try RuleLoader.files(inDirectory: path) }
                    loaded = try RuleLoader.rules(from: files)
                }
            } catch {
                console.err(error.description + "\n")
                throw CommandExit(status: .error)
            }
            let verifier = ExampleVerifier()
            var failed = 0
            for rule in loaded {
                let failures = verifier.verify(rule)
                let examples = rule.examples.flag.count + rule.examples.pass.count + rule.examples.fix.count
                if failures.isEmpty {
                    console.out("PASS \(rule.id) (\(examples) examples)\n")
                } else {
                    failed += 1
                    console.out("FAIL \(rule.id)\n")
                    for failure in failures { console.out("  - " + failure.description.replacing("\n", with: "\n    ") + "\n") }
                }
            }
            console.out("\(loaded.count - failed) passed, \(failed) failed\n")
            if failed > 0 { throw CommandExit(status: .findings) }
        }
    }
}

extension RulesCommand {
    struct Catalog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "Write the rule catalog (Markdown) generated from the rule files.",
            discussion: "The shipped catalog is docs/rules-catalog.md: mtlint rules catalog --output docs/rules-catalog.md"
        )
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
        var output: String?
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let console = Console.current
            let text = RuleCatalog.markdown(try rules.settings.loadRules(console: console))
            guard let output else { return console.out(text) }
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                console.err("mtlint: cannot write \(output): \(error.localizedDescription)\n")
                throw CommandExit(status: .error)
            }
        }
    }
}

enum RuleExplanation {
    static func render(_ rule: Rule) -> String {
        var out = "\(rule.id) — \(rule.summary)\n\n"
        out += "category: \(rule.category.rawValue)   severity: \(rule.severity.rawValue)   scope: \(rule.scope.rawValue)   fix: \(rule.fix.map { $0.applicability.rawValue } ?? "none")\n\n"
        out += "Why\n" + rule.why.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        if let explanation = rule.matcher.explanation {
            out += "How it decides\n" + explanation.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "Flagged (⟨ ⟩ marks the finding)\n" + rule.examples.flag.map { "  ✗ \($0)" }.joined(separator: "\n") + "\n"
        out += "Not flagged\n" + rule.examples.pass.map { "  ✓ \($0)" }.joined(separator: "\n") + "\n"
        if !rule.examples.fix.isEmpty {
            out += "Fixes\n" + rule.examples.fix.map { "  \($0.before)\n  → \($0.after)" }.joined(separator: "\n") + "\n"
        }
        return out
    }
}

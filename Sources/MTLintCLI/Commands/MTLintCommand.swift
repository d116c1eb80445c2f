import ArgumentParser
import Foundation
import ICUText

/// `mtlint`: finds and fixes what machine translation and web scraping leave in articles.
public struct MTLintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mtlint",
        abstract: "Find and fix the artifacts machine translation and web scraping leave in articles.",
        version: "0.1.0 (ICU \(icuVersion))",
        subcommands: [LintCommand.self, FixCommand.self, RulesCommand.self, EvalCommand.self, LSPCommand.self]
    )

    public init() {}

    /// Runs mtlint with `arguments` (without the program name) on `console`; returns the exit
    /// status. Usage errors exit 2, like every other error.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        run(arguments, console: console) { $0 }
    }

    /// Runs mtlint as the process, with `arguments` (without the program name), and ends the
    /// process with the exit status. The process ends while it still holds the shipped rules
    /// and the linters made from them:
    /// the kernel takes back their memory at once, where releasing them would free thousands
    /// of objects one by one just before the exit (0.2–0.3 ms of a 2 KB lint's start to exit).
    public static func runAsProcess(_ arguments: [String]) -> Never {
        // The run plans' linters too (see `HeldUntilExit`).
        let held = HeldUntilExit()
        return HeldUntilExit.$current.withValue(held) {
            run(arguments, console: .standard) { Foundation.exit($0) }
        }
    }

    /// Runs mtlint and hands `end` the exit status while the shipped rules are still held.
    private static func run<Result>(_ arguments: [String], console: Console,
                                    end: (Int32) -> Result) -> Result {
        // The shipped rules decode on another core while the command line is parsed.
        let prefetch = ShippedRulesPrefetch.start(for: arguments)
        let status = ShippedRulesPrefetch.$current.withValue(prefetch) {
            Console.$current.withValue(console) { run(parsing: arguments, console: console) }
        }
        prefetch?.finish()
        return withExtendedLifetime(prefetch) { end(status) }
    }

    private static func run(parsing arguments: [String], console: Console) -> Int32 {
        do {
            if let plain = PlainLintCommandLine.run(for: arguments) {
                try plain.run()
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            return ExitStatus.clean.rawValue
        } catch let exit as CommandExit {
            return exit.status.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { console.out(message + "\n") }
                return ExitStatus.clean.rawValue
            }
            console.err(message + "\n")
            return ExitStatus.error.rawValue
        }
    }
}

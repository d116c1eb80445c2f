/// `mtlint lint PATH...` with no option: the command line of an editor's save hook or a
/// script, run without ArgumentParser.
///
/// ArgumentParser finds a command's options by reflecting on its option groups, checks for
/// completion-script requests and pass-through arguments the same way, and builds its tables
/// anew in every process: 2.5 ms of CPU on the main thread of a 2 KB lint that takes 10 ms,
/// while the shipped rules wait for that core to help decode them. A command line of
/// `lint` and paths alone needs none of it: every option keeps its default, which
/// `LintRun`'s settings share with the options (a test compares the two for such command
/// lines). Anything else (an option, `--`, no path) goes to ArgumentParser, so its
/// errors, help and completions stay as they are.
enum PlainLintCommandLine {
    /// The run `arguments` (without the program name) ask for when they are `lint` and one or
    /// more paths; nil for any other command line.
    static func run(for arguments: [String]) -> LintRun? {
        guard arguments.count >= 2, arguments[0] == "lint" else { return nil }
        let paths = Array(arguments.dropFirst())
        guard paths.allSatisfy(isPlainPath) else { return nil }
        return LintRun(paths: paths)
    }

    /// A path ArgumentParser takes as a positional argument: not empty and not an option
    /// (`-` alone is standard input).
    private static func isPlainPath(_ argument: String) -> Bool {
        guard let first = argument.utf8.first else { return false }
        return first != UInt8(ascii: "-") || argument == "-"
    }
}

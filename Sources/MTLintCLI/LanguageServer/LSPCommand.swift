import ArgumentParser
import Foundation

/// `mtlint lsp`: the language server, for editors.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (Language Server Protocol over standard input and output).",
        discussion: """
        Editors start this and talk to it; it shows each artifact as a diagnostic where it is, \
        offers its fix as a quick fix, fixes every safe artifact of a file as the \
        source.fixAll.mtlint action, and reads .mtlint.yml as `mtlint lint` does. \
        docs/editors.md shows the set-up for Neovim, VS Code, Helix, Zed and Emacs.
        """
    )

    @Flag(help: "Talk over standard input and output (the only transport; accepted because many clients pass it).")
    var stdio = false

    func run() throws {
        let status = LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO).run()
        if status != 0 { throw CommandExit(status: .findings) }
    }
}

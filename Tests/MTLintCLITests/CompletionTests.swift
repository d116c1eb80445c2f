import Testing
@testable import MTLintCLI

/// Shell completions come from the command definitions, so they know the new formats and flags.
@Suite struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptKnowsFormatsAndFlags(shell: String) {
        let console = Console(capturingWithInput: [])
        let status = MTLintCommand.run(["--generate-completion-script", shell], console: console)
        #expect(status == 0)
        for word in ["lint", "fix", "rules", "statistics", "format", "concise", "jsonl", "sarif", "github"] {
            #expect(console.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }
}

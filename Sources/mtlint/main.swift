import MTLintCLI

MTLintCommand.runAsProcess(Array(CommandLine.arguments.dropFirst()))

import CPlatform
import MTLintCLI

// Before any thread starts: the image's zeroed data mapped in one call, not page by page.
mt_prefault_zeroed_data()
MTLintCommand.runAsProcess(Array(CommandLine.arguments.dropFirst()))

import Foundation
import MTLintCLI

exit(MTLintCommand.run(Array(CommandLine.arguments.dropFirst())))

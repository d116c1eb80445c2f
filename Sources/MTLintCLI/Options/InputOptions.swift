import Foundation
import ArgumentParser
import CPlatform
import MTLintCore

enum InputFormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, plain, markdown, html
}

/// How inputs are read.
struct InputOptions: ParsableArguments {
    @Option(help: "Markup of the inputs: auto (by file extension; standard input is plain), plain, markdown or html.")
    var inputFormat: InputFormatChoice = .auto

    @Option(help: "Files processed in parallel (default: all cores).")
    var jobs: Int = Self.allCores

    /// The cores mtlint may use, asked once: ArgumentParser makes these options several
    /// times while it parses. The cores the process may run on, capped by the control group's
    /// CPU quota, counted by a few C calls (`mt_usable_core_count`): Foundation's
    /// `activeProcessorCount` took 0.3 ms of every start, and it ignores an affinity mask
    /// (`taskset -c 0` left it at two cores).
    static let allCores: Int = {
        let counted = Int(mt_usable_core_count())
        return counted >= 1 ? counted : ProcessInfo.processInfo.activeProcessorCount
    }()

    func format(for input: Input) -> DocumentFormat {
        switch inputFormat {
        case .plain: .plain
        case .markdown: .markdown
        case .html: .html
        case .auto:
            if case .file(let path) = input { DocumentFormat(path: path) } else { .plain }
        }
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

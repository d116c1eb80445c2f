import CPlatform
import Foundation
import MTLintCore

/// How inputs are read, as plain values: what `InputOptions` parses, or its defaults.
struct InputSettings: Equatable {
    var inputFormat: InputFormatChoice = .auto
    var jobs: Int = Self.allCores

    /// The cores mtlint may use, asked once: ArgumentParser makes the options several
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
}

/// mtlint's exit codes.
public enum ExitStatus: Int32, Sendable {
    /// Nothing found.
    case clean = 0
    /// Findings (or, for `fix --check`, fixes that would apply).
    case findings = 1
    /// Usage error, unreadable or invalid input, or a rule-file error.
    case error = 2
}

/// Thrown by a command to end with a given status after it has printed what it had to say.
struct CommandExit: Error {
    let status: ExitStatus
}

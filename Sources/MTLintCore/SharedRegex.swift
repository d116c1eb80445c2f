import ICUText
import Synchronization

/// A compiled pattern kept by a rule for all tasks; each task works on its own clone.
public final class SharedRegex: Sendable {
    public let pattern: String
    public let options: RegexOptions
    public let groupCount: Int
    /// Code units one of which every match needs in its segment (nil: no such small set).
    public let requiredUnits: Set<UInt16>?
    private let original: Mutex<Regex>

    /// ICU time-limit steps per match attempt (roughly milliseconds) and stack bytes: a
    /// catastrophic pattern fails that rule instead of hanging the run.
    public static let timeLimitSteps: Int32 = 500
    public static let stackLimitBytes: Int32 = 8 << 20

    public init(_ pattern: String, options: RegexOptions = []) throws(RegexCompileError) {
        let regex = try Regex(pattern, options: options)
        self.pattern = pattern
        self.options = options
        self.groupCount = regex.groupCount
        self.requiredUnits = RequiredCharacters.of(pattern: pattern, caseInsensitive: options.contains(.caseInsensitive))
        self.original = Mutex(regex)
    }

    /// A regex of its own for one task, with the safety limits set.
    public func instance() throws(ICUError) -> Regex {
        let copy = original.withLock { $0.clone() }
        guard let copy else { throw ICUError(status: 7 /* U_MEMORY_ALLOCATION_ERROR */) }
        copy.setLimits(steps: Self.timeLimitSteps, stackBytes: Self.stackLimitBytes)
        return copy
    }
}

extension ConfigNode {
    /// Compiles this scalar as an ICU regex; a compile error points into the pattern.
    public func regex(options: RegexOptions = []) throws(ConfigError) -> SharedRegex {
        let pattern = try string("a regular expression")
        do {
            return try SharedRegex(pattern, options: options)
        } catch {
            var place = contentMark
            if error.line <= 1, error.offset >= 0, !pattern.contains("\n") {
                // ICU's offset counts UTF-16 units; the mark counts scalars.
                let prefix = String(decoding: Array(pattern.utf16).prefix(error.offset), as: UTF16.self)
                place = contentMark.advanced(by: prefix.unicodeScalars.count)
            }
            throw ConfigError("invalid regular expression: \(error.reason)", at: place)
        }
    }
}

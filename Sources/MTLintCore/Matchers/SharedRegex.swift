import ICUText

/// A pattern kept by a rule for all tasks; each task works on its own clone.
///
/// Patterns from users' rule files are compiled when loaded, so a bad one stops mtlint before
/// anything is linted. Patterns of the shipped rules (tested in CI) and generated ones are
/// compiled the first time a task needs them: a rule whose characters never occur in a
/// document costs nothing, and a small file is not dominated by compiling every rule.
public final class SharedRegex: Sendable {
    public let pattern: String
    public let options: RegexOptions
    public let groupCount: Int
    /// What every match needs in its segment (see `RequiredCharacters`), worked out without
    /// enumerating Unicode properties other than the decimal digits: cheap enough for start-up.
    public let requirement: RequiredCharacters.Requirement
    /// The same with the characters of every `\p{…}` known (more pairs to filter by); made on
    /// first request, which a linter makes once it has seen enough text for it to pay.
    public var detailedRequirement: RequiredCharacters.Requirement {
        detailed.withLock { known in
            if let known { return known }
            let made = analyzed ? RequiredCharacters.requirement(of: pattern, caseInsensitive: options.contains(.caseInsensitive),
                                                                 properties: true) : requirement
            known = made
            return made
        }
    }
    private let detailed: Locked<RequiredCharacters.Requirement?>
    private let analyzed: Bool
    private let original: Locked<Regex?>

    /// ICU time-limit steps per match attempt (roughly milliseconds) and stack bytes: a
    /// catastrophic pattern fails that rule instead of hanging the run.
    public static let timeLimitSteps: Int32 = 500
    public static let stackLimitBytes: Int32 = 8 << 20

    /// Compiles now; throws if the pattern is not a valid ICU regex.
    public init(_ pattern: String, options: RegexOptions = []) throws(RegexCompileError) {
        let regex = try Regex(pattern, options: options)
        self.pattern = pattern
        self.options = options
        self.groupCount = regex.groupCount
        self.requirement = RequiredCharacters.requirement(of: pattern, caseInsensitive: options.contains(.caseInsensitive))
        self.original = Locked(regex)
        self.detailed = Locked(nil)
        self.analyzed = true
    }

    /// Compiles on first use, for patterns known to be valid (shipped rules, escaped lists).
    /// If one is not after all, tasks get an ICU error and the rule is reported as failed.
    /// `analyze: false` skips the required-character analysis (for generated patterns that
    /// are found another way, such as phrase lists by their first words).
    /// `requirement`: the analysis's result when it is already known (laid out when mtlint was
    /// built, see `LaidOutValues`).
    public init(trusted pattern: String, options: RegexOptions = [], analyze: Bool = true,
                requirement known: RequiredCharacters.Requirement? = nil) {
        self.pattern = pattern
        self.options = options
        self.groupCount = RegexGroups.count(in: pattern)
        self.requirement = !analyze ? RequiredCharacters.Requirement()
            : known ?? RequiredCharacters.requirement(of: pattern, caseInsensitive: options.contains(.caseInsensitive))
        self.original = Locked(nil)
        self.detailed = Locked(nil)
        self.analyzed = analyze
    }

    /// Whether the pattern has been compiled (at load, or by a task that needed it).
    public var isCompiled: Bool { original.withLock { $0 != nil } }

    /// A regex of its own for one task, with the safety limits set.
    public func instance() throws(ICUError) -> Regex {
        var failure: ICUError?
        let copy: Regex? = original.withLock { compiled in
            if compiled == nil {
                do throws(RegexCompileError) { compiled = try Regex(pattern, options: options) } catch { failure = error.icuError }
            }
            return compiled?.clone()
        }
        if let failure { throw failure }
        guard let copy else { throw ICUError(status: 7 /* U_MEMORY_ALLOCATION_ERROR */) }
        copy.setLimits(steps: Self.timeLimitSteps, stackBytes: Self.stackLimitBytes)
        return copy
    }
}

/// Counts a pattern's capture groups without compiling it: `(` that is not escaped, not in a
/// character class, and not a `(?…)` construct other than a named group.
public enum RegexGroups {
    /// Read on the UTF-8 bytes: the syntax is ASCII, and no byte of a multi-byte character is.
    public static func count(in pattern: String) -> Int {
        var pattern = pattern
        return pattern.withUTF8 { count(inUTF8: $0) }
    }

    private static func count(inUTF8 units: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, i = 0, classDepth = 0
        var quoted = false
        while i < units.count {
            let u = units[i]
            if quoted {
                if u == 0x5C, i + 1 < units.count, units[i + 1] == 0x45 { quoted = false; i += 2 } else { i += 1 }
                continue
            }
            if u == 0x5C {
                if i + 1 < units.count, units[i + 1] == 0x51 { quoted = true }
                i += 2
                continue
            }
            if u == 0x5B {
                classDepth += 1
                // A `]` right after a set's `[` or `[^` is a member, not the set's end.
                if i + 1 < units.count, units[i + 1] == 0x5E { i += 1 }
                if i + 1 < units.count, units[i + 1] == 0x5D { i += 1 }
            } else if u == 0x5D, classDepth > 0 { classDepth -= 1 } else if u == 0x28, classDepth == 0 {
                if i + 1 < units.count, units[i + 1] == 0x3F {
                    // (?<name>…) captures; (?<= and (?<! do not.
                    if i + 3 < units.count, units[i + 2] == 0x3C, units[i + 3] != 0x3D, units[i + 3] != 0x21 { count += 1 }
                } else {
                    count += 1
                }
            }
            i += 1
        }
        return count
    }
}

extension ConfigNode {
    /// Compiles this scalar as an ICU regex; a compile error points into the pattern.
    public func regex(options: RegexOptions = []) throws(ConfigError) -> SharedRegex {
        let pattern = try string("a regular expression")
        if mark.source.isTrusted {
            let known = mark.source.laidOut?.requirement(ofPattern: pattern, caseInsensitive: options.contains(.caseInsensitive))
            return SharedRegex(trusted: pattern, options: options, requirement: known)
        }
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

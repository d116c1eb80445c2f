import CICU

/// Options for compiling an ICU regular expression.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseInsensitive = RegexOptions(rawValue: UInt32(MT_REGEX_CASE_INSENSITIVE))
    public static let comments = RegexOptions(rawValue: UInt32(MT_REGEX_COMMENTS))
    public static let dotAll = RegexOptions(rawValue: UInt32(MT_REGEX_DOTALL))
    public static let multiline = RegexOptions(rawValue: UInt32(MT_REGEX_MULTILINE))
    public static let unicodeWordBoundaries = RegexOptions(rawValue: UInt32(MT_REGEX_UWORD))
}

/// Why a pattern did not compile, and where in the pattern.
public struct RegexCompileError: Error, Sendable, Equatable {
    public let icuError: ICUError
    /// 1-based line within the pattern (ICU reports 0 when it does not know).
    public let line: Int
    /// 0-based offset in UTF-16 units within that line (-1 when unknown).
    public let offset: Int

    /// A short human description of ICU's status name.
    public var reason: String {
        let name = icuError.name
        let known: [String: String] = [
            "U_REGEX_MISMATCHED_PAREN": "mismatched parenthesis",
            "U_REGEX_MISSING_CLOSE_BRACKET": "missing closing ]",
            "U_REGEX_RULE_SYNTAX": "syntax error",
            "U_REGEX_BAD_ESCAPE_SEQUENCE": "unknown escape sequence",
            "U_REGEX_PROPERTY_SYNTAX": "bad \\p{...} property",
            "U_REGEX_BAD_INTERVAL": "bad {n,m} interval",
            "U_REGEX_MAX_LT_MIN": "{n,m} with m < n",
            "U_REGEX_INVALID_BACK_REF": "back-reference to a group that does not exist",
            "U_REGEX_LOOK_BEHIND_LIMIT": "look-behind without a bounded length",
            "U_REGEX_SET_CONTAINS_STRING": "set contains a string",
            "U_REGEX_INVALID_RANGE": "invalid character range",
            "U_REGEX_INVALID_FLAG": "invalid flag",
            "U_REGEX_MISSING_CLOSE_BRACKET ": "missing closing ]",
        ]
        return known[name].map { "\($0) (\(name))" } ?? name
    }
}

/// A match: the UTF-16 ranges of group 0 and each capture group (nil if it did not take part).
public struct RegexMatch: Sendable, Equatable {
    public var groups: [Range<Int>?]
    public var range: Range<Int> { groups[0] ?? 0..<0 }
}

/// A compiled ICU regular expression with its own matching state. Not thread-safe: use
/// `clone()` to get one per task (clones share the compiled pattern).
public final class Regex {
    private let handle: OpaquePointer
    public let groupCount: Int
    private var groupBuffer: [Int32]

    /// Compiles `pattern`. The general categories ICU is slowest to build are compiled in a
    /// cheaper spelling of the same code points (`GeneralCategorySpelling`); errors are
    /// reported against the pattern as written.
    public convenience init(_ pattern: String, options: RegexOptions = []) throws(RegexCompileError) {
        let units = Array(pattern.utf16)
        if let respelled = GeneralCategorySpelling.respelled(units, caseInsensitive: options.contains(.caseInsensitive),
                                                                  comments: options.contains(.comments)),
           let opened = try? Self.open(respelled, options: options) {
            self.init(handle: opened)
        } else {
            self.init(handle: try Self.open(units, options: options))
        }
    }

    /// Compiles `pattern` exactly as written (tests compare it with the respelled pattern).
    convenience init(asWritten pattern: String, options: RegexOptions = []) throws(RegexCompileError) {
        self.init(handle: try Self.open(Array(pattern.utf16), options: options))
    }

    private static func open(_ units: [UInt16], options: RegexOptions) throws(RegexCompileError) -> OpaquePointer {
        var line: Int32 = 0
        var offset: Int32 = 0
        var status: Int32 = 0
        let opened = units.withUnsafeBufferPointer {
            mt_regex_open($0.baseAddress, Int32($0.count), options.rawValue, &line, &offset, &status)
        }
        guard status <= 0, let opened else {
            throw RegexCompileError(icuError: ICUError(status: max(status, 1)), line: Int(line), offset: Int(offset))
        }
        return opened
    }

    /// A compiled pattern's regex; `groupCount` when known (a clone has its original's).
    private init(handle: OpaquePointer, groupCount: Int? = nil) {
        self.handle = handle
        var status: Int32 = 0
        let groups = groupCount ?? Int(mt_regex_group_count(handle, &status))
        self.groupCount = groups
        groupBuffer = [Int32](repeating: -1, count: 2 * (groups + 1))
    }

    deinit { mt_regex_close(handle) }

    public func clone() -> Regex? {
        var status: Int32 = 0
        guard let copy = mt_regex_clone(handle, &status), status <= 0 else { return nil }
        return Regex(handle: copy, groupCount: groupCount)
    }

    /// Bounds each match attempt: `steps` in ICU's time-limit units (0 = no limit) and the
    /// backtracking stack in bytes.
    public func setLimits(steps: Int32, stackBytes: Int32) {
        var status: Int32 = 0
        mt_regex_set_limits(handle, steps, stackBytes, &status)
        limits = (steps, stackBytes)
        currentSteps = steps
    }

    /// The limits set, if any, and the step limit now in force.
    private var limits: (steps: Int32, stackBytes: Int32)?
    private var currentSteps: Int32 = 0

    /// ICU counts time-limit steps over a whole search, including the scan of text that does
    /// not match; a long region (a 27 MB line) gets more steps in proportion, so only a pattern
    /// that backtracks catastrophically runs out.
    private func scaleLimit(to length: Int) {
        guard let limits, limits.steps > 0 else { return }
        let steps = Int32(clamping: Int(limits.steps) + length / 1_000)
        guard steps != currentSteps else { return }
        var status: Int32 = 0
        mt_regex_set_limits(handle, steps, limits.stackBytes, &status)
        currentSteps = steps
    }

    /// Points the regex at `text`. The text must outlive the searches.
    public func reset(_ text: UTF16Text) throws(ICUError) {
        var status: Int32 = 0
        mt_regex_set_text(handle, text.units.baseAddress, Int32(text.count), &status)
        try ICUError.check(status)
    }

    /// Restricts the search to `range` of the current text, with `^`/`$` anchored at its edges.
    public func setRegion(_ range: Range<Int>) throws(ICUError) {
        scaleLimit(to: range.count)
        var status: Int32 = 0
        mt_regex_set_region(handle, Int32(range.lowerBound), Int32(range.upperBound), &status)
        try ICUError.check(status)
    }

    /// The next match in the current region, or nil at the end. Throws on a time-out or
    /// stack overflow (hostile patterns).
    public func next() throws(ICUError) -> RegexMatch? {
        var status: Int32 = 0
        let found = groupBuffer.withUnsafeMutableBufferPointer {
            mt_regex_find_next(handle, $0.baseAddress, Int32($0.count), &status)
        }
        try ICUError.check(status)
        guard found else { return nil }
        return currentMatch()
    }

    /// A match starting exactly at the start of `range` of the current text, or nil.
    public func lookingAt(_ range: Range<Int>) throws(ICUError) -> RegexMatch? {
        try anchored(range, using: mt_regex_looking_at)
    }

    /// A match covering all of `range` of the current text, or nil.
    public func matchesWhole(_ range: Range<Int>) throws(ICUError) -> RegexMatch? {
        try anchored(range, using: mt_regex_matches_whole)
    }

    private typealias AnchoredMatch = (OpaquePointer?, Int32, Int32, UnsafeMutablePointer<Int32>?, Int32, UnsafeMutablePointer<Int32>?) -> Bool

    private func anchored(_ range: Range<Int>, using match: AnchoredMatch) throws(ICUError) -> RegexMatch? {
        var status: Int32 = 0
        let found = groupBuffer.withUnsafeMutableBufferPointer {
            match(handle, Int32(range.lowerBound), Int32(range.upperBound), $0.baseAddress, Int32($0.count), &status)
        }
        try ICUError.check(status)
        guard found else { return nil }
        return currentMatch()
    }

    private func currentMatch() -> RegexMatch {
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(groupCount + 1)
        for group in 0...groupCount {
            let start = Int(groupBuffer[2 * group]), end = Int(groupBuffer[2 * group + 1])
            groups.append(start >= 0 && end >= start ? start..<end : nil)
        }
        return RegexMatch(groups: groups)
    }

    /// All matches in `range` of `text`.
    public func matches(in text: UTF16Text, range: Range<Int>? = nil) throws(ICUError) -> [RegexMatch] {
        try reset(text)
        try setRegion(range ?? 0..<text.count)
        var result: [RegexMatch] = []
        while let match = try next() { result.append(match) }
        return result
    }
}

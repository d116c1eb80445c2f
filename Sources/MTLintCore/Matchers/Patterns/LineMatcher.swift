import ICUText

/// `match: { line: ['Exact line', { pattern: 'regex' }, ...], case-sensitive: false, max-length: 300 }`
///
/// Matches whole lines: after trimming white space, a line equal to one of the strings, or
/// entirely matched by one of the patterns. The finding covers the trimmed line; the natural
/// fix is `delete: line`. Patterns are tried only on lines of at most `max-length` UTF-16
/// units (page furniture is short; an article paragraph never is).
public struct LineMatcherKind: MatcherKind {
    public static let key = "line"
    public static let optionKeys = ["case-sensitive", "max-length", "requires"]
    public static let defaultMaxLength = 300

    public let exact: Set<String>
    public let maxLength: Int
    /// Literals every line matched by a pattern contains (exact lines are always checked).
    public let requiredLiterals: RequiredLiterals?
    public let patterns: [SharedRegex]
    public let caseSensitive: Bool
    let longestExact: Int
    /// Hashes of the exact lines (see `lineHash`), so most lines are ruled out without
    /// building a string.
    let exactHashes: Set<UInt64>

    public init(exact: [String], patterns: [SharedRegex], caseSensitive: Bool, maxLength: Int = LineMatcherKind.defaultMaxLength,
                requires: RequiredLiterals? = nil) {
        self.maxLength = maxLength
        self.requiredLiterals = requires
        self.patterns = patterns
        self.caseSensitive = caseSensitive
        longestExact = exact.map(\.utf16.count).max() ?? 0
        var keys = Set<String>(minimumCapacity: exact.count)
        var hashes = Set<UInt64>(minimumCapacity: exact.count)
        for line in exact {
            let trimmed = line.trimmedWhitespace
            keys.insert(caseSensitive ? trimmed : Self.foldCase(trimmed))
            hashes.insert(Self.lineHash(trimmed.utf16, caseSensitive: caseSensitive))
        }
        self.exact = keys
        exactHashes = hashes
    }

    /// Lower case unit by unit, the same way `lineHash` folds (A–Z byte by byte in ASCII text).
    static func foldCase(_ text: String) -> String {
        guard text.isASCII else { return foldCaseByUnit(text) }
        return String(decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// `foldCase` for any text, UTF-16 unit by unit.
    static func foldCaseByUnit(_ text: String) -> String { String(decoding: text.utf16.map(WordHash.lower), as: UTF16.self) }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let caseSensitive = try mapping["case-sensitive"]?.bool() ?? false
        let node = try mapping.required(key)
        var exact: [String] = []
        var patterns: [SharedRegex] = []
        for item in try node.list() {
            if case .mapping = item.value {
                let entry = try item.mapping(allowed: ["pattern"])
                patterns.append(try entry.required("pattern").regex(options: caseSensitive ? [] : [.caseInsensitive]))
            } else {
                let line = try item.string("a line")
                guard line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    throw ConfigError("line: an empty line would match every blank line", at: item.mark)
                }
                exact.append(line)
            }
        }
        guard !exact.isEmpty || !patterns.isEmpty else { throw ConfigError("line: the list is empty", at: node.mark) }
        let maxLength = try mapping["max-length"]?.int(in: 1...100_000) ?? defaultMaxLength
        return Self(exact: exact, patterns: patterns, caseSensitive: caseSensitive, maxLength: maxLength,
                    requires: try RequiredLiterals.decode(mapping["requires"]))
    }

    /// FNV-1a over the units (lower-cased unit by unit unless case-sensitive).
    static func lineHash(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, caseSensitive: Bool) -> UInt64 {
        lineHash(units[range], caseSensitive: caseSensitive)
    }

    /// `lineHash` of a sequence of units.
    static func lineHash(_ units: some Sequence<UInt16>, caseSensitive: Bool) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for unit in units {
            let u = caseSensitive ? unit : WordHash.lower(unit)
            hash = (hash ^ UInt64(u)) &* 0x100000001b3
        }
        return hash
    }

    public var scopes: [Scope] { [.line] }
    public var longestHashedLine: Int { longestExact }
    public var valueNames: [String] { ["line"] }
    public var filteredRegexes: [SharedRegex] { patterns }

    public func makeMatcher() throws(ICUError) -> any Matcher { LineMatcher(kind: self) }
}

final class LineMatcher: Matcher {
    let kind: LineMatcherKind
    /// This task's regexes, made on first use and pointed at the current document.
    private var regexes: [ICUText.Regex?]
    private var pointedAt: [Bool]

    init(kind: LineMatcherKind) {
        self.kind = kind
        regexes = Array(repeating: nil, count: kind.patterns.count)
        pointedAt = Array(repeating: false, count: kind.patterns.count)
    }

    private func regex(_ index: Int, for document: Document) throws(ICUError) -> ICUText.Regex {
        let regex: ICUText.Regex
        if let made = regexes[index] { regex = made } else {
            regex = try kind.patterns[index].instance()
            regexes[index] = regex
        }
        if !pointedAt[index] {
            try regex.reset(document.text)
            pointedAt[index] = true
        }
        return regex
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        pointedAt = Array(repeating: false, count: kind.patterns.count)
        let literalLines = kind.requiredLiterals.map { context.scan.lines(containing: $0) }
        let hashes = kind.exactHashes.isEmpty ? [] : context.scan.trimmedLineHashes(caseSensitive: kind.caseSensitive)
        for (lineIndex, line) in document.lines.enumerated() {
            let trimmed = document.trimmed(line.content)
            guard !trimmed.isEmpty else { continue }
            if trimmed.count <= kind.longestExact, kind.exactHashes.contains(hashes[lineIndex]) {
                let text = document.string(trimmed)
                if kind.exact.contains(kind.caseSensitive ? text : LineMatcherKind.foldCase(text)) {
                    emit(Match(range: trimmed, values: ["line": text]))
                    continue
                }
            }
            guard trimmed.count <= kind.maxLength, literalLines?[lineIndex] ?? true else { continue }
            for patternIndex in kind.patterns.indices where context.scan.lineMayMatch(lineIndex, kind.patterns[patternIndex]) {
                if let match = try regex(patternIndex, for: document).matchesWhole(trimmed) {
                    emit(Match(range: trimmed, captures: match.groups, values: ["line": document.string(trimmed)]))
                    break
                }
            }
        }
    }
}

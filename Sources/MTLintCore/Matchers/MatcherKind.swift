import ICUText
import WordTables

/// What every matcher kind needs from outside the text: the target locale's conventions
/// and the source languages being checked.
public struct LintContext: Sendable {
    /// ICU locale for sentence breaks.
    public var sentenceLocale: String
    /// The marks the target language uses.
    public var targetQuotes: LocaleQuotes
    /// Source languages whose leftovers to look for (ISO 639-1); empty means all.
    public var sourceLanguages: Set<String>
    /// Whether `<!-- mtlint-disable… -->` comments that silence nothing are reported.
    public var reportUnusedSuppressions = true

    public init(sentenceLocale: String = "en_US@ss=standard",
                targetQuotes: LocaleQuotes = LocaleQuotes(open: "“", close: "”", innerOpen: "‘", innerClose: "’"),
                sourceLanguages: Set<String> = []) {
        self.sentenceLocale = sentenceLocale
        self.targetQuotes = targetQuotes
        self.sourceLanguages = sourceLanguages
    }
}

/// A kind of matcher (`pattern`, `phrases`, `line`, ...), decoded from a rule file's `match:`
/// mapping and shared by all tasks. It makes one `Matcher` per task.
public protocol MatcherKind: Sendable {
    /// The key under `match:` that selects this kind.
    static var key: String { get }
    /// Further keys this kind accepts under `match:`.
    static var optionKeys: [String] { get }
    /// Decodes the kind from `match:`; the kind's own key is in `mapping`.
    static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self

    /// Segments the matcher reads itself (beyond the rule's scope).
    var needs: SegmentNeeds { get }
    /// How many capture groups `$n` may refer to.
    var captureCount: Int { get }
    /// Named values `${name}` may refer to.
    var valueNames: [String] { get }
    /// Whether matches come with edits of their own (so `fix:` needs no `replace`).
    var proposesEdits: Bool { get }
    /// Scopes the kind works in; the first is the default.
    var scopes: [Scope] { get }
    /// How many lines above and below a line the kind looks at (0: none); a large file's parts
    /// carry that many lines of context.
    var neighbourLines: Int { get }
    /// Regexes the linter should build character filters for (see `RequiredCharacters`).
    var filteredRegexes: [SharedRegex] { get }
    /// Hashes of the first words of listed phrases (see `WordHash`), for the shared word scan.
    var firstWordHashes: Set<UInt64> { get }
    /// Literals the rule author says every match's segment contains (`requires:`).
    var requiredLiterals: RequiredLiterals? { get }
    /// For first words that only start longer phrases: the words that may follow them.
    var secondWordHashes: [UInt64: Set<UInt64>] { get }
    /// The longest trimmed line (UTF-16 units) the kind compares whole by hash (see
    /// `DocumentScan.trimmedLineHashes`); 0 for kinds that compare none.
    var longestHashedLine: Int { get }
    /// The longest trimmed line (UTF-16 units) the kind compares by its folded words (see
    /// `DocumentScan.foldedLineHashes`); 0 for kinds that compare none.
    var longestFoldedLine: Int { get }
    /// Whether the kind reads how many documents of the run hold a line (`CorpusCensus`).
    var usesCorpusCensus: Bool { get }
    /// How the kind decides, in words, for `rules explain` (nil: the rule's text says it all).
    var explanation: String? { get }

    func makeMatcher() throws(ICUError) -> any Matcher

    /// Makes the analyses the kind's matchers share through `DocumentScan.shared` (before
    /// threads share a document, so they only read it).
    func prepareShared(_ document: Document, context: MatchContext)
}

extension MatcherKind {
    public static var optionKeys: [String] { [] }
    public var needs: SegmentNeeds { [] }
    public var captureCount: Int { 0 }
    public var valueNames: [String] { [] }
    public var proposesEdits: Bool { false }
    public var scopes: [Scope] { Scope.allCases }
    public var neighbourLines: Int { 0 }
    public var filteredRegexes: [SharedRegex] { [] }
    public var firstWordHashes: Set<UInt64> { [] }
    public var requiredLiterals: RequiredLiterals? { nil }
    public var secondWordHashes: [UInt64: Set<UInt64>] { [:] }
    public var longestHashedLine: Int { 0 }
    public var longestFoldedLine: Int { 0 }
    public var usesCorpusCensus: Bool { false }
    public var explanation: String? { nil }
    public func prepareShared(_ document: Document, context: MatchContext) {}
}

/// Finds matches in the segments of one document. One per task: it may hold ICU state.
public protocol Matcher: AnyObject {
    func run(on document: Document, segments: [Range<Int>], context: MatchContext,
             emit: (Match) -> Void) throws(ICUError)
}

/// What a matcher gets besides the text.
public struct MatchContext {
    public let lint: LintContext
    public let segmenter: Segmenter
    /// Cheap facts about the document (which lines hold which rare characters, where listed
    /// words start) for skipping text that cannot match.
    public let scan: DocumentScan
    /// The whole file's quotation-mark counts when the document is one part of a large file
    /// (nil: the document is the whole file).
    public var quoteCensus: QuoteCensus?
    /// How many documents of the run hold each short line, when the run lints several.
    public var corpus: CorpusCensus?

    /// The segments that may hold a match of `regex`: those containing one of its required
    /// characters (all of them when it has none).
    public func candidates(_ segments: [Range<Int>], for regex: SharedRegex) -> [Range<Int>] {
        scan.candidates(segments, for: regex)
    }

    /// The segments holding one of `literals` (all of them when there are none).
    public func candidates(_ segments: [Range<Int>], containing literals: RequiredLiterals?) -> [Range<Int>] {
        guard let literals else { return segments }
        let flags = scan.lines(containing: literals)
        return scan.filter(segments) { lines, _ in lines.contains { flags[$0] } }
    }
}



/// Reads files that a rule file refers to (word lists), relative to the rule file.
public protocol RuleFileResolver: Sendable {
    /// The lines of `name`, or nil when it does not exist.
    func lines(of name: String) -> [String]?
    /// The word list `name` (a `.words` file) as a lookup table, or nil when it does not
    /// exist (see `RuleFileResolver+WordTable.swift` for the default).
    func wordTable(of name: String) -> WordTable?
    /// What `make` derives from the lines of `name` (nil when the file does not exist). A
    /// resolver may make it once and share it among the rule files it serves (see
    /// `DerivedFileValues`); `purpose` tells apart values derived differently from one file.
    func derived<Value: Sendable>(from name: String, purpose: String,
                                  _ make: ([String]) throws(ConfigError) -> Value) throws(ConfigError) -> Value?
}

/// A resolver for rules that refer to no files.
public struct NoRuleFiles: RuleFileResolver {
    public init() {}
    public func lines(of name: String) -> [String]? { nil }
}

import ICUText

/// `match: { pattern: '<ICU regex>', case-sensitive: true, report: 0, requires: [words or characters] }`
///
/// Finds every match of an ICU regular expression inside each segment of the rule's scope
/// (`^` and `$` match at the segment's edges). `report` narrows the finding to a capture
/// group, so a finding points at the artifact rather than at the context the pattern needed.
public struct PatternMatcherKind: MatcherKind {
    public static let key = "pattern"
    public static let optionKeys = ["case-sensitive", "report", "requires"]

    public let regex: SharedRegex
    public let reportGroup: Int
    public let requiredLiterals: RequiredLiterals?

    public init(regex: SharedRegex, reportGroup: Int = 0, requires: RequiredLiterals? = nil) {
        self.regex = regex
        self.reportGroup = reportGroup
        self.requiredLiterals = requires
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let caseSensitive = try mapping["case-sensitive"]?.bool() ?? true
        let regex = try mapping.required(key).regex(options: caseSensitive ? [] : [.caseInsensitive])
        var report = 0
        if let node = mapping["report"] {
            report = try node.int(in: 0...99)
            guard report <= regex.groupCount else {
                throw ConfigError("report: group \(report) does not exist; the pattern has \(regex.groupCount) capture group(s)", at: node.mark)
            }
        }
        return Self(regex: regex, reportGroup: report, requires: try RequiredLiterals.decode(mapping["requires"]))
    }

    public var captureCount: Int { regex.groupCount }
    public var filteredRegexes: [SharedRegex] { [regex] }

    public func makeMatcher() throws(ICUError) -> any Matcher {
        PatternMatcher(shared: regex, reportGroup: reportGroup, requires: requiredLiterals)
    }
}

final class PatternMatcher: Matcher {
    let shared: SharedRegex
    /// This task's regex, made when a document first has a segment it may match.
    private var task: ICUText.Regex?
    let reportGroup: Int
    let requires: RequiredLiterals?

    init(shared: SharedRegex, reportGroup: Int, requires: RequiredLiterals?) {
        self.shared = shared
        self.reportGroup = reportGroup
        self.requires = requires
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let candidates = context.candidates(context.candidates(segments, containing: requires), for: shared)
        guard !candidates.isEmpty else { return }
        let regex: ICUText.Regex
        if let made = task { regex = made } else {
            regex = try shared.instance()
            task = regex
        }
        try regex.reset(document.text)
        for segment in candidates {
            try regex.setRegion(segment)
            while let match = try regex.next() {
                let whole = match.range
                let reported = reportGroup < match.groups.count ? match.groups[reportGroup] ?? whole : whole
                emit(Match(range: whole, reported: reported, captures: match.groups))
            }
        }
    }
}

import ICUText

/// The result of linting one document.
public struct LintResult: Sendable {
    /// Sorted by position, then rule id.
    public var findings: [Finding]
    public var failures: [RuleFailure]

    public init(findings: [Finding], failures: [RuleFailure]) {
        self.findings = findings
        self.failures = failures
    }
}

/// Runs a set of rules over documents. Holds per-task ICU state (regex clones, break
/// iterators), so make one per task; the rules themselves are shared.
public final class Linter {
    public let rules: [Rule]
    /// The rules again, each behind a reference that runs it (see `SharedRule`).
    private let sharedRules: [SharedRule]
    public let context: LintContext
    public let segmenter: Segmenter
    private let matchers: [any Matcher]
    /// Each rule's `unless` regexes for this task, made when the rule first has a match.
    private var vetoes: [[ICUText.Regex]?]
    /// Line filters from the rules' regexes: the start-up analysis at first, the detailed one
    /// (see `SharedRegex.detailedRequirement`) once this linter has seen `detailedFilterAfter`
    /// UTF-16 units, when the better filters pay for working them out.
    private var prefilter: CharacterPrefilter
    private var unitsLinted = 0
    public var detailedFilterAfter = 1 << 17
    /// The longest line any whole-line rule compares by hash.
    private let longestHashedLine: Int
    /// The longest line any furniture-label rule compares by its folded words.
    private let longestFoldedLine: Int
    /// The words the shared scan looks for (first words of phrase lists, `requires:` words).
    private let scanWords: WordScanWords
    /// Threads that share the rules of one large document, or of the linter's first document
    /// (1: this task only). A file alone on the command line uses every core this way.
    public var ruleParallelism = 1
    /// Documents smaller than this (UTF-16 units) are linted by one thread, once the linter
    /// has linted one document.
    public static let parallelThreshold = 1 << 18
    /// Whether this linter has linted a document. Before the first, most of its rules'
    /// regexes have yet to compile (see `SharedRegex`), which takes longer than matching a
    /// small text: threads sharing the rules then share the compiling.
    private var hasLinted = false
    /// Linters for the other threads, made when first needed.
    private var helpers: [Linter] = []
    /// When true, `ruleTimes` adds up the time each rule takes on this linter's thread
    /// (the benchmark's per-rule attribution inside a whole run).
    public var measuresRuleTimes = false
    /// Time spent in each rule (by index into `rules`) while `measuresRuleTimes` was on.
    public private(set) var ruleTimes: [Duration] = []
    /// Time spent computing each thing rules share (segments, scans) while `measuresRuleTimes` was on.
    public private(set) var sharedTimes: [String: Duration] = [:]
    /// How many documents of the current batch of a run hold each short line (set by the
    /// caller for each batch of inputs; nil when the run lints one document).
    public var corpusCensus: CorpusCensus?

    public init(rules: [Rule], context: LintContext = LintContext()) throws(ICUError) {
        self.rules = rules
        self.context = context
        self.segmenter = Segmenter(sentenceLocale: context.sentenceLocale)
        // The two halves of the set-up share nothing: with many rules (the shipped set), the word
        // scan's tables are built on a spare core while this thread makes the matchers and filters.
        let halves = WorkQueue.mapOnSpareCores(rules.count >= Self.parallelSetUpRules ? 2 : 1, states: [(), ()]) { _, half in
            half == 0 ? SetUpHalf.scan(Self.scanWords(for: rules)) : SetUpHalf.matchers(Result { () throws(ICUError) in try Self.ruleState(for: rules) })
        }
        var scanWords: WordScanWords?
        var ruleState: RuleState?
        for half in halves {
            switch half {
            case .scan(let words): scanWords = words
            case .matchers(let made): ruleState = try made.get()
            }
        }
        let state: RuleState
        if let ruleState { state = ruleState } else { state = try Self.ruleState(for: rules) }
        sharedRules = state.sharedRules
        matchers = state.matchers
        vetoes = Array(repeating: nil, count: rules.count)
        prefilter = state.prefilter
        self.scanWords = scanWords ?? Self.scanWords(for: rules)
        longestHashedLine = rules.map(\.matcher.longestHashedLine).max() ?? 0
        longestFoldedLine = rules.map(\.matcher.longestFoldedLine).max() ?? 0
    }

    /// From this many rules on, `init` builds the word scan's tables on a spare core (the
    /// shipped set has 74 rules; a thread costs more than a handful of rules' tables).
    static let parallelSetUpRules = 24

    /// One half of a linter's set-up (see `init`).
    private enum SetUpHalf {
        case scan(WordScanWords)
        case matchers(Result<RuleState, ICUError>)
    }

    /// What a linter makes per rule at set-up, besides the word scan.
    private struct RuleState {
        var sharedRules: [SharedRule]
        var matchers: [any Matcher]
        var prefilter: CharacterPrefilter
    }

    private static func ruleState(for rules: [Rule]) throws(ICUError) -> RuleState {
        var matchers: [any Matcher] = []
        matchers.reserveCapacity(rules.count)
        for rule in rules { matchers.append(try rule.matcher.makeMatcher()) }
        return RuleState(sharedRules: rules.map(SharedRule.init), matchers: matchers, prefilter: prefilter(for: rules, detailed: false))
    }

    /// The words the shared scan looks for, from every rule's first words and required words.
    /// Each rule's sets are read once (a slot-phrase rule makes its set of anchors on each read).
    private static func scanWords(for rules: [Rule]) -> WordScanWords {
        // Sized once for the words rules usually list (the shipped set: 74 rules, 1,204 words),
        // rather than grown and rehashed as each rule's words are added.
        var wanted = Set<UInt64>(minimumCapacity: 32 * rules.count)
        // A first word needs a follower only if every rule that registers it says so.
        var followers: [UInt64: Set<UInt64>] = [:]
        var free = Set<UInt64>(minimumCapacity: 32 * rules.count)
        for rule in rules {
            let kind = rule.matcher
            if let required = kind.requiredLiterals?.words, !required.isEmpty {
                wanted.formUnion(required)
                free.formUnion(required)
            }
            let firstWords = kind.firstWordHashes
            guard !firstWords.isEmpty else { continue }
            wanted.formUnion(firstWords)
            let secondWords = kind.secondWordHashes
            if secondWords.isEmpty {
                free.formUnion(firstWords)
                continue
            }
            for word in firstWords {
                if let next = secondWords[word] { followers[word, default: []].formUnion(next) } else { free.insert(word) }
            }
        }
        // The scan keeps these first words only when one of their listed followers comes next.
        return WordScanWords(wanted: wanted, followers: followers.filter { !free.contains($0.key) })
    }

    /// This linter and the helpers for the other threads its `ruleParallelism` allows (the same
    /// helpers that share its rules), for work that runs parts of one file side by side. A copy
    /// that fails just means fewer threads.
    public func withThreadCopies() -> [Linter] {
        _ = prepareHelpers(ruleParallelism - 1)
        return [self] + helpers.prefix(max(0, ruleParallelism - 1))
    }

    /// A linter with the same rules and context, for another task: matchers and break
    /// iterators of its own, the read-only filters shared.
    public func copy() throws(ICUError) -> Linter { try Linter(copying: self) }

    private init(copying original: Linter) throws(ICUError) {
        rules = original.rules
        sharedRules = original.sharedRules
        context = original.context
        segmenter = Segmenter(sentenceLocale: context.sentenceLocale)
        var matchers: [any Matcher] = []
        for rule in rules { matchers.append(try rule.matcher.makeMatcher()) }
        self.matchers = matchers
        vetoes = Array(repeating: nil, count: rules.count)
        prefilter = original.prefilter
        unitsLinted = original.unitsLinted
        detailedFilterAfter = original.detailedFilterAfter
        scanWords = original.scanWords
        longestHashedLine = original.longestHashedLine
        longestFoldedLine = original.longestFoldedLine
    }

    /// Lines of context each part of a large file needs on either side: as many as any rule
    /// looks away from a line, and at least two (a fix that deletes a line takes the blank line
    /// next to it).
    public var partContextLines: Int { max(2, rules.map(\.matcher.neighbourLines).max() ?? 0) }

    /// Whether a rule counts lines across the documents of a run (see `CorpusCensus`).
    public var usesCorpusCensus: Bool { rules.contains { $0.matcher.usesCorpusCensus } }

    /// Whether a rule decides by document-wide quotation-mark counts (see `QuoteCensus`).
    public var needsQuoteCensus: Bool { rules.contains { $0.matcher is QuoteModelMatcherKind } }

    /// Lints `document`. `quoteCensus`: the whole file's counts when `document` is one part of it.
    /// `shareRules: false` keeps the work on this thread (the caller runs parts side by side).
    public func lint(_ document: Document, quoteCensus: QuoteCensus? = nil, shareRules: Bool = true) -> LintResult {
        unitsLinted += document.text.count
        if !prefilter.isDetailed, unitsLinted >= detailedFilterAfter { prefilter = Self.prefilter(for: rules, detailed: true) }
        let scan = DocumentScan(document: document, prefilter: prefilter, words: scanWords, longestHashedLine: longestHashedLine,
                                longestFoldedLine: longestFoldedLine)
        var findings: [Finding] = []
        var failures: [RuleFailure] = []
        let threads = shareRules ? min(ruleParallelism, rules.count) : 1
        let isFirstDocument = !hasLinted
        hasLinted = true
        let corpus = corpusCensus
        if threads > 1, isFirstDocument || document.text.count >= Self.parallelThreshold, prepareHelpers(threads - 1) {
            // Compute every shared structure first, so the threads only read the document.
            prepare(document, scan: scan)
            let matchContext = MatchContext(lint: context, segmenter: segmenter, scan: scan, quoteCensus: quoteCensus)
            for rule in rules { rule.matcher.prepareShared(document, context: matchContext) }
            // Each thread uses its own linter's matchers on the rules it takes.
            // A first document is small more often than not: its helpers start on spare cores.
            let states = [self] + helpers.prefix(threads - 1)
            let work = { (linter: Linter, index: Int) in
                linter.run([index], on: document, scan: scan, quoteCensus: quoteCensus, corpus: corpus)
            }
            let results = isFirstDocument ? WorkQueue.mapOnSpareCores(rules.count, states: states, work)
                : WorkQueue.map(rules.count, states: states, work)
            for result in results {
                findings += result.findings
                failures += result.failures
            }
            failures.sort { $0.ruleID < $1.ruleID }
        } else {
            if measuresRuleTimes { prepare(document, scan: scan) }
            (findings, failures) = run(Array(rules.indices), on: document, scan: scan, quoteCensus: quoteCensus, corpus: corpus)
        }
        if !document.maskedRanges.isEmpty { findings = Self.respectMasks(findings, in: document) }
        if !document.suppressions.isEmpty {
            findings = SuppressionFilter(document: document, rules: rules).apply(findings, reportUnused: context.reportUnusedSuppressions)
        }
        findings.sort { ($0.range.lowerBound, $0.range.upperBound, $0.ruleID) < ($1.range.lowerBound, $1.range.upperBound, $1.ruleID) }
        return LintResult(findings: findings, failures: failures)
    }

    /// Makes `count` helper linters; false if ICU could not provide them (then one thread runs).
    private func prepareHelpers(_ count: Int) -> Bool {
        while helpers.count < count {
            guard let helper = try? copy() else { return false }
            helpers.append(helper)
        }
        return true
    }

    /// Everything rules might compute lazily, computed now (before threads share it).
    /// Two halves run side by side: ICU segmentation, and the shared scans (each half writes
    /// caches of its own).
    private func prepare(_ document: Document, scan: DocumentScan) {
        var needs = SegmentNeeds()
        for rule in rules { needs.formUnion(Self.segmentsWholly(rule) ? rule.needs : rule.matcher.needs) }
        // Literals of rules that get only some lines' sentences: those without words are read
        // from the masks alone and go with the ICU half; the others need the word scan first.
        let restrictedLiterals = rules.filter { !Self.segmentsWholly($0) }.compactMap(\.matcher.requiredLiterals)
        typealias Step = (name: String, run: () -> Void)
        let halves: [[Step]] = [[
            ("ICU sentences", { if needs.contains(.sentences) { _ = document.sentences(using: self.segmenter) } }),
            ("ICU words", { if needs.contains(.words) { _ = document.words(using: self.segmenter) } }),
            ("ICU sentences of some lines", {
                for literals in restrictedLiterals where literals.words.isEmpty { _ = scan.sentences(containing: literals, using: self.segmenter) }
            }),
        ], [
            ("lines and paragraphs", { _ = document.lineContents; _ = document.paragraphs }),
            ("word scan", { _ = scan.wordHits }),
            ("line hashes", { _ = scan.trimmedLineHashes(caseSensitive: true); _ = scan.trimmedLineHashes(caseSensitive: false) }),
            ("folded line hashes", { if self.longestFoldedLine > 0 { _ = scan.foldedLineHashes } }),
            ("lines with required literals", {
                for rule in self.rules { if let literals = rule.matcher.requiredLiterals { _ = scan.lines(containing: literals) } }
            }),
        ]]
        let restricted: Step = ("ICU sentences of some lines", {
            for literals in restrictedLiterals where !literals.words.isEmpty { _ = scan.sentences(containing: literals, using: self.segmenter) }
        })
        if measuresRuleTimes {
            // One after the other, so each time is this thread's alone.
            let clock = ContinuousClock()
            for step in halves.joined() + [restricted] {
                let started = clock.now
                step.run()
                sharedTimes[step.name, default: .zero] += clock.now - started
            }
        } else {
            // Run on the parallel path only (a first document, or a large one): a thread start is
            // nothing beside the work, and a first document's helper then starts on a spare core.
            _ = WorkQueue.mapOnSpareCores(2, states: [(), ()]) { _, half in halves[half].forEach { $0.run() } }
            restricted.run()
        }
    }

    /// The line filters of `rules`' regexes and required literals.
    private static func prefilter(for rules: [Rule], detailed: Bool) -> CharacterPrefilter {
        CharacterPrefilter(regexes: rules.flatMap(\.matcher.filteredRegexes), literals: rules.compactMap(\.matcher.requiredLiterals),
                           detailed: detailed)
    }

    /// Whether the rule needs its scope's segments everywhere. A sentence-scope rule that
    /// requires literals gets only the sentences of lines holding them (see
    /// `DocumentScan.sentences(containing:using:)`): ICU never runs on the other lines.
    static func segmentsWholly(_ rule: Rule) -> Bool {
        !(rule.scope == .sentence && rule.matcher.requiredLiterals != nil)
    }

    /// The segments `rule` is run on.
    private func segments(for rule: Rule, in document: Document, scan: DocumentScan) -> [Range<Int>] {
        if !Self.segmentsWholly(rule), let literals = rule.matcher.requiredLiterals {
            return scan.sentences(containing: literals, using: segmenter)
        }
        return document.segments(rule.scope, using: segmenter)
    }

    /// Runs the rules at `indices` with this linter's matchers.
    private func run(_ indices: [Int], on document: Document, scan: DocumentScan,
                     quoteCensus: QuoteCensus?, corpus: CorpusCensus?) -> (findings: [Finding], failures: [RuleFailure]) {
        var findings: [Finding] = []
        var failures: [RuleFailure] = []
        let matchContext = MatchContext(lint: context, segmenter: segmenter, scan: scan, quoteCensus: quoteCensus, corpus: corpus)
        let clock = ContinuousClock()
        if measuresRuleTimes, ruleTimes.count != rules.count { ruleTimes = Array(repeating: .zero, count: rules.count) }
        for index in indices {
            let started = measuresRuleTimes ? clock.now : nil
            defer { if let started { ruleTimes[index] += clock.now - started } }
            sharedRules[index].run(at: index, with: self, on: document, scan: scan, context: matchContext,
                                   findings: &findings, failures: &failures)
        }
        return (findings, failures)
    }

    /// Runs `rule`, the rule at `index`, adding its findings or its failure (see `SharedRule`).
    fileprivate func run(_ rule: Rule, at index: Int, on document: Document, scan: DocumentScan, context matchContext: MatchContext,
                         findings: inout [Finding], failures: inout [RuleFailure]) {
        let segments = segments(for: rule, in: document, scan: scan)
        var matches: [Match] = []
        do {
            try matchers[index].run(on: document, segments: segments, context: matchContext) { matches.append($0) }
            if !rule.unless.isEmpty, !matches.isEmpty {
                var unless: [ICUText.Regex] = vetoes[index] ?? []
                if vetoes[index] == nil {
                    for pattern in rule.unless { unless.append(try pattern.instance()) }
                    vetoes[index] = unless
                }
                matches = try removeVetoed(matches, by: unless, in: document, segments: segments)
            }
        } catch {
            failures.append(RuleFailure(ruleID: rule.id, reason: Self.describe(error)))
            return
        }
        for match in matches { findings.append(finding(for: match, of: rule, in: document)) }
    }

    /// Drops findings on masked text (code, URLs, markup) and fixes that would edit it, so a
    /// fix never breaks markup.
    static func respectMasks(_ findings: [Finding], in document: Document) -> [Finding] {
        findings.compactMap { finding in
            if document.isMasked(finding.range) { return nil }
            var kept = finding
            if let fix = finding.fix, fix.edits.contains(where: { document.isMasked($0.range) }) { kept.fix = nil }
            return kept
        }
    }

    static func describe(_ error: ICUError) -> String {
        switch error {
        case .regexTimeOut: "the regular expression hit its time limit (\(error.name)); the pattern backtracks catastrophically on this text"
        case .regexStackOverflow: "the regular expression hit its stack limit (\(error.name))"
        default: "ICU error \(error.name)"
        }
    }

    /// Drops matches that an `unless` match overlaps. Only the segments holding a match are
    /// searched, and each match is checked against the veto ranges of its own segment.
    private func removeVetoed(_ matches: [Match], by vetoes: [ICUText.Regex], in document: Document, segments: [Range<Int>]) throws(ICUError) -> [Match] {
        guard !matches.isEmpty, !segments.isEmpty else { return matches }
        // The segment of each match (segments are sorted and do not overlap).
        func segmentIndex(of match: Match) -> Int? {
            var low = 0, high = segments.count
            while low < high {
                let mid = (low + high) / 2
                if segments[mid].upperBound <= match.range.lowerBound && !(segments[mid].isEmpty && segments[mid].lowerBound == match.range.lowerBound) {
                    low = mid + 1
                } else {
                    high = mid
                }
            }
            return low < segments.count ? low : nil
        }
        var bySegment: [Int: [Int]] = [:]
        for (index, match) in matches.enumerated() { bySegment[segmentIndex(of: match) ?? -1, default: []].append(index) }
        var vetoed = Set<Int>()
        for (segmentIndex, matchIndices) in bySegment {
            guard segmentIndex >= 0 else { continue }
            var ranges: [Range<Int>] = []
            for regex in vetoes {
                try regex.reset(document.text)
                try regex.setRegion(segments[segmentIndex])
                while let match = try regex.next() { ranges.append(match.range) }
            }
            for index in matchIndices {
                let range = matches[index].range
                if ranges.contains(where: { $0.overlaps(range) || (range.isEmpty && $0.contains(range.lowerBound)) }) { vetoed.insert(index) }
            }
        }
        return matches.enumerated().filter { !vetoed.contains($0.offset) }.map(\.element)
    }

    private func finding(for match: Match, of rule: Rule, in document: Document) -> Finding {
        // Captures become strings only for a template that uses them.
        var usesGroups = rule.message.usesGroups
        if case .replace(let template) = rule.fix?.action { usesGroups = usesGroups || template.usesGroups }
        let captures = usesGroups ? match.captures.map { $0.map(document.string) } : []
        let message = rule.message.expand(captures: captures, values: match.values)
        var fix: Fix?
        if let spec = rule.fix {
            // A matcher may lower the rule's safety for one match, never raise it.
            let applicability = max(spec.applicability, match.applicability ?? spec.applicability)
            switch spec.action {
            case .replace(let template):
                fix = Fix(applicability: applicability,
                          edits: [Edit(range: match.range, replacement: template.expand(captures: captures, values: match.values))])
            case .deleteLine:
                fix = Fix(applicability: applicability, edits: [document.lineDeletion(covering: match.reported)], deletesLines: true)
            case .deleteMatch:
                fix = Fix(applicability: applicability, edits: [Edit(range: match.reported, replacement: "")])
            case .proposed:
                if let edits = match.edits, !edits.isEmpty { fix = Fix(applicability: applicability, edits: edits) }
            }
        }
        return Finding(ruleID: rule.id, category: rule.category, severity: rule.severity, message: message,
                       range: match.reported, fix: fix)
    }
}

/// A rule behind a reference. A rule read from an array is a copy, which retains and releases
/// each of its strings, lists and examples: for every rule and document, 3 % of linting many
/// small documents. Run from here, the rule is the reference's own and is lent, not copied.
private final class SharedRule: Sendable {
    let rule: Rule

    init(_ rule: Rule) { self.rule = rule }

    func run(at index: Int, with linter: Linter, on document: Document, scan: DocumentScan, context: MatchContext,
             findings: inout [Finding], failures: inout [RuleFailure]) {
        linter.run(rule, at: index, on: document, scan: scan, context: context, findings: &findings, failures: &failures)
    }
}

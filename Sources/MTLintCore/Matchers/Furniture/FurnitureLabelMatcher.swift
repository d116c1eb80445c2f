import ICUText

/// ```yaml
/// match:
///   furniture-labels:
///     labels: [labels/ads.txt, labels/ads-other-languages.txt]
/// ```
///
/// Finds a line that is, word for word, a known page-furniture label once both are folded as
/// `FurnitureText` folds them: case, accents, dashes and bars, bullets and arrows, brackets,
/// punctuation, digits and spacing do not count, so `Advertisement` in the list also finds
/// `― ADVERTISEMENT ―` and `- Advertisement -`, and `[ad_1]` finds `[ad_2]`. Word lists are
/// files next to the rule file, one label per line, `#` comments. The finding covers the
/// trimmed line; value `${line}`. Lines much longer than the longest label are not read.
public struct FurnitureLabelMatcherKind: MatcherKind {
    public static let key = "furniture-labels"
    static let ownKeys = ["labels"]

    let labels: FurnitureVocabulary
    /// Lines longer than this (UTF-16 units, trimmed) cannot be a label.
    let longestLine: Int

    init(labels: FurnitureVocabulary, longestEntry: Int) {
        self.labels = labels
        longestLine = longestEntry + 32
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let node = try options.required("labels")
        let labels = try FurnitureVocabulary.load(node, files: files)
        var longest = 0
        let names: [ConfigNode]
        if case .sequence(let items) = node.value { names = items } else { names = [node] }
        for name in names {
            for entry in try CaptionSlugMatcherKind.loadList(name, files: files) { longest = max(longest, entry.utf16.count) }
        }
        return Self(labels: labels, longestEntry: longest)
    }

    public var valueNames: [String] { ["line"] }
    public var scopes: [Scope] { [.line] }
    public var longestFoldedLine: Int { longestLine }

    public func makeMatcher() throws(ICUError) -> any Matcher { FurnitureLabelMatcher(kind: self) }

    /// Whether the trimmed line `range` is a label.
    func isLabel(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= longestLine,
              let line = FurnitureText.lineHash(units, range, maxWords: labels.longest) else { return false }
        return labels.containsSequence(line.hash)
    }
}

final class FurnitureLabelMatcher: Matcher {
    let kind: FurnitureLabelMatcherKind

    init(kind: FurnitureLabelMatcherKind) { self.kind = kind }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        // The shared pass hashed every line short enough for some label rule (line scope:
        // the segments are the lines).
        let hashes = context.scan.foldedLineHashes
        guard segments.count == hashes.count, context.scan.longestFoldedLine >= kind.longestLine else {
            let units = document.text.units
            for segment in segments where segment.count <= kind.longestLine + 64 {
                let trimmed = document.trimmed(segment)
                if kind.isLabel(units, trimmed) { emit(Match(range: trimmed, values: ["line": document.string(trimmed)])) }
            }
            return
        }
        for (index, segment) in segments.enumerated() where hashes[index].words > 0 {
            let line = hashes[index]
            guard line.words <= kind.labels.longest, kind.labels.containsSequence(line.hash) else { continue }
            let trimmed = document.trimmed(segment)
            guard trimmed.count <= kind.longestLine else { continue }
            emit(Match(range: trimmed, values: ["line": document.string(trimmed)]))
        }
    }
}

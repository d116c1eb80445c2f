import MTLintCore

/// One file's findings with everything a reporter needs: positions resolved three ways and
/// the source lines, so no reporter has to look at the document again.
public struct FileReport: Sendable {
    public struct Item: Sendable {
        public var finding: Finding
        public var range: SourceRange
        /// The finding's first line, without its line break.
        public var sourceLine: String
        /// Each edit of the fix with its resolved range.
        /// Each edit: where, the text it replaces, and what it puts there.
        public var edits: [(range: SourceRange, replacement: String, original: String)]
        /// Whether the fix deletes whole lines.
        public var deletesLines: Bool
        /// The text the fix replaces (for "replace “…” with “…”").
        public var replacedText: String
    }

    public var path: String
    public var items: [Item]
    /// Words in the file, for artifact density (0 when not counted).
    public var wordCount: Int
    public var failures: [RuleFailure]

    /// `sourceLines`: keep each finding's source line (only the text format shows them; a
    /// corpus with many findings would otherwise hold a copy of a line per finding).
    public init(path: String, document: Document, result: LintResult, wordCount: Int = 0, sourceLines: Bool = true) {
        self.path = path
        self.wordCount = wordCount
        self.failures = result.failures
        items = result.findings.map { finding in
            let range = document.sourceRange(of: finding.range)
            let lineIndex = document.lineIndex(containing: finding.range.lowerBound)
            let line = document.lines.isEmpty || !sourceLines ? "" : document.sourceString(document.lines[lineIndex].content)
            let edits = finding.fix?.edits.map { (document.sourceRange(of: $0.range), $0.replacement, document.sourceString($0.range)) } ?? []
            let replaced = finding.fix.map { fix in fix.edits.map { document.sourceString($0.range) }.joined(separator: "…") } ?? ""
            return Item(finding: finding, range: range, sourceLine: line, edits: edits,
                        deletesLines: finding.fix?.deletesLines ?? false,
                        replacedText: replaced)
        }
    }
}

/// Everything a run found, in path order.
public struct RunReport: Sendable {
    public var files: [FileReport]
    public init(files: [FileReport]) { self.files = files }

    public var findingCount: Int { files.reduce(0) { $0 + $1.items.count } }
}

import MTLintCore

/// One file's findings with everything a reporter needs: positions resolved three ways and
/// the source lines, so no reporter has to look at the document again.
public struct FileReport: Sendable {
    public struct Item: Sendable {
        public var finding: Finding
        public var range: SourceRange
        /// The finding's first line, without its line break (an excerpt of a long line).
        public var sourceLine: String
        /// Scalars of the line before `sourceLine` starts (0 when it is the whole line).
        public var sourceLineStart: Int
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
    /// Whether this report continues the previous one: a later part of a large file linted in
    /// parts (`PartitionedLint`). Reporters count such parts as one file.
    public var isContinuation: Bool
    /// The file's text, for a format that shows it whole (HTML); nil otherwise.
    public var text: ShownText?

    /// Text a report shows whole, and where it starts in the linted document (UTF-16 offset:
    /// a part's own text starts after its context lines), so findings' ranges place in it.
    public struct ShownText: Sendable {
        public var string: String
        public var start: Int
    }

    /// `sourceLines`: keep each finding's source line (only the text format shows them; a
    /// corpus with many findings would otherwise hold a copy of a line per finding).
    /// `origin`: where `document` starts in the file when it is one part of a large file.
    /// `showing`: the part of the document's text to keep whole (for the HTML format).
    public init(path: String, document: Document, result: LintResult, wordCount: Int = 0, sourceLines: Bool = true,
                origin: PartOrigin = PartOrigin(), isContinuation: Bool = false, showing shown: Range<Int>? = nil) {
        self.path = path
        self.text = shown.map { ShownText(string: document.sourceString($0), start: $0.lowerBound) }
        self.wordCount = wordCount
        self.failures = result.failures
        self.isContinuation = isContinuation
        items = result.findings.map { finding in
            let local = document.sourceRange(of: finding.range)
            let range = origin.shift(local)
            let lineIndex = document.lineIndex(containing: finding.range.lowerBound)
            var line = ""
            var lineStart = 0
            if sourceLines, !document.lines.isEmpty {
                // A long line is kept as an excerpt around the finding, not whole per finding.
                let content = document.lines[lineIndex].content
                let margin = 400
                let from = max(content.lowerBound, finding.range.lowerBound - margin)
                let to = min(content.upperBound, max(finding.range.upperBound, from) + margin)
                // Start and end on whole characters (not inside a surrogate pair).
                let start = from > content.lowerBound && UTF16.isTrailSurrogate(document.sourceText[from]) ? from - 1 : from
                let end = to < content.upperBound && UTF16.isTrailSurrogate(document.sourceText[to]) ? to + 1 : to
                line = document.sourceString(start..<end)
                // Scalars before the excerpt: the finding's column less the excerpt's part before it.
                let startInRange = min(start, finding.range.lowerBound)
                lineStart = start == content.lowerBound ? 0
                    : max(0, local.start.column - 1 - document.sourceString(startInRange..<finding.range.lowerBound).unicodeScalars.count)
                // A part that starts inside a line: its first line's scalars before the part.
                if local.start.line == 1 { lineStart += origin.column }
            }
            let edits = finding.fix?.edits.map { (origin.shift(document.sourceRange(of: $0.range)), $0.replacement, document.sourceString($0.range)) } ?? []
            let replaced = finding.fix.map { fix in fix.edits.map { document.sourceString($0.range) }.joined(separator: "…") } ?? ""
            return Item(finding: finding, range: range, sourceLine: line, sourceLineStart: lineStart, edits: edits,
                        deletesLines: finding.fix?.deletesLines ?? false,
                        replacedText: replaced)
        }
    }
}

extension FileReport {
    /// The report without its source excerpts, once the text format has rendered them: what
    /// remains of a report kept until the end of a run (counts, positions, messages, fixes).
    public func withoutSourceLines() -> FileReport {
        var copy = self
        for index in copy.items.indices {
            copy.items[index].sourceLine = ""
            copy.items[index].sourceLineStart = 0
        }
        return copy
    }
}

/// Everything a run found, in path order.
public struct RunReport: Sendable {
    public var files: [FileReport]
    public init(files: [FileReport]) { self.files = files }

    public var findingCount: Int { files.reduce(0) { $0 + $1.items.count } }
}

/// What fixing a document did.
public struct FixOutcome: Sendable {
    /// The fixed bytes (BOM, line endings and everything outside the edits as they were).
    public var bytes: [UInt8]
    /// Fixes applied, per rule id.
    public var applied: [String: Int]
    /// Rounds that applied something.
    public var rounds: Int
    /// Rules still proposing applicable fixes when the round limit was reached.
    public var unstableRules: [String]
    /// Findings in the fixed text (those without a fix, or with one not applied).
    public var remaining: LintResult
    /// Where the fixed part's text is in `bytes`' document (UTF-16), when one part was fixed.
    public var part: Range<Int>?

    public init(bytes: [UInt8], applied: [String: Int], rounds: Int, unstableRules: [String], remaining: LintResult,
                part: Range<Int>? = nil) {
        self.bytes = bytes
        self.applied = applied
        self.rounds = rounds
        self.unstableRules = unstableRules
        self.remaining = remaining
        self.part = part
    }

    public var changed: Bool { applied.values.contains { $0 > 0 } }
}

/// Applies findings' fixes: edits left to right, skipping a fix that overlaps one already
/// taken (it waits for the next round); then lints the result and repeats until nothing
/// changes, at most `maxRounds` times.
public struct Fixer: Sendable {
    public var includeUnsafe: Bool
    public var maxRounds: Int

    public init(includeUnsafe: Bool = false, maxRounds: Int = 10) {
        self.includeUnsafe = includeUnsafe
        self.maxRounds = maxRounds
    }

    public func isApplicable(_ fix: Fix) -> Bool { includeUnsafe || fix.applicability == .safe }

    public func fix(_ document: Document, with linter: Linter) -> FixOutcome {
        fix(document, with: linter, part: nil)
    }

    /// The part of a document a fix may change, for a large file fixed part by part
    /// (`PartitionedFix`): only findings that start in `text` (UTF-16 offsets of the document)
    /// count, only fixes whose edits stay inside it apply, and the lines around it are left as
    /// they are (the neighbouring parts fix those). `census`: the file's quotation-mark counts.
    public struct Part: Sendable {
        public var text: Range<Int>
        public var endsFile: Bool
        public var census: QuoteCensus?

        public init(text: Range<Int>, endsFile: Bool, census: QuoteCensus?) {
            self.text = text
            self.endsFile = endsFile
            self.census = census
        }

        func owns(_ finding: Finding) -> Bool {
            text.contains(finding.range.lowerBound) || (endsFile && finding.range.lowerBound == text.upperBound)
        }

        func contains(_ edit: Edit) -> Bool {
            edit.range.lowerBound >= text.lowerBound && edit.range.upperBound <= text.upperBound
        }

        /// A deletion kept inside the part. The deletion of a file's last lines takes the line
        /// breaks (and blank lines) before them, which may end the previous part, already fixed:
        /// it starts at this part instead, so such a file can end in more line breaks than when
        /// it is fixed whole. No other edit reaches out of a part (parts end after a blank line).
        func clamped(_ edit: Edit, in document: Document) -> Edit {
            guard edit.replacement.isEmpty, edit.range.lowerBound < text.lowerBound, edit.range.upperBound > text.lowerBound,
                  document.trimmed(edit.range.lowerBound..<text.lowerBound).isEmpty else { return edit }
            return Edit(range: text.lowerBound..<edit.range.upperBound, replacement: "")
        }
    }

    /// Fixes `document` (only `part` of it when given) in rounds until nothing applicable is
    /// left; the outcome's `part` is where the part's text ends up.
    public func fix(_ document: Document, with linter: Linter, part: Part?) -> FixOutcome {
        var part = part
        func lint(_ document: Document) -> LintResult {
            var result = linter.lint(document, quoteCensus: part?.census, shareRules: part == nil)
            if let part { result.findings.removeAll { !part.owns($0) } }
            return result
        }
        var current = document
        var currentBytes = document.bytes
        var applied: [String: Int] = [:]
        var rounds = 0
        var result = lint(current)
        var lastRoundRules: [String] = []
        while true {
            let candidates = result.findings.compactMap { finding -> Finding? in
                guard let fix = finding.fix, isApplicable(fix) else { return nil }
                guard let part else { return finding }
                var kept = finding
                kept.fix?.edits = fix.edits.map { part.clamped($0, in: current) }
                return kept.fix?.edits.allSatisfy(part.contains) == true ? kept : nil
            }
            if candidates.isEmpty { break }
            if rounds == maxRounds {
                return FixOutcome(bytes: currentBytes, applied: applied, rounds: rounds,
                                  unstableRules: Array(Set(candidates.map(\.ruleID)).union(lastRoundRules)).sorted(),
                                  remaining: result, part: part?.text)
            }
            var (edits, taken) = Self.select(candidates, in: current)
            // Merged line deletions are made afresh: they too stay inside the part.
            if let part { edits = edits.map { part.clamped($0, in: current) }.filter(part.contains) }
            guard !edits.isEmpty, let next = Self.apply(edits, to: current) else { break }
            for finding in taken { applied[finding.ruleID, default: 0] += 1 }
            lastRoundRules = Array(Set(taken.map(\.ruleID)))
            rounds += 1
            let nextBytes = next.bytes
            if nextBytes == currentBytes { break }
            // The part's text grows or shrinks by what the edits did.
            if let owned = part?.text {
                let change = edits.reduce(0) { $0 + $1.replacement.utf16.count - $1.range.count }
                part?.text = owned.lowerBound..<max(owned.lowerBound, owned.upperBound + change)
            }
            current = next
            currentBytes = nextBytes
            result = lint(current)
        }
        return FixOutcome(bytes: currentBytes, applied: applied, rounds: rounds, unstableRules: [], remaining: result,
                          part: part?.text)
    }

    static func select(_ findings: [Finding], in document: Document) -> (edits: [Edit], taken: [Finding]) {
        let ordered = findings.sorted { a, b in
            let (sa, sb) = (a.fix?.span ?? a.range, b.fix?.span ?? b.range)
            return (sa.lowerBound, sa.upperBound, a.ruleID) < (sb.lowerBound, sb.upperBound, b.ruleID)
        }
        var edits: [Edit] = []
        var taken: [Finding] = []
        for finding in ordered {
            guard let fix = finding.fix else { continue }
            if fix.edits.contains(where: { edit in edits.contains { $0.conflicts(with: edit) } }) { continue }
            // The same edit proposed twice (two rules, one repair) is applied once.
            let fresh = fix.edits.filter { !edits.contains($0) }
            edits.append(contentsOf: fresh)
            taken.append(finding)
        }
        edits.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        let lineDeletions = Set(taken.filter { $0.fix?.deletesLines == true }.flatMap { $0.fix?.edits ?? [] })
        var merged: [(edit: Edit, deletesLines: Bool)] = []
        for edit in edits {
            let deletesLines = lineDeletions.contains(edit)
            if deletesLines, let last = merged.last, last.deletesLines, last.edit.range.upperBound == edit.range.lowerBound {
                let lines = last.edit.range.lowerBound..<max(last.edit.range.lowerBound + 1, edit.range.upperBound - 1)
                merged[merged.count - 1] = (document.lineDeletion(covering: lines), true)
            } else {
                merged.append((edit, deletesLines))
            }
        }
        return (merged.map(\.edit), taken)
    }

    /// Splices the edits into the document's bytes; nil if the result is not a document.
    static func apply(_ edits: [Edit], to document: Document) -> Document? {
        let source = document.bytes
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var cursor = 0
        for edit in edits {
            let start = document.byteOffset(of: edit.range.lowerBound)
            let end = document.byteOffset(of: edit.range.upperBound)
            guard start >= cursor, end >= start else { continue }
            bytes.append(contentsOf: source[cursor..<start])
            bytes.append(contentsOf: edit.replacement.utf8)
            cursor = end
        }
        bytes.append(contentsOf: source[cursor...])
        return try? Document(bytes: bytes, format: document.format)
    }
}

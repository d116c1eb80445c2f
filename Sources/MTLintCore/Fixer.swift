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
        var current = document
        var currentBytes = document.bytes
        var applied: [String: Int] = [:]
        var rounds = 0
        var result = linter.lint(current)
        var lastRoundRules: [String] = []
        while true {
            let candidates = result.findings.filter { $0.fix.map(isApplicable) ?? false }
            if candidates.isEmpty { break }
            if rounds == maxRounds {
                return FixOutcome(bytes: currentBytes, applied: applied, rounds: rounds,
                                  unstableRules: Array(Set(candidates.map(\.ruleID)).union(lastRoundRules)).sorted(),
                                  remaining: result)
            }
            let (edits, taken) = Self.select(candidates, in: current)
            guard !edits.isEmpty, let next = Self.apply(edits, to: current) else { break }
            for finding in taken { applied[finding.ruleID, default: 0] += 1 }
            lastRoundRules = Array(Set(taken.map(\.ruleID)))
            rounds += 1
            let nextBytes = next.bytes
            if nextBytes == currentBytes { break }
            current = next
            currentBytes = nextBytes
            result = linter.lint(current)
        }
        return FixOutcome(bytes: currentBytes, applied: applied, rounds: rounds, unstableRules: [], remaining: result)
    }

    /// Non-conflicting fixes, left to right; a fix is taken whole or not at all. Line deletions
    /// that end where the next begins are merged, so that a run of deleted lines leaves one
    /// paragraph break, not one per deleted line.
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

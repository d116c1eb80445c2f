/// Applies `<!-- mtlint-disable-next-line … -->` and `<!-- mtlint-disable … -->` …
/// `<!-- mtlint-enable … -->` to findings, and reports directives that silence nothing (like
/// Ruff's RUF100), with a safe fix that removes them.
public struct SuppressionFilter {
    public static let unusedRuleID = "mtlint/unused-suppression"

    let document: Document
    let rules: [Rule]

    /// The span of text each directive silences.
    func regions() -> [(suppression: Suppression, region: Range<Int>)] {
        var result: [(Suppression, Range<Int>)] = []
        for (index, suppression) in document.suppressions.enumerated() {
            switch suppression.kind {
            case .nextLine:
                let line = document.lineIndex(containing: max(suppression.range.upperBound - 1, 0)) + 1
                let region = line < document.lines.count ? document.lines[line].full : document.text.count..<document.text.count
                result.append((suppression, region))
            case .disable:
                let enable = document.suppressions[(index + 1)...].first { other in
                    other.kind == .enable && (other.selectors.isEmpty || Set(other.selectors) == Set(suppression.selectors))
                }
                result.append((suppression, suppression.range.upperBound..<(enable?.range.lowerBound ?? document.text.count)))
            case .enable:
                continue
            }
        }
        return result
    }

    func apply(_ findings: [Finding], reportUnused: Bool) -> [Finding] {
        let regions = regions()
        var used = Set<Int>()
        let kept = findings.filter { finding in
            var silenced = false
            for (index, entry) in regions.enumerated()
            where entry.region.contains(finding.range.lowerBound) && entry.suppression.names(finding) {
                used.insert(index)
                silenced = true
            }
            return !silenced
        }
        guard reportUnused else { return kept }
        var unused: [Finding] = []
        for (index, entry) in regions.enumerated() where !used.contains(index) {
            // Only when every rule it names is enabled: a suppression for a rule that did not
            // run is not known to be useless.
            let namesEnabledRules = entry.suppression.selectors.allSatisfy { selector in rules.contains { $0.isNamed(by: selector) } }
            guard namesEnabledRules else { continue }
            unused.append(finding(for: entry.suppression))
        }
        return kept + unused
    }

    func finding(for suppression: Suppression) -> Finding {
        let lineIndex = document.lineIndex(containing: suppression.range.lowerBound)
        let line = document.lines[lineIndex]
        let aloneOnLine = document.sourceString(line.content).trimmedWhitespace == document.sourceString(suppression.range)
        let edit = aloneOnLine ? document.lineDeletion(covering: suppression.range) : Edit(range: suppression.range, replacement: "")
        let what = suppression.selectors.isEmpty ? "any rule" : suppression.selectors.joined(separator: ", ")
        return Finding(ruleID: Self.unusedRuleID, category: .suppression, severity: .warning,
                       message: "This suppression silences nothing (\(what)); remove it.",
                       range: suppression.range, fix: Fix(applicability: .safe, edits: [edit], deletesLines: aloneOnLine))
    }
}

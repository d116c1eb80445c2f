import Foundation
import MTLintCore
import MTLintReporters

/// Findings as protocol diagnostics: exact ranges in the negotiated encoding, the rule's
/// severity, the rule id as `code` with a link to the rule's entry in the rule catalog.
struct DiagnosticBuilder {
    /// `docs/rules-catalog.md` as the client should open it; a rule's entry is its anchor.
    static let defaultCatalogURL = "https://github.com/mtlint/mtlint/blob/main/docs/rules-catalog.md"

    var positions: DocumentPositions
    var catalogURL: String

    func diagnostic(for finding: Finding, rule: Rule?) -> LSPAny {
        var members: [String: LSPAny] = [
            "range": positions.range(of: finding.range).json,
            "severity": .int(Self.severity(finding.severity)),
            "code": .string(finding.ruleID),
            "source": "mtlint",
            "message": .string(finding.message),
        ]
        if let href = documentation(for: finding, rule: rule) { members["codeDescription"] = ["href": .string(href)] }
        // A suppression that silences nothing is text to remove: clients fade it out.
        if finding.ruleID == SuppressionFilter.unusedRuleID { members["tags"] = [1] }
        return .object(members)
    }

    /// Where the rule is explained: its entry in the catalog for a shipped rule (their files
    /// are `Rules/…` inside the binary), its own file for a rule from a folder of the user's.
    func documentation(for finding: Finding, rule: Rule?) -> String? {
        guard let rule else { return nil }
        if let origin = rule.origin, !origin.hasPrefix("Rules/") {
            return origin.hasPrefix("/") ? OpenDocument.uri(ofPath: origin) : nil
        }
        return catalogURL + "#" + RuleCatalog.anchor(rule.id)
    }

    /// The protocol's DiagnosticSeverity: 1 error, 2 warning, 3 information.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }
}

@testable import MTLintCore

/// Small rules built in code for engine tests (the shipped YAML rules are tested separately).
enum TestRules {
    static func pattern(_ id: String, _ regex: String, replace: String? = nil, deleteLine: Bool = false,
                        applicability: Applicability = .safe, scope: Scope = .line, report: Int = 0,
                        unless: [String] = []) throws -> Rule {
        let kind = PatternMatcherKind(regex: try SharedRegex(regex), reportGroup: report)
        var fix: FixSpec?
        if let replace { fix = FixSpec(action: .replace(Template(replace)), applicability: applicability) }
        if deleteLine { fix = FixSpec(action: .deleteLine, applicability: applicability) }
        return Rule(id: id, category: .other, severity: .warning, summary: "s", why: "w", scope: scope, matcher: kind,
                    unless: try unless.map { try SharedRegex($0) }, message: Template("found $0"), fix: fix)
    }

    static func lines(_ id: String, _ exact: [String], applicability: Applicability = .safe) -> Rule {
        Rule(id: id, category: .boilerplate, severity: .warning, summary: "s", why: "w", scope: .line,
             matcher: LineMatcherKind(exact: exact, patterns: [], caseSensitive: false),
             message: Template("line"), fix: FixSpec(action: .deleteLine, applicability: applicability))
    }
}

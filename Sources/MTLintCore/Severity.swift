/// How loudly a finding is reported. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

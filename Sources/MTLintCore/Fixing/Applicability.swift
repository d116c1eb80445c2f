/// Whether a fix may be applied without a human looking (Ruff's fix safety).
public enum Applicability: String, Sendable, CaseIterable, Codable, Comparable {
    /// Only one reading exists: `mtlint fix` applies it.
    case safe
    /// Probably right but may change meaning: applied only with `--unsafe-fixes`.
    case unsafe

    public static func < (a: Applicability, b: Applicability) -> Bool { a == .safe && b == .unsafe }
}

/// Paths a rule file names relative to its folder (`labels/ads.txt`, `../glued/words.txt`),
/// resolved the same way when mtlint loads rules and when EmbedRulesTool builds them in.
public enum RelativePath {
    /// `name` in the folder `base` (no folder when empty), with `dir/..` and `.` resolved.
    public static func joined(_ base: String, _ name: String) -> String {
        resolvingParents(base.isEmpty || name.hasPrefix("/") ? name : base + "/" + name)
    }

    /// `path` with each `dir/..` and `.` removed (Foundation leaves them in relative paths).
    public static func resolvingParents(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else if part != "." { parts.append(part) }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

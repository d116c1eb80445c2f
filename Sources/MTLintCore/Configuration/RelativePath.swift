/// Paths a rule file names relative to its folder (`labels/ads.txt`, `../glued/words.txt`),
/// resolved the same way when mtlint loads rules and when EmbedRulesTool builds them in.
public enum RelativePath {
    /// `name` in the folder `base` (no folder when empty), with `dir/..` and `.` resolved.
    public static func joined(_ base: String, _ name: String) -> String {
        resolvingParents(base.isEmpty || name.hasPrefix("/") ? name : base + "/" + name)
    }

    /// `path` with each `dir/..` and `.` removed (Foundation leaves them in relative paths).
    public static func resolvingParents(_ path: String) -> String {
        isResolved(path) ? path : resolvedBySplitting(path)
    }

    static func resolvedBySplitting(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else if part != "." { parts.append(part) }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// Whether `path` is already as `resolvingParents` leaves it: no `.` or `..` part and no
    /// empty one (a leading `/` aside), as most names a rule file gives are.
    static func isResolved(_ path: String) -> Bool {
        var dots = 0, length = 0
        for (index, byte) in path.utf8.enumerated() {
            if byte == UInt8(ascii: "/") {
                if index > 0 && (length == 0 || dots == length) { return false }
                dots = 0; length = 0
            } else {
                length += 1
                if byte == UInt8(ascii: "."), dots == length - 1 { dots += 1 }
            }
        }
        return length > 0 && dots != length
    }
}

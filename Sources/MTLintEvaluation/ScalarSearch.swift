/// Substring search by Unicode scalars, as the reference scorer (Python) searches: no
/// canonical equivalence, no grapheme clusters, so a text that starts inside a cluster (a
/// combining mark) is still found where it is.
enum ScalarSearch {
    /// The offset of the first occurrence of `needle` in `haystack`, or nil.
    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// How many times `needle` occurs in `haystack`, overlapping occurrences counted once each
    /// from where the previous one started (as `str.count` does not overlap: after its end).
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0, from = 0
        while let found = firstIndex(of: needle, in: haystack, from: from) {
            count += 1
            from = found + needle.count
        }
        return count
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        firstIndex(of: Array(needle.unicodeScalars), in: Array(haystack.unicodeScalars)) != nil
    }
}

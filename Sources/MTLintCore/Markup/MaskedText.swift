/// The text rules see for a marked-up document: the original UTF-16 units with masked spans
/// blanked (line breaks kept, so lines and offsets do not move) and entities decoded in place.
struct MaskedText {
    var units: [UInt16]
    /// Spans hidden from rules (code, URLs, tags, comments, front matter), sorted.
    var masked: [Range<Int>] = []
    /// Suppression comments found while masking.
    var suppressions: [Suppression] = []

    init(_ units: [UInt16]) { self.units = units }

    /// Blanks `range`: every unit but a line break becomes a space.
    mutating func mask(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        for i in range where units[i] != 0x0A && units[i] != 0x0D { units[i] = 0x20 }
        masked.append(range)
    }

    /// Replaces an entity's units with the character it stands for, padded with NUL (which no
    /// rule pattern treats as a letter or a space).
    mutating func decode(_ range: Range<Int>, as scalar: Unicode.Scalar) {
        let encoded = Array(String(scalar).utf16)
        guard encoded.count <= range.count else { return }
        for (k, i) in range.enumerated() { units[i] = k < encoded.count ? encoded[k] : 0 }
    }

    /// Sorted, merged masked spans.
    var mergedMasks: [Range<Int>] {
        var result: [Range<Int>] = []
        for range in masked.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// Scanning helpers over UTF-16 units.
extension Array where Element == UInt16 {
    func matches(_ literal: String, at index: Int, caseInsensitive: Bool = false) -> Bool {
        var i = index
        for unit in literal.utf16 {
            guard i < count else { return false }
            var u = self[i]
            if caseInsensitive, u >= 0x41, u <= 0x5A { u += 0x20 }
            if u != unit { return false }
            i += 1
        }
        return true
    }

    func find(_ literal: String, from index: Int, caseInsensitive: Bool = false) -> Int? {
        guard let first = literal.utf16.first else { return nil }
        var i = index
        while i < count {
            var u = self[i]
            if caseInsensitive, u >= 0x41, u <= 0x5A { u += 0x20 }
            if u == first, matches(literal, at: i, caseInsensitive: caseInsensitive) { return i }
            i += 1
        }
        return nil
    }
}

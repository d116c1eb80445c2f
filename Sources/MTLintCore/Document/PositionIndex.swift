import ICUText

/// Maps UTF-16 offsets of a text to UTF-8 offsets and Unicode-scalar counts in O(1):
/// checkpoints every `stride` code units, then a short scan.
struct PositionIndex: Sendable {
    static let stride = 128
    private var utf8Before: [Int] = []
    private var scalarsBefore: [Int] = []

    init(_ text: UTF16Text) {
        let units = text.units
        let checkpoints = units.count / Self.stride + 1
        utf8Before.reserveCapacity(checkpoints)
        scalarsBefore.reserveCapacity(checkpoints)
        var utf8 = 0, scalars = 0
        var i = 0
        while i < units.count {
            utf8Before.append(utf8)
            scalarsBefore.append(scalars)
            let end = min(i + Self.stride, units.count)
            // ASCII four units at a time (one byte and one scalar each), then unit by unit.
            var k = i
            while k + 4 <= end, UnitWords.load(units, at: k) & UnitWords.nonASCII == 0 { k += 4 }
            utf8 &+= k - i
            scalars &+= k - i
            while k < end {
                let (bytes, starts) = Self.weight(units, k)
                utf8 &+= bytes
                scalars &+= starts
                k += 1
            }
            i = end
        }
        if units.count % Self.stride == 0 {
            utf8Before.append(utf8)
            scalarsBefore.append(scalars)
        }
    }

    /// UTF-8 bytes and scalar starts contributed by the code unit at `i`.
    @inline(__always)
    private static func weight(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> (Int, Int) {
        let unit = units[i]
        if unit < 0x80 { return (1, 1) }
        if unit < 0x800 { return (2, 1) }
        if UTF16.isLeadSurrogate(unit) { return (4, 1) }
        if UTF16.isTrailSurrogate(unit) {
            // Counted with its lead; a lone trail surrogate stands for U+FFFD (3 bytes).
            return i > 0 && UTF16.isLeadSurrogate(units[i - 1]) ? (0, 0) : (3, 1)
        }
        return (3, 1)
    }

    /// (UTF-8 offset, scalar count) of the text before UTF-16 offset `offset`.
    func position(of offset: Int, in text: UTF16Text) -> (utf8: Int, scalars: Int) {
        let checkpoint = offset / Self.stride
        var utf8 = utf8Before[checkpoint], scalars = scalarsBefore[checkpoint]
        var i = checkpoint * Self.stride
        while i < offset {
            let (bytes, starts) = Self.weight(text.units, i)
            utf8 &+= bytes
            scalars &+= starts
            i += 1
        }
        return (utf8, scalars)
    }
}

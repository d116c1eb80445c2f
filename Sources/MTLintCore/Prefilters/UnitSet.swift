/// A set of UTF-16 code units, as the regex analysis (`RequiredCharacters`) builds them by the
/// thousand: ASCII units in a 128-bit mask, others in a short sorted array. Sets of ASCII
/// characters, nearly all of them, cost no allocation and no hashing.
struct UnitSet: Hashable, Sequence, ExpressibleByArrayLiteral {
    /// Units 0–63 and 64–127, one bit each.
    private var lowMask: UInt64 = 0
    private var highMask: UInt64 = 0
    /// Units from 128 up, ascending, without repeats.
    private var others: [UInt16] = []

    init() {}

    init(arrayLiteral units: UInt16...) {
        for unit in units { insert(unit) }
    }

    init(_ set: Set<UInt16>) {
        for unit in set { insert(unit) }
    }

    var count: Int { lowMask.nonzeroBitCount + highMask.nonzeroBitCount + others.count }
    var isEmpty: Bool { lowMask == 0 && highMask == 0 && others.isEmpty }

    func contains(_ unit: UInt16) -> Bool {
        switch unit {
        case 0..<64: lowMask & (1 << UInt64(unit)) != 0
        case 64..<128: highMask & (1 << UInt64(unit - 64)) != 0
        default: others.contains(unit)
        }
    }

    mutating func insert(_ unit: UInt16) {
        switch unit {
        case 0..<64: lowMask |= 1 << UInt64(unit)
        case 64..<128: highMask |= 1 << UInt64(unit - 64)
        default:
            var index = others.endIndex
            while index > others.startIndex, others[index - 1] > unit { index -= 1 }
            if index > others.startIndex, others[index - 1] == unit { return }
            others.insert(unit, at: index)
        }
    }

    mutating func formUnion(_ other: UnitSet) {
        lowMask |= other.lowMask
        highMask |= other.highMask
        if other.others.isEmpty { return }
        if others.isEmpty { others = other.others; return }
        // Merge the two sorted arrays (sets from Unicode properties hold thousands of units).
        var merged: [UInt16] = []
        merged.reserveCapacity(others.count + other.others.count)
        var i = 0, j = 0
        while i < others.count || j < other.others.count {
            if j == other.others.count || (i < others.count && others[i] < other.others[j]) {
                merged.append(others[i]); i += 1
            } else if i == others.count || other.others[j] < others[i] {
                merged.append(other.others[j]); j += 1
            } else {
                merged.append(others[i]); i += 1; j += 1
            }
        }
        others = merged
    }

    /// The BMP code points of `ranges` (surrogate code points left out).
    init(ranges: [ClosedRange<UInt32>]) {
        for range in ranges where range.lowerBound <= 0xFFFF {
            for value in range.lowerBound...Swift.min(range.upperBound, 0xFFFF) where !(0xD800...0xDFFF).contains(value) {
                insert(UInt16(value))
            }
        }
    }

    /// The same units as a standard set.
    var set: Set<UInt16> { Set(self) }

    /// The units in ascending order.
    func makeIterator() -> Iterator { Iterator(low: lowMask, high: highMask, rest: others.makeIterator()) }

    struct Iterator: IteratorProtocol {
        var low: UInt64
        var high: UInt64
        var rest: IndexingIterator<[UInt16]>

        mutating func next() -> UInt16? {
            if low != 0 {
                let bit = low.trailingZeroBitCount
                low &= low - 1
                return UInt16(bit)
            }
            if high != 0 {
                let bit = high.trailingZeroBitCount
                high &= high - 1
                return UInt16(64 + bit)
            }
            return rest.next()
        }
    }
}

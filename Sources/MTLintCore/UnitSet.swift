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
        for unit in other.others { insert(unit) }
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

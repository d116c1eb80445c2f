/// Four UTF-16 units read as one number and tested together, as `ByteWords` does for bytes:
/// the loops over a document's units that look for a few of them (line breaks, quotation
/// marks) or skip ASCII skip four units at a time where a word holds none.
enum UnitWords {
    static let ones: UInt64 = 0x0001_0001_0001_0001
    static let highs: UInt64 = 0x8000_8000_8000_8000
    static let lows: UInt64 = 0x7FFF_7FFF_7FFF_7FFF
    /// The bits that are set in a unit at or above U+0080.
    static let nonASCII: UInt64 = 0xFF80_FF80_FF80_FF80

    /// The four units at `offset` (the caller keeps `offset + 4` within the buffer).
    @inline(__always)
    static func load(_ units: UnsafeBufferPointer<UInt16>, at offset: Int) -> UInt64 {
        guard let base = units.baseAddress else { return 0 }
        return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset &* 2, as: UInt64.self))
    }

    /// 0x8000 in each unit of `word` that is zero, and nothing else (exact).
    @inline(__always)
    static func zeroUnits(_ word: UInt64) -> UInt64 {
        let t = (word & lows) &+ lows
        return ~(t | word | lows)
    }

    /// 0x8000 in each unit of `word` equal to `unit`.
    @inline(__always)
    static func units(_ word: UInt64, equalTo unit: UInt16) -> UInt64 {
        zeroUnits(word ^ (ones &* UInt64(unit)))
    }
}

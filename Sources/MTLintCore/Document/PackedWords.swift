/// A 64-bit word read as lanes — eight bytes (`ByteWords`) or four UTF-16 units
/// (`UnitWords`) — and tested in one go: most of a text is ASCII letters and spaces, so the
/// loops that look for a few bytes or units (line breaks, quotation marks, NUL, non-ASCII) or
/// count scalars skip a whole word where it holds none of them.
enum PackedLanes {
    /// The word at `byteOffset` from `base` (unaligned; the caller keeps the eight bytes within
    /// its buffer), or 0 without a buffer.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer?, byteOffset: Int) -> UInt64 {
        guard let base else { return 0 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: byteOffset, as: UInt64.self))
    }

    /// The top bit of each lane of `word` that is zero, and nothing else (exact: no borrow
    /// from one lane reaches the next). `lows`: every lane's bits but its top one.
    @inline(__always)
    static func zeroLanes(_ word: UInt64, lows: UInt64) -> UInt64 {
        let t = (word & lows) &+ lows
        return ~(t | word | lows)
    }
}

/// Eight bytes as lanes of one word.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset` (the caller keeps `offset + 8` within the buffer).
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        PackedLanes.load(UnsafeRawPointer(bytes.baseAddress), byteOffset: offset)
    }

    /// 0x80 in each byte of `word` that is zero.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { PackedLanes.zeroLanes(word, lows: lows) }

    /// 0x80 in each byte of `word` equal to `byte`.
    @inline(__always)
    static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (ones &* UInt64(byte)))
    }

    /// 1 in each byte of `word` that is a UTF-8 continuation byte (10xxxxxx), 0 in the others.
    @inline(__always)
    static func continuationBytes(_ word: UInt64) -> UInt64 {
        (word & ~(word << 1) & highs) >> 7
    }

    /// 1 in each byte of `word` that starts a four-byte sequence (11110xxx and above).
    @inline(__always)
    static func fourByteLeads(_ word: UInt64) -> UInt64 {
        (word & (word << 1) & (word << 2) & (word << 3) & highs) >> 7
    }

    /// The sum of the bytes of `counts`, each at most 255. Per-byte counts are added up over
    /// at most 255 words and summed once (the machine's baseline has no population count).
    @inline(__always)
    static func sumOfBytes(_ counts: UInt64) -> Int {
        let pairs = (counts & 0x00FF_00FF_00FF_00FF) &+ ((counts >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }
}

/// Four UTF-16 units as lanes of one word.
enum UnitWords {
    static let ones: UInt64 = 0x0001_0001_0001_0001
    static let lows: UInt64 = 0x7FFF_7FFF_7FFF_7FFF
    /// The bits that are set in a unit at or above U+0080.
    static let nonASCII: UInt64 = 0xFF80_FF80_FF80_FF80

    /// The four units at `offset` (the caller keeps `offset + 4` within the buffer).
    @inline(__always)
    static func load(_ units: UnsafeBufferPointer<UInt16>, at offset: Int) -> UInt64 {
        PackedLanes.load(UnsafeRawPointer(units.baseAddress), byteOffset: offset &* 2)
    }

    /// 0x8000 in each unit of `word` that is zero.
    @inline(__always)
    static func zeroUnits(_ word: UInt64) -> UInt64 { PackedLanes.zeroLanes(word, lows: lows) }

    /// 0x8000 in each unit of `word` equal to `unit`.
    @inline(__always)
    static func units(_ word: UInt64, equalTo unit: UInt16) -> UInt64 {
        zeroUnits(word ^ (ones &* UInt64(unit)))
    }
}

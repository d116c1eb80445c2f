/// Eight bytes read as one number and tested together: most of a text is ASCII letters and
/// spaces, so the byte loops that look for a few bytes (line breaks, quotation marks, NUL,
/// non-ASCII) or count scalars skip eight bytes at a time where a word holds none of them.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The word at `offset` (unaligned; the caller keeps `offset + 8` within the buffer).
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// 0x80 in each byte of `word` that is zero, and nothing else (exact: no borrow from one
    /// byte reaches the next).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let t = (word & lows) &+ lows
        return ~(t | word | lows)
    }

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

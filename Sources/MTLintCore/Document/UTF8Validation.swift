/// Finds where bytes stop being valid UTF-8 (RFC 3629: no overlongs, no surrogates,
/// nothing above U+10FFFF). Used to name the offending byte when ICU's strict
/// conversion refuses a file, and to check a large file whole before it is linted in parts.
public enum UTF8Validation {
    /// The offset of the first invalid byte, or nil if all of `bytes` is valid.
    public static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            // Runs of ASCII (most of any text) need no sequence decoding: eight bytes at a time.
            if i + 8 <= bytes.count, ByteWords.load(bytes, at: i) & ByteWords.highs == 0 { i += 8; continue }
            if bytes[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(in: bytes, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or nil when it is not one.
    public static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b0 = bytes[i]
        if b0 < 0x80 { return 1 }
        var need = 0
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; upper = 0x9F
        case 0xF0: need = 3; lower = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; upper = 0x8F
        default: return nil
        }
        for k in 1...need {
            guard i + k < bytes.count else { return nil }
            let b = bytes[i + k]
            let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            if b < lo || b > hi { return nil }
        }
        return need + 1
    }
}

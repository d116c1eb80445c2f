/// The layout of a word table, shared by the tool that writes tables at build time and the
/// linter that reads them: an open-addressing hash table of `slotCount` slots (a power of
/// two), each `slotWidth` printable ASCII characters, so a whole table is one string literal
/// the compiler places in the binary's read-only data and the linter reads in place, with
/// nothing to parse or allocate at start-up.
///
/// A slot holds 30 bits, six per character, as `character - 0x24` (`$` … `c`, none of them a
/// quote or `#`, so the table fits a raw string literal `#"…"#`): the word's `WordFlags` in
/// the low 2 bits and a 28-bit fingerprint of its key above them; 0 is a free slot. A word's
/// first slot is its mixed key's low bits; collisions probe the next slots. With the table at
/// most half full, a word not in it is wrongly found about once in ten million lookups.
public enum WordTableLayout {
    public static let slotWidth = 5
    static let bitsPerCharacter = 6
    static let firstCharacter: UInt8 = 0x24
    static let flagBits = 2
    static let fingerprintMask: UInt32 = (1 << 28) - 1

    /// The slot count for `words` entries: a power of two at least twice as large.
    public static func slotCount(for words: Int) -> Int {
        var count = 64
        while count < words * 2 { count <<= 1 }
        return count
    }

    /// The first slot of `key` in a table of `slotCount` slots, and its fingerprint (never 0).
    @inline(__always)
    static func place(_ key: UInt64, slotCount: Int) -> (slot: Int, fingerprint: UInt32) {
        let mixed = WordKey.mix(key)
        let slot = Int(truncatingIfNeeded: mixed) & (slotCount - 1)
        let fingerprint = UInt32(truncatingIfNeeded: mixed >> 36) & fingerprintMask
        return (slot, fingerprint == 0 ? 1 : fingerprint)
    }

    /// A slot's 30 bits as its characters.
    static func encode(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
        var rest = value
        for index in (0..<slotWidth).reversed() {
            bytes[offset + index] = firstCharacter + UInt8(rest & 0x3F)
            rest >>= UInt32(bitsPerCharacter)
        }
    }

    /// A slot's 30 bits read from its characters.
    @inline(__always)
    static func decode(_ base: UnsafePointer<UInt8>, slot: Int) -> UInt32 {
        let start = base + slot * slotWidth
        var value: UInt32 = 0
        for index in 0..<slotWidth { value = value << UInt32(bitsPerCharacter) | UInt32(start[index] &- firstCharacter) }
        return value
    }
}

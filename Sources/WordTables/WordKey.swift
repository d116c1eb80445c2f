/// How a word becomes the 64-bit key the tables store: FNV-1a over its UTF-16 units, each
/// lower-cased (ASCII by arithmetic, other letters by their simple lower-case mapping), then
/// mixed. The build-time tool and the linter use this one definition, so a table laid out at
/// build time answers the linter's lookups.
public enum WordKey {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// One UTF-16 unit lower-cased; a unit whose lower-case form is not one unit stays as it is.
    @inline(__always)
    public static func lower(_ unit: UInt16) -> UInt16 {
        if unit >= 0x41 && unit <= 0x5A { return unit | 0x20 }
        if unit < 0xC0 { return unit }
        guard let scalar = Unicode.Scalar(unit), scalar.properties.changesWhenLowercased else { return unit }
        let lowered = scalar.properties.lowercaseMapping.utf16
        return lowered.count == 1 ? lowered.first ?? unit : unit
    }

    /// The running hash after one more unit (already lower-cased).
    @inline(__always)
    public static func step(_ hash: UInt64, _ loweredUnit: UInt16) -> UInt64 {
        (hash ^ UInt64(loweredUnit)) &* prime
    }

    /// The hash of `units`, case-insensitively.
    @inline(__always)
    public static func hash(_ units: some Sequence<UInt16>) -> UInt64 {
        var hash = offset
        for unit in units { hash = step(hash, lower(unit)) }
        return hash
    }

    /// The hash of a word written as a string.
    public static func hash(_ word: String) -> UInt64 { hash(word.utf16) }

    /// Spreads the hash's bits (the finaliser of SplitMix64), so a table's slot and its stored
    /// fingerprint are taken from independent bits.
    @inline(__always)
    static func mix(_ hash: UInt64) -> UInt64 {
        var z = hash
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

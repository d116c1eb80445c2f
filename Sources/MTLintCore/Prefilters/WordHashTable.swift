/// A read-only hash table keyed by word hashes (see `WordHash`), for the lookups the word scan
/// makes per word: one multiply picks the slot (Fibonacci hashing) and linear probing finds the
/// key, where a `Set<UInt64>` would run SipHash on a value that is already a hash.
struct WordHashTable<Value: Sendable>: Sendable {
    /// Keys by slot; `empty` marks a free slot (a key equal to it is kept in `emptyKeyValue`).
    private let keys: [UInt64]
    private let values: [Value?]
    private let emptyKeyValue: Value?
    private let shift: UInt64
    private let mask: Int
    /// One bit per key's low bits, four bits per slot: `contains` rejects most absent keys
    /// here, in an array a sixteenth of the keys' size that stays in cache (a rule's table is
    /// asked about every word the shared scan found, most of them another rule's).
    private let presence: [UInt64]
    private let presenceMask: UInt64
    static var empty: UInt64 { 0 }

    /// A table of `entries` (a later entry for the same key replaces an earlier one).
    init(_ entries: some Sequence<(UInt64, Value)>) {
        let list = Array(entries)
        var capacity = 8
        while capacity < list.count * 2 { capacity <<= 1 }
        let bits = UInt64(capacity.trailingZeroBitCount)
        shift = 64 - bits
        mask = capacity - 1
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        var emptyKeyValue: Value?
        for (key, value) in list {
            if key == Self.empty { emptyKeyValue = value; continue }
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.emptyKeyValue = emptyKeyValue
        let presenceBits = max(64, capacity * 4)
        var presence = [UInt64](repeating: 0, count: presenceBits / 64)
        for (key, _) in list {
            let bit = key & UInt64(presenceBits - 1)
            presence[Int(bit >> 6)] |= 1 << (bit & 63)
        }
        self.presence = presence
        presenceMask = UInt64(presenceBits - 1)
    }

    /// The value for `key`, nil if the table lacks it.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        if key == Self.empty { return emptyKeyValue }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `key` is in the table: its keys only (a stored key always has its value).
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let bit = key & presenceMask
        guard presence[Int(bit >> 6)] & (1 << (bit & 63)) != 0 else { return false }
        if key == Self.empty { return emptyKeyValue != nil }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return true }
            if found == Self.empty { return false }
            slot = (slot + 1) & mask
        }
    }
}

extension WordHashTable where Value == Bool {
    /// A set of word hashes.
    init(set keys: some Sequence<UInt64>) { self.init(keys.lazy.map { ($0, true) }) }
}

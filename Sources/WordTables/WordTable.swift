/// A read-only set of words, looked up case-insensitively by `WordKey` hash, that says how
/// the list spells each word (`WordFlags`). Its slots are read where they lie: in the binary's
/// read-only data for a table laid out at build time (`init(static:)`), or in memory it owns
/// for a list read at run time (`init(words:)`).
public final class WordTable: @unchecked Sendable {
    // @unchecked: the slots are never written after init, so sharing them across tasks is safe.
    private let base: UnsafePointer<UInt8>
    private let owned: UnsafeMutablePointer<UInt8>?
    public let slotCount: Int

    /// A table laid out at build time (`WordTableBuilder.layoutString`), read in place.
    /// Returns nil when the literal is not a table (not a power-of-two number of slots, at least 64).
    public init?(static literal: StaticString) {
        let count = literal.utf8CodeUnitCount
        guard literal.hasPointerRepresentation, count % WordTableLayout.slotWidth == 0 else { return nil }
        let slots = count / WordTableLayout.slotWidth
        guard slots >= 64, slots & (slots - 1) == 0 else { return nil }
        base = literal.utf8Start
        owned = nil
        slotCount = slots
    }

    /// A table of `words`, laid out now.
    public convenience init(words: [String]) {
        self.init(layout: WordTableBuilder.layout(words))
    }

    init(layout bytes: [UInt8]) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        storage.initialize(from: bytes, count: bytes.count)
        owned = storage
        base = UnsafePointer(storage)
        slotCount = bytes.count / WordTableLayout.slotWidth
    }

    deinit { owned?.deallocate() }

    /// How the list spells the word whose `WordKey` hash is `key`; nil if it lacks the word.
    @inline(__always)
    public func flags(forKey key: UInt64) -> WordFlags? {
        let (first, fingerprint) = WordTableLayout.place(key, slotCount: slotCount)
        var slot = first
        while true {
            let value = WordTableLayout.decode(base, slot: slot)
            if value == 0 { return nil }
            if value >> UInt32(WordTableLayout.flagBits) == fingerprint {
                return WordFlags(rawValue: UInt8(value & 3))
            }
            slot = (slot + 1) & (slotCount - 1)
        }
    }

    /// How the list spells `word`; nil if it lacks it.
    public func flags(of word: String) -> WordFlags? { flags(forKey: WordKey.hash(word)) }

    /// Whether the list has `word` in any spelling.
    public func contains(_ word: String) -> Bool { flags(of: word) != nil }
}

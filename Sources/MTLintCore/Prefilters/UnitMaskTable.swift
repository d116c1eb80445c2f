#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bit mask for each of the 65,536 UTF-16 code units, zero until set. The memory comes
/// zeroed from the system (`calloc`), so the pages of units nobody sets are never touched:
/// a table for a few hundred units costs a few pages instead of writing 512 KB.
final class UnitMaskTable {
    static let count = 1 << 16
    private let masks: UnsafeMutablePointer<UInt64>

    init() {
        guard let memory = calloc(Self.count, MemoryLayout<UInt64>.stride) else {
            fatalError("cannot allocate a \(Self.count)-entry mask table")
        }
        masks = memory.bindMemory(to: UInt64.self, capacity: Self.count)
    }

    deinit { free(masks) }

    /// Adds `bit` to `unit`'s mask.
    func insert(_ bit: UInt64, for unit: UInt16) { masks[Int(unit)] |= bit }

    /// The masks, indexed by unit, for tight loops: valid while the table lives (keep it alive
    /// around the loop with `withExtendedLifetime`).
    var unsafeMasks: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: masks, count: Self.count) }
}

import CICU

/// The code points of an ICU set pattern (`\p{Lu}`, `\p{Nd}`, `[\p{N},.]`), as ICU's data and
/// ICU's regular expressions define them.
public enum ICUCharacterSet {
    /// The set's code points as ranges, in order; nil if `pattern` is not a valid ICU set.
    public static func ranges(of pattern: String) -> [ClosedRange<UInt32>]? {
        let units = Array(pattern.utf16)
        var capacity = 256
        while true {
            var buffer = [Int32](repeating: 0, count: 2 * capacity)
            let count = Int(mt_set_ranges(units, Int32(units.count), &buffer, Int32(capacity)))
            guard count >= 0 else { return nil }
            if count > capacity { capacity = count; continue }
            return (0..<count).map { UInt32(bitPattern: buffer[2 * $0])...UInt32(bitPattern: buffer[2 * $0 + 1]) }
        }
    }
}

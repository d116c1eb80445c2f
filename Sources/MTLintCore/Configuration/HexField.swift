/// A set of unsigned numbers written as one field of a build-time layout (see `LaidOutValues`):
/// each number in exactly as many lower-case hex digits as its type holds (4 for `UInt16`, 16
/// for `UInt64`), ascending, with no separator. `FurnitureVocabularyLayout` writes word
/// hashes so, `RequirementLayout` UTF-16 units.
public enum HexField {
    /// The field for `values`: empty when there are none.
    public static func text<Value: FixedWidthInteger & UnsignedInteger>(_ values: some Sequence<Value>) -> String {
        let width = Value.bitWidth / 4
        return values.sorted().map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: width - digits.count) + digits
        }.joined()
    }

    /// The numbers a field holds; nil if it is not a whole number of numbers in lower-case hex,
    /// strictly ascending (as `text` writes them).
    static func values<Value: FixedWidthInteger & UnsignedInteger>(_ field: Slice<UnsafeBufferPointer<UInt8>>,
                                                                   as type: Value.Type) -> Set<Value>? {
        guard let values = ascendingValues(field, as: type) else { return nil }
        return Set(values)
    }

    /// The numbers a field holds, in its order; nil if it is not a whole number of numbers in
    /// lower-case hex, strictly ascending (as `text` writes them).
    static func ascendingValues<Value: FixedWidthInteger & UnsignedInteger>(_ field: Slice<UnsafeBufferPointer<UInt8>>,
                                                                            as type: Value.Type) -> [Value]? {
        let width = Value.bitWidth / 4
        guard field.count % width == 0 else { return nil }
        var values: [Value] = []
        values.reserveCapacity(field.count / width)
        var index = field.startIndex
        while index < field.endIndex {
            var value: Value = 0
            for byte in field[index..<index + width] {
                let digit = byte &- UInt8(ascii: "0") < 10 ? byte &- UInt8(ascii: "0") : byte &- UInt8(ascii: "a") &+ 10
                guard digit < 16 else { return nil }
                value = value << 4 | Value(digit)
            }
            if let last = values.last, last >= value { return nil }
            values.append(value)
            index += width
        }
        return values
    }
}

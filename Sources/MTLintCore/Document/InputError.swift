/// Why bytes could not be turned into a document.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first byte that is not part of a valid UTF-8 sequence.
    case invalidUTF8(byteOffset: Int)
    /// A NUL byte: the file is binary, not text.
    case binary(byteOffset: Int)
    /// Larger than ICU's 32-bit offsets allow.
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
        case .binary(let offset): "binary file (NUL byte at \(offset)), skipped"
        case .tooLarge(let bytes): "file too large (\(bytes) bytes; the limit is 2 GiB)"
        }
    }
}

import CICU

/// An immutable UTF-16 buffer at a stable address, shared by every ICU pass over a document.
/// The per-unit accessors are inlinable: rules call them for every unit they walk.
///
/// ICU keeps pointers to the text it iterates, so the storage must not move: it is allocated
/// once and freed when the last reference goes away.
public final class UTF16Text: @unchecked Sendable {
    public let units: UnsafeBufferPointer<UInt16>

    @inlinable public var count: Int { units.count }

    private init(adopting buffer: UnsafeMutableBufferPointer<UInt16>, count: Int) {
        units = UnsafeBufferPointer(rebasing: buffer[0..<count])
    }

    deinit { units.deallocate() }

    /// Copies UTF-16 code units.
    public convenience init<C: Collection>(units source: C) where C.Element == UInt16 {
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(source.count, 1))
        _ = buffer.initialize(from: source)
        self.init(adopting: buffer, count: source.count)
    }

    public convenience init(_ string: String) {
        self.init(units: string.utf16)
    }

    /// Strict UTF-8 → UTF-16 with ICU's converter; returns nil when the bytes are not valid
    /// UTF-8 (the caller finds where with `UTF8Validation`).
    public convenience init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count < Int(Int32.max) else { return nil }
        // UTF-16 never needs more units than UTF-8 has bytes.
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(bytes.count, 1))
        var status: Int32 = 0
        let written = bytes.withMemoryRebound(to: CChar.self) { source in
            mt_utf8_to_utf16(source.baseAddress, Int32(source.count), buffer.baseAddress, Int32(buffer.count), &status)
        }
        if status > 0 {
            buffer.deallocate()
            return nil
        }
        self.init(adopting: buffer, count: Int(written))
    }

    @inlinable public subscript(_ index: Int) -> UInt16 { units[index] }

    /// The text of `range` as a Swift string.
    /// Transcoded here rather than by `String(decoding:as:)`, whose UTF-16 path validates and
    /// repairs unit by unit (it was a visible share of messages and previews): a lone surrogate
    /// becomes U+FFFD, as it does there.
    public func string(_ range: Range<Int>) -> String {
        Self.string(UnsafeBufferPointer(rebasing: units[range]))
    }

    /// `units` as a Swift string, transcoded as `string(_:)` does (for UTF-16 that ICU writes
    /// into a buffer: the generic `String(decoding:as:)` also looks its types up at run time).
    public static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        guard !units.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: units.count * 3) { transcode(units, into: $0) }
    }

    /// The UTF-8 bytes of `range`, transcoded as `string(_:)` does, in an array of exactly
    /// their size (a fix rebuilds a whole document's bytes).
    public func utf8(_ range: Range<Int>) -> [UInt8] {
        let source = UnsafeBufferPointer(rebasing: units[range])
        var size = 0
        var i = 0
        while i < source.count {
            let unit = source[i]
            if unit < 0x80 {
                size += 1
            } else if unit < 0x800 {
                size += 2
            } else if UTF16.isLeadSurrogate(unit), i + 1 < source.count, UTF16.isTrailSurrogate(source[i + 1]) {
                size += 4
                i += 1
            } else {
                size += 3  // the rest of the BMP, or a lone surrogate written as U+FFFD
            }
            i += 1
        }
        return [UInt8](unsafeUninitializedCapacity: size) { output, written in
            written = Self.transcode(source, into: output)
        }
    }

    /// Writes `source` as UTF-8 into `output`, which has room for it (three bytes a unit always
    /// suffice); returns the count.
    private static func transcode(_ source: UnsafeBufferPointer<UInt16>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var i = 0
        let count = source.count
        while i < count {
            let unit = source[i]
            if unit < 0x80 {
                output[written] = UInt8(truncatingIfNeeded: unit)
                written += 1
                i += 1
                continue
            }
            var scalar = UInt32(unit)
            if UTF16.isLeadSurrogate(unit) {
                if i + 1 < count, UTF16.isTrailSurrogate(source[i + 1]) {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(source[i + 1]) - 0xDC00)
                    i += 1
                } else {
                    scalar = 0xFFFD
                }
            } else if UTF16.isTrailSurrogate(unit) {
                scalar = 0xFFFD
            }
            i += 1
            if scalar < 0x800 {
                output[written] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
                output[written + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                written += 2
            } else if scalar < 0x10000 {
                output[written] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
                output[written + 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
                output[written + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                written += 3
            } else {
                output[written] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
                output[written + 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
                output[written + 2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
                output[written + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                written += 4
            }
        }
        return written
    }

    public var string: String { string(0..<count) }

    /// The code point at `index`, combining a surrogate pair; lone surrogates come back as is.
    @inlinable
    public func codePoint(at index: Int) -> UInt32 {
        let unit = units[index]
        if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
            return 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
        }
        return UInt32(unit)
    }

    /// The code point ending just before `index`.
    @inlinable
    public func codePoint(before index: Int) -> UInt32 {
        let unit = units[index - 1]
        if UTF16.isTrailSurrogate(unit), index >= 2, UTF16.isLeadSurrogate(units[index - 2]) {
            return codePoint(at: index - 2)
        }
        return UInt32(unit)
    }

    /// The start of the code point before `index`.
    @inlinable
    public func index(before index: Int) -> Int {
        if UTF16.isTrailSurrogate(units[index - 1]), index >= 2, UTF16.isLeadSurrogate(units[index - 2]) {
            return index - 2
        }
        return index - 1
    }

    /// The index after the code point at `index`.
    @inlinable
    public func index(after index: Int) -> Int {
        if UTF16.isLeadSurrogate(units[index]), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
            return index + 2
        }
        return index + 1
    }
}

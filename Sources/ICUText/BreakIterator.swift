import CICU

/// The kinds of text boundaries ICU finds.
public enum BreakKind: Int32, Sendable {
    case character = 0
    case word = 1
    case line = 2
    case sentence = 3
}

/// What an ICU word segment is, from its rule status.
public enum WordKind: Sendable, Equatable {
    case none, number, letter, kana, ideographic

    init(status: Int32) {
        switch Int(status) {
        case MT_WORD_NUMBER..<MT_WORD_NUMBER_LIMIT: self = .number
        case MT_WORD_LETTER..<MT_WORD_LETTER_LIMIT: self = .letter
        case MT_WORD_KANA..<MT_WORD_KANA_LIMIT: self = .kana
        case MT_WORD_IDEO..<MT_WORD_IDEO_LIMIT: self = .ideographic
        default: self = .none
        }
    }
}

/// An ICU break iterator over one `UTF16Text`. Stateful and not thread-safe: one per task.
public final class BreakIterator {
    private let handle: OpaquePointer

    /// A clone of the process's prototype for `kind` and `locale` (see `BreakIteratorPrototypes`).
    public init(kind: BreakKind, locale: String) throws(ICUError) {
        handle = try BreakIteratorPrototypes.shared.iterator(kind: kind, locale: locale)
    }

    deinit { mt_break_close(handle) }

    /// Boundaries of `text` in `range`, including the range's start and end, and (when
    /// `withWordKinds`) the kind of segment each boundary after the first one closes.
    ///
    /// ICU is given the sub-buffer, so its rules see nothing outside the range; boundaries come
    /// back in document offsets.
    public func boundaries(of text: UTF16Text, in range: Range<Int>, withWordKinds: Bool = false) throws(ICUError) -> (offsets: [Int], kinds: [WordKind]) {
        var offsets: [Int] = []
        offsets.reserveCapacity(range.count / (withWordKinds ? 4 : 60) + 2)
        var kinds: [WordKind] = []
        if withWordKinds { kinds.reserveCapacity(offsets.capacity) }
        var buffers = ChunkBuffers()
        try append(text, range, to: &offsets, kinds: &kinds, withKinds: withWordKinds, buffers: &buffers)
        return (offsets, kinds)
    }

    /// The boundaries of each of `ranges`, each segmented on its own as `boundaries(of:in:)`
    /// does, one after the other: each range contributes its start, its inner boundaries and its
    /// end. For many short ranges this saves the per-call set-up.
    public func boundaries(of text: UTF16Text, inEach ranges: [Range<Int>]) throws(ICUError) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(ranges.reduce(0) { $0 + $1.count } / 60 + 2 * ranges.count)
        var buffers = ChunkBuffers()
        var noKinds: [WordKind] = []
        for range in ranges { try append(text, range, to: &offsets, kinds: &noKinds, withKinds: false, buffers: &buffers) }
        return offsets
    }

    /// Room for boundaries (and rule statuses) fetched from ICU in chunks.
    private struct ChunkBuffers {
        static let capacity = 512
        var boundaries = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
    }

    /// Appends the range's start and every boundary after it (with kinds when `kinds` is given).
    private func append(_ text: UTF16Text, _ range: Range<Int>, to offsets: inout [Int], kinds: inout [WordKind], withKinds: Bool,
                        buffers: inout ChunkBuffers) throws(ICUError) {
        var status: Int32 = 0
        let base = text.units.baseAddress.map { $0 + range.lowerBound }
        mt_break_set_text(handle, base, Int32(range.count), &status)
        try ICUError.check(status)
        defer { mt_break_set_text(handle, nil, 0, &status) }
        offsets.append(range.lowerBound)
        let capacity = ChunkBuffers.capacity
        _ = mt_break_first(handle)
        while true {
            let count = Int(buffers.boundaries.withUnsafeMutableBufferPointer { boundaryBuffer in
                buffers.statuses.withUnsafeMutableBufferPointer { statusBuffer in
                    mt_break_next_boundaries(handle, boundaryBuffer.baseAddress,
                                             withKinds ? statusBuffer.baseAddress : nil, Int32(capacity))
                }
            })
            if count == 0 { break }
            for i in 0..<count { offsets.append(range.lowerBound + Int(buffers.boundaries[i])) }
            if withKinds {
                for i in 0..<count { kinds.append(WordKind(status: buffers.statuses[i])) }
            }
        }
    }
}

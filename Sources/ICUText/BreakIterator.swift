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

    public init(kind: BreakKind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        let opened = mt_break_open(kind.rawValue, locale, &status)
        try ICUError.check(status)
        guard let opened else { throw ICUError(status: 1) }
        handle = opened
    }

    deinit { mt_break_close(handle) }

    /// Boundaries of `text` in `range`, including the range's start and end, and (when
    /// `withWordKinds`) the kind of segment each boundary after the first one closes.
    ///
    /// ICU is given the sub-buffer, so its rules see nothing outside the range; boundaries come
    /// back in document offsets.
    public func boundaries(of text: UTF16Text, in range: Range<Int>, withWordKinds: Bool = false) throws(ICUError) -> (offsets: [Int], kinds: [WordKind]) {
        var status: Int32 = 0
        let base = text.units.baseAddress.map { $0 + range.lowerBound }
        mt_break_set_text(handle, base, Int32(range.count), &status)
        try ICUError.check(status)
        defer { mt_break_set_text(handle, nil, 0, &status) }
        var offsets: [Int] = [range.lowerBound]
        offsets.reserveCapacity(range.count / (withWordKinds ? 4 : 60) + 2)
        var kinds: [WordKind] = []
        if withWordKinds { kinds.reserveCapacity(offsets.capacity) }
        let capacity = 512
        var chunk = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        _ = mt_break_first(handle)
        while true {
            let count = Int(chunk.withUnsafeMutableBufferPointer { boundaryBuffer in
                statuses.withUnsafeMutableBufferPointer { statusBuffer in
                    mt_break_next_boundaries(handle, boundaryBuffer.baseAddress,
                                             withWordKinds ? statusBuffer.baseAddress : nil, Int32(capacity))
                }
            })
            if count == 0 { break }
            for i in 0..<count { offsets.append(range.lowerBound + Int(chunk[i])) }
            if withWordKinds {
                for i in 0..<count { kinds.append(WordKind(status: statuses[i])) }
            }
        }
        return (offsets, kinds)
    }
}

import ICUText

/// ICU break iterators for one task, opened on first use and reused for every document.
public final class Segmenter {
    public let sentenceLocale: String
    public let wordLocale: String
    private var sentenceIterator: BreakIterator?
    private var wordIterator: BreakIterator?

    /// `sentenceLocale` defaults to `en_US@ss=standard`, which does not split after "Mr.".
    public init(sentenceLocale: String = "en_US@ss=standard", wordLocale: String = "en_US") {
        self.sentenceLocale = sentenceLocale
        self.wordLocale = wordLocale
    }

    func sentenceBoundaries(of text: UTF16Text) -> [Int] {
        boundaries(.sentence, of: text, withKinds: false).offsets
    }

    /// The sentence boundaries of each of `ranges` segmented on its own, one range after the
    /// other (see `BreakIterator.boundaries(of:inEach:)`).
    func sentenceBoundaries(of text: UTF16Text, inEach ranges: [Range<Int>]) -> [Int] {
        guard !ranges.isEmpty else { return [] }
        do {
            return try iterator(.sentence).boundaries(of: text, inEach: ranges)
        } catch {
            // As in `boundaries`: each range one segment.
            return ranges.flatMap { [$0.lowerBound, $0.upperBound] }
        }
    }

    func wordBoundaries(of text: UTF16Text) -> (offsets: [Int], kinds: [WordKind]) {
        boundaries(.word, of: text, withKinds: true)
    }

    private func boundaries(_ kind: BreakKind, of text: UTF16Text, withKinds: Bool) -> (offsets: [Int], kinds: [WordKind]) {
        guard text.count > 0 else { return ([0], []) }
        do {
            let iterator = try iterator(kind)
            return try iterator.boundaries(of: text, in: 0..<text.count, withWordKinds: withKinds)
        } catch {
            // ICU failing to open its own break rules means a broken installation; fall back
            // to a single segment rather than crash, so line- and pattern-based rules still run.
            return ([0, text.count], withKinds ? [.none] : [])
        }
    }

    private func iterator(_ kind: BreakKind) throws(ICUError) -> BreakIterator {
        switch kind {
        case .sentence:
            if let sentenceIterator { return sentenceIterator }
            let made = try BreakIterator(kind: .sentence, locale: sentenceLocale)
            sentenceIterator = made
            return made
        default:
            if let wordIterator { return wordIterator }
            let made = try BreakIterator(kind: .word, locale: wordLocale)
            wordIterator = made
            return made
        }
    }
}

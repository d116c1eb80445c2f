import ICUText

/// ICU's one-time set-up, done on another thread while the caller does other work (loading
/// rules): the regex engine's static sets and the Unicode property and case data its first
/// pattern builds from (about a millisecond), and the sentence-break iterator of a locale
/// (0.6 ms), which every linter's iterator is then cloned from (see `BreakIteratorPrototypes`).
/// ICU builds each once per process behind its own locks, so the first regex or break iterator
/// a linter makes finds them ready. If the thread has not started when the caller finishes,
/// ICU sets itself up when first used, as it would anyway (see `HeadStart`).
final class ICUWarmUp: Sendable {
    private let setUp: HeadStart<Bool>

    init(sentenceLocale: String) {
        setUp = HeadStart {
            let regex = try? ICUText.Regex("\\p{Lu}", options: .caseInsensitive)
            let iterator = try? BreakIterator(kind: .sentence, locale: sentenceLocale)
            return regex != nil && iterator != nil
        }
    }

    /// Returns once the set-up is done or given up.
    func finish() { setUp.finish() }
}

import ICUText

/// ICU's one-time set-up: the regex engine's static sets and the Unicode property and case
/// data its first pattern builds from (about a millisecond), and the sentence-break iterator of
/// a locale (0.6 ms), which every linter's iterator is then cloned from (see
/// `BreakIteratorPrototypes`). ICU builds each once per process behind its own locks, so the
/// first regex or break iterator a linter makes finds them ready.
///
/// Where it runs depends on what the other core is doing:
/// - While the shipped rules decode there (`ShippedRulesPrefetch`), on the calling thread, at
///   once. A thread of its own would share that core with the decoding, whose set-up the caller
///   waits for before it decodes too: a 2 KB lint took 1.1 ms longer that way (interleaved
///   runs, Benchmarks/RESULTS.md).
/// - Otherwise on another thread while the caller loads rules; if that thread has not started
///   when the caller finishes, ICU sets itself up when first used, as it would anyway (see
///   `HeadStart`).
final class ICUWarmUp: Sendable {
    private let setUp: HeadStart<Bool>?

    init(sentenceLocale: String, onCallingThread: Bool) {
        let work: @Sendable () -> Bool = {
            let regex = try? ICUText.Regex("\\p{Lu}", options: .caseInsensitive)
            // The binary properties the general categories are compiled as (see
            // `GeneralCategorySpelling`), and the one credit names use: ICU builds each set once
            // per process, behind a lock the lint's threads would otherwise wait at.
            let properties = try? ICUText.Regex(GeneralCategorySpelling.warmUpPattern)
            GeneralCategorySpelling.prepare()
            let iterator = try? BreakIterator(kind: .sentence, locale: sentenceLocale)
            return regex != nil && properties != nil && iterator != nil
        }
        if onCallingThread {
            _ = work()
            setUp = nil
        } else {
            setUp = HeadStart(work)
        }
    }

    /// Returns once the set-up is done or given up.
    func finish() { setUp?.finish() }
}

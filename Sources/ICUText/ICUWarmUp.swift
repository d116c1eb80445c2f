import Dispatch

/// ICU's one-time set-up, done on another thread while the caller does other work (loading
/// rules): the regex engine's static sets and the Unicode property and case data its first
/// pattern builds from (about a millisecond), and the sentence-break data of a locale. ICU
/// builds each once per process behind its own locks, so the first regex or break iterator a
/// linter makes finds them ready. Nothing it makes is kept: only ICU's caches change.
public final class ICUWarmUp: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    public init(sentenceLocale: String) {
        let finished = finished
        DispatchQueue.global(qos: .userInitiated).async {
            _ = try? Regex("\\p{Lu}", options: .caseInsensitive)
            _ = try? BreakIterator(kind: .sentence, locale: sentenceLocale)
            finished.signal()
        }
    }

    /// Returns when the set-up is done, at once if it already is. Call it before exiting, so
    /// the set-up never runs while the process tears down.
    public func wait() {
        finished.wait()
        finished.signal()
    }
}

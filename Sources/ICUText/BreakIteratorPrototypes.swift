import CICU
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One opened break iterator per kind and locale, kept for the life of the process and never
/// used to iterate: every `BreakIterator` is cloned from it. Opening an `en_US@ss=standard`
/// sentence iterator builds its exception filter from ICU's data each time (0.19 ms once the
/// data is loaded, 0.6 ms the first time, measured on the 2-core VM), and each linter, each
/// thread's copy and ICU's warm-up opened one; a clone shares the rules and the filter (4 µs).
/// A clone iterates exactly as a newly opened iterator does.
final class BreakIteratorPrototypes: @unchecked Sendable {
    static let shared = BreakIteratorPrototypes()

    private struct Key: Hashable {
        let kind: BreakKind
        let locale: String
    }

    /// Guards `prototypes`. Cloning happens under it too: ICU allows cloning an iterator from
    /// several threads only while nothing else uses it, and opening a prototype under it makes a
    /// second thread wait for the first one's rather than open its own.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var prototypes: [Key: OpaquePointer] = [:]

    private init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    /// A new iterator of `kind` for `locale`, which the caller closes.
    func iterator(kind: BreakKind, locale: String) throws(ICUError) -> OpaquePointer {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let key = Key(kind: kind, locale: locale)
        let prototype: OpaquePointer
        if let known = prototypes[key] {
            prototype = known
        } else {
            var status: Int32 = 0
            let opened = mt_break_open(kind.rawValue, locale, &status)
            try ICUError.check(status)
            guard let opened else { throw ICUError(status: 1) }
            prototypes[key] = opened
            prototype = opened
        }
        var status: Int32 = 0
        let clone = mt_break_clone(prototype, &status)
        try ICUError.check(status)
        guard let clone else { throw ICUError(status: 1) }
        return clone
    }

    /// Whether the prototype for `kind` and `locale` is open (for tests: who opened it first).
    func hasPrototype(kind: BreakKind, locale: String) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return prototypes[Key(kind: kind, locale: locale)] != nil
    }
}

import Testing
@testable import ICUText
@testable import MTLintCLI

/// ICU's set-up opens the sentence iterator that linters clone, at once on the calling thread
/// when asked to (the shipped rules are decoding on the other core).
@Suite struct ICUWarmUpTests {
    @Test func onTheCallingThreadTheIteratorIsReadyWhenItReturns() {
        // A locale no other test opens, so that the prototype can only come from this warm-up.
        let locale = "fr_CA@ss=standard"
        #expect(!BreakIteratorPrototypes.shared.hasPrototype(kind: .sentence, locale: locale))
        let warmUp = ICUWarmUp(sentenceLocale: locale, onCallingThread: true)
        #expect(BreakIteratorPrototypes.shared.hasPrototype(kind: .sentence, locale: locale))
        warmUp.finish()
    }
}

import Testing
@testable import MTLintCore

/// Analyses several rules read (`DocumentScan.shared`) are made once per key and value type.
@Suite struct SharedAnalysisTests {
    private struct QuoteKey: Hashable, Sendable { let target: String }
    private struct OtherKey: Hashable, Sendable { let target: String }

    @Test func eachKeyIsMadeOnceAndKeysOfOtherTypesAreApart() {
        let scan = DocumentScan(document: Document("He said “yes”.\n"), prefilter: CharacterPrefilter(regexes: []),
                                words: WordScanWords(wanted: [], followers: [:]))
        var made = 0
        func analysis<Key: Hashable & Sendable>(_ key: Key, _ value: Int) -> Int {
            scan.shared(key) { () -> Int in
                made += 1
                return value
            }
        }
        #expect(analysis(QuoteKey(target: "en"), 1) == 1)
        #expect(analysis(QuoteKey(target: "en"), 2) == 1)
        #expect(analysis(QuoteKey(target: "fr"), 3) == 3)
        // The same fields under another type are another key.
        #expect(analysis(OtherKey(target: "en"), 4) == 4)
        #expect(made == 3)
        // The same key asked for another type of value makes that value too.
        #expect(scan.shared(QuoteKey(target: "en")) { "text" } == "text")
        #expect(scan.shared(QuoteKey(target: "en")) { "again" } == "text")
        #expect(analysis(QuoteKey(target: "en"), 5) == 1)
    }
}

import PropertyBased
import Testing
@testable import MTLintCore

/// The word scan's hash table answers as a dictionary would: keys that share slots, the key
/// that marks a free slot, and keys it never held.
@Suite struct WordHashTableTests {
    @Test func answersAsADictionaryDoes() async {
        // Small keys and multiples of 2^58 crowd a few slots; 0 is the free-slot marker.
        let keys: [UInt64] = [0, 1, 2, 3, 1 << 58, 2 << 58, 3 << 58, .max, 0x9E37_79B9_7F4A_7C15, 12_345, 99]
        await propertyCheck(count: 500, input: Gen<UInt64?>.element(of: keys).array(of: 0...9),
                            Gen<UInt64?>.element(of: keys).array(of: 1...6)) { stored, probes in
            var expected: [UInt64: Int] = [:]
            var entries: [(UInt64, Int)] = []
            for (index, key) in stored.compactMap({ $0 }).enumerated() {
                expected[key] = index
                entries.append((key, index))
            }
            let table = WordHashTable(entries)
            for probe in probes.compactMap({ $0 }) + stored.compactMap({ $0 }) {
                #expect(table[probe] == expected[probe], "\(stored) \(probe)")
            }
        }
    }

    @Test func scanWordsFindWantedWordsAndTheirFollowers() {
        let wanted = Set(["since", "the", "federal"].compactMap(WordHash.firstWord))
        let followers = [WordHash.firstWord(of: "the")!: Set(["head"].compactMap(WordHash.firstWord))]
        let text = Document("The head of the state, since Monday; the Federal office.").text
        let hits = WordHash.hits(in: text, words: WordScanWords(wanted: wanted, followers: followers))
        #expect(hits.map(\.position) == [0, 23, 41])
    }
}

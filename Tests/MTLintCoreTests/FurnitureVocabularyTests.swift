import PropertyBased
import Testing
@testable import MTLintCore

/// A vocabulary laid out from its entries holds what hashing each entry's words one by one gives.
@Suite struct FurnitureVocabularyTests {
    static let pieces = ["Read", "more", "- ", "Advertisement", "ÉDITION", "Istoчник", "likeRELATED", "2024", " ", "·", "|", "’s",
                         "e\u{301}", "🙂", "北约", "AFP", "photo", "--", ""]

    @Test func laidOutEntriesMatchTheirWordHashes() async {
        await propertyCheck(count: 500, input: Gen<String?>.element(of: Self.pieces).array(of: 0...6).array(of: 0...8)) { lists in
            let entries = lists.map { $0.compactMap { $0 }.joined(separator: " ") }
            let vocabulary = FurnitureVocabulary(entries: entries)
            let hashed = entries.map(FurnitureText.wordHashes(of:)).filter { !$0.isEmpty }
            #expect(vocabulary.sequences == Set(hashed.map(FurnitureText.sequenceHash)))
            #expect(vocabulary.words == Set(hashed.filter { $0.count == 1 }.map { $0[0] }))
            #expect(vocabulary.firstWords == Set(hashed.map { $0[0] }))
            #expect(vocabulary.longest == hashed.map(\.count).max() ?? 0)
            #expect(vocabulary.count == hashed.count)
            let spellings = entries.compactMap { entry -> String? in
                let units = entry.utf16
                guard let start = units.firstIndex(where: WordHash.isWordUnit) else { return nil }
                let end = units[start...].firstIndex { !WordHash.isWordUnit($0) } ?? units.endIndex
                return String(entry[start..<end]).lowercased()
            }
            #expect(vocabulary.firstSpellings == Set(spellings))
        }
    }
}

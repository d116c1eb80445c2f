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
            #expect(vocabulary.sequences == Set(hashed.map(FurnitureText.sequenceHash)).sorted())
            #expect(vocabulary.words == Set(hashed.filter { $0.count == 1 }.map { $0[0] }).sorted())
            #expect(vocabulary.firstWords == Set(hashed.map { $0[0] }).sorted())
            #expect(vocabulary.longest == hashed.map(\.count).max() ?? 0)
            #expect(vocabulary.count == hashed.count)
            let spellings = entries.compactMap { entry -> String? in
                let units = entry.utf16
                guard let start = units.firstIndex(where: WordHash.isWordUnit) else { return nil }
                let end = units[start...].firstIndex { !WordHash.isWordUnit($0) } ?? units.endIndex
                return String(entry[start..<end]).lowercased()
            }
            #expect(vocabulary.firstSpellings == Set(spellings).sorted())
        }
    }

    /// Two vocabularies merged hold what one made of both lists' entries holds, and read back
    /// from its layout, a vocabulary is the one its entries make.
    @Test func mergedAndLaidOutVocabulariesMatchTheirEntries() async {
        let entry = Gen<String?>.element(of: Self.pieces).array(of: 0...5).map { $0.compactMap { $0 }.joined(separator: " ") }
        await propertyCheck(count: 300, input: entry.array(of: 0...8), entry.array(of: 0...8)) { first, second in
            var merged = FurnitureVocabulary(entries: first)
            merged.formUnion(FurnitureVocabulary(entries: second))
            let whole = FurnitureVocabulary(entries: first + second)
            #expect(merged.sequences == whole.sequences)
            #expect(merged.words == whole.words)
            #expect(merged.firstWords == whole.firstWords)
            #expect(merged.firstSpellings == whole.firstSpellings)
            #expect(merged.longest == whole.longest)
            #expect(merged.count == whole.count)
            guard let layout = FurnitureVocabularyLayout.layout(ofList: (first + second).joined(separator: "\n")) else {
                #expect(whole.isEmpty)
                return
            }
            let read = Array(layout.utf8).withUnsafeBufferPointer { FurnitureVocabularyLayout.vocabulary(fromLayout: $0) }
            #expect(read?.sequences == whole.sequences)
            #expect(read?.firstSpellings == whole.firstSpellings)
        }
    }

    @Test func spellingsOutOfOrderAreNoLayout() {
        let unordered = "1 2\n\n\n\nzebra\napple"
        #expect(Array(unordered.utf8).withUnsafeBufferPointer { FurnitureVocabularyLayout.vocabulary(fromLayout: $0) } == nil)
        let ordered = "1 2\n\n\n\napple\nzebra"
        #expect(Array(ordered.utf8).withUnsafeBufferPointer { FurnitureVocabularyLayout.vocabulary(fromLayout: $0) } != nil)
    }
}

import Testing
@testable import MTLintCore

/// How the furniture rules fold and compare text (FurnitureText, FurnitureVocabulary) and the
/// cross-document census.
@Suite struct FurnitureTextTests {
    func words(_ text: String) -> [UInt64] { FurnitureText.wordHashes(of: text) }

    func tokens(_ text: String) -> [FurnitureToken] {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { FurnitureText.tokens($0, in: 0..<$0.count) }
    }

    @Test func decorationCaseAndDigitsDoNotCount() {
        #expect(words("― ADVERTISEMENT ―") == words("- Advertisement -"))
        #expect(words("Advertisement:") == words("advertisement"))
        #expect(words("[ad_1]") == words("[ad_2]"))
        #expect(words("Posted at 9:41 a.m.") == words("posted at 10:05 A.M."))
        #expect(words("Reading time : 1 min.") == words("Reading time: 12 min"))
        #expect(words(">>> Relive the final") == words("Relive the final"))
        #expect(words("Advertisement revenue") != words("Advertisement"))
    }

    @Test func accentsAndLookAlikeLettersFold() {
        #expect(words("À lire aussi") == words("A lire aussi"))
        #expect(words("Źródło") == words("zrodlo"))
        // A Cyrillic word written with a Latin o reads as the Cyrillic word.
        #expect(words("Истoчник") == words("Источник"))
        #expect(words("Источник") != words("Istochnik"))
    }

    @Test func gluedBlocksSplitAtTheirSeam() {
        let glued = tokens("Previous articleAbbas in Ramallah")
        #expect(glued.count == 5)
        #expect(glued.map(\.glued) == [false, false, true, false, false])
        #expect(words("Previous articleAbbas") == words("Previous article Abbas"))
        // Capitals after capitals stay one word.
        #expect(tokens("NATO summit").count == 2)
    }

    @Test func vocabularyFindsWholeLinesPrefixesAndPhrases() {
        let vocabulary = FurnitureVocabulary(entries: ["Read also", "Read", "min read", "0 mins ago"])
        #expect(vocabulary.matchesWhole(tokens("READ ALSO:")[...]))
        #expect(!vocabulary.matchesWhole(tokens("Read also the letter")[...]))
        #expect(vocabulary.longestPrefix(of: tokens("Read also: Storm closes the port")[...]) == 2)
        #expect(vocabulary.longestPrefix(of: tokens("Reading the letter")[...]) == nil)
        let byline = tokens("Anna Berg 17 mins ago 2 min read")
        let found = vocabulary.firstOccurrence(in: byline[...])
        #expect(found?.start == 2 && found?.count == 3)
    }

    @Test func everyFeatureHasABitAndANameTheRuleFileUses() {
        #expect(FurnitureFeature.allCases.count < 64)
        var set = FurnitureFeatures()
        for feature in FurnitureFeature.allCases { set.insert(feature) }
        #expect(set.all == FurnitureFeature.allCases)
        #expect(Set(FurnitureFeature.allCases.map(\.name)).count == FurnitureFeature.allCases.count)
        #expect(FurnitureFeature.allCases.allSatisfy { FurnitureFeature(name: $0.name) == $0 })
    }

    @Test func repetitionKeysKeepDigitsAndSkipSentences() {
        let document = Document("Vote on day 2\n\nVote on day 3\n\nThe council met on Tuesday to vote.\n\nWeekend desk\n")
        let keys = CorpusCensus.keys(of: document)
        // Two headlines that differ by a digit, the desk line; not the sentence.
        #expect(keys.count == 3)
    }

    @Test func censusCountsDocumentsOverTheWindow() throws {
        let a = CorpusCensus.keys(of: Document("Story one.\n\nWeekend desk\n"))
        let b = CorpusCensus.keys(of: Document("Story two.\n\nWeekend desk\n"))
        let c = CorpusCensus.keys(of: Document("Story three.\n\nWeekend desk\n\nWeekend desk\n"))
        #expect(a.count == 1)
        let key = try #require(a.first)
        let census = CorpusCensus(batch: [b, c], previous: [a])
        #expect(census.documents(holding: key) == 3)
        #expect(CorpusCensus(batch: [c]).documents(holding: key) == 0)  // counts of one are dropped
        #expect(census.batchKeys.count == 2)
    }

    /// The scan hashes of a word are those of every look-alike spelling built as text and hashed
    /// by `WordHash` (the way they were first computed), for words with accents, Cyrillic
    /// twins, more than six twin letters (the 64-spelling cap) and leading punctuation.
    @Test func scanHashesAreTheHashesOfEverySpelling() {
        func reference(_ word: String) -> Set<UInt64> {
            let unaccented = String(decoding: word.utf16.map { u -> UInt16 in
                guard u >= 0xC0 && u < 0x180 else { return u }
                let base = FurnitureText.latinFold[Int(u - 0xC0)]
                return base == 0x2E ? u : base
            }, as: UTF16.self)
            var hashes = Set<UInt64>()
            for spelling in Set([word, unaccented]) {
                var variants: [[UInt16]] = [[]]
                for u in spelling.utf16 {
                    if let twin = FurnitureText.lookalikeTwin(u), variants.count < 64 {
                        variants = variants.flatMap { [$0 + [u], $0 + [twin]] }
                    } else {
                        variants = variants.map { $0 + [u] }
                    }
                }
                for variant in variants {
                    if let hash = WordHash.firstWord(of: String(decoding: variant, as: UTF16.self)) { hashes.insert(hash) }
                }
            }
            return hashes
        }
        for word in ["advertisement", "publicité", "источник", "istoчник", "subscriptions", "«lire", "anzeige", "x", "ça", "2024"] {
            #expect(FurnitureText.scanHashes(of: word) == reference(word), "\(word)")
        }
        #expect(FurnitureText.scanHashes(of: "subscriptions").count == 64)
    }
}

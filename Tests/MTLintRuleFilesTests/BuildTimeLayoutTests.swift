import ICUText
import Synchronization
import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// Values EmbedRulesTool works out from the shipped files when mtlint is built must be the
/// values decoding works out from the same files at run time, so that reading them back
/// changes nothing but the time a start takes.
@Suite struct BuildTimeLayoutTests {
    /// Every field a vocabulary's lookups use, in a form that compares.
    static func parts(_ vocabulary: FurnitureVocabulary) -> [String] {
        [vocabulary.sequences.sorted().description, vocabulary.words.sorted().description,
         vocabulary.firstWords.sorted().description, vocabulary.firstSpellings.sorted().description,
         "\(vocabulary.longest) \(vocabulary.count)"]
    }

    @Test func everyShippedListReadsBackAsTheVocabularyOfItsText() throws {
        let lists = RuleLoader.builtinFiles().filter { $0.path.hasSuffix(".txt") }
        #expect(lists.count >= 20)
        for list in lists {
            let path = String(list.path.dropFirst("Rules/".count))
            let made = FurnitureVocabulary(entries: WordListFile.entries(of: ListLines.split(list.text)))
            let laidOut = EmbeddedLayouts.value(purpose: FurnitureVocabularyLayout.purpose, path: path) as? FurnitureVocabulary
            if made.isEmpty {
                #expect(laidOut == nil, "\(path)")
            } else {
                let read = try #require(laidOut, "\(path) is not laid out")
                #expect(Self.parts(read) == Self.parts(made), "\(path)")
            }
        }
    }

    @Test func aLayoutRoundTripsAnyList() throws {
        let text = "# a comment\n- Advertisement -\nRead more\r\nÉcole ÉLÉMENTAIRE\n  Истoчник: photo \n9:41 a.m.\n\n[ad_1]\n👍🏽 thumbs"
        let layout = try #require(FurnitureVocabularyLayout.layout(ofList: text))
        let read = try #require(Array(layout.utf8).withUnsafeBufferPointer { FurnitureVocabularyLayout.vocabulary(fromLayout: $0) })
        let made = FurnitureVocabulary(entries: WordListFile.entries(of: ListLines.split(text)))
        #expect(Self.parts(read) == Self.parts(made))
        #expect(read.count == 7 && read.firstSpellings.contains("école") && read.firstSpellings.contains("истoчник"))
    }

    @Test func aListWithoutWordsHasNoLayoutAndBrokenLayoutsAreRefused() {
        #expect(FurnitureVocabularyLayout.layout(ofList: "# only a comment\n--\n") == nil)
        for broken in ["", "1 1", "1 1\nxyz\n\n", "a b\n\n\n", "1 1\n00000000000000zz\n\n"] {
            let read = Array(broken.utf8).withUnsafeBufferPointer { FurnitureVocabularyLayout.vocabulary(fromLayout: $0) }
            #expect(read == nil, "\(broken.debugDescription)")
        }
    }

    /// A shipped rule that names a list gets the laid-out vocabulary, never one made again from
    /// the text; a rule file on disk that names a list of its own gets the list's vocabulary.
    @Test func theResolverHandsShippedRulesTheLaidOutVocabulary() throws {
        let shipped = RuleLoader.builtinFiles()
        let rule = try #require(shipped.first { $0.path == "Rules/boilerplate/page-furniture-lines.yml" })
        let resolver = FileSetResolver(files: shipped).relative(to: rule)
        let vocabulary = try resolver.derived(from: "labels/ads.txt", purpose: FurnitureVocabularyLayout.purpose) { _ -> FurnitureVocabulary in
            Issue.record("made from the text")
            return FurnitureVocabulary()
        }
        #expect(vocabulary?.isEmpty == false)

        let own = RuleFile(path: "/tmp/rules/boilerplate/page-furniture-lines.yml", text: "")
        let list = RuleFile(path: "/tmp/rules/boilerplate/labels/ads.txt", text: "Sponsored\n")
        var made = 0
        let onDisk = try FileSetResolver(files: [own, list]).relative(to: own)
            .derived(from: "labels/ads.txt", purpose: FurnitureVocabularyLayout.purpose) { lines -> FurnitureVocabulary in
                made += 1
                return FurnitureVocabulary(entries: WordListFile.entries(of: lines))
            }
        #expect(made == 1 && onDisk?.count == 1)
    }

    /// Every pattern the shipped rules analyse has its requirement laid out, and it is the one a
    /// fresh analysis gives.
    @Test func everyShippedPatternHasItsRequirementLaidOut() throws {
        let rules = try RuleLoader.rules(from: RuleLoader.builtinFiles())
        let regexes = rules.flatMap { $0.matcher.filteredRegexes + $0.unless }
        #expect(regexes.count >= 40)
        for regex in regexes {
            let caseInsensitive = regex.options.contains(.caseInsensitive)
            let fresh = RequiredCharacters.requirement(of: regex.pattern, caseInsensitive: caseInsensitive)
            #expect(ShippedLaidOutValues().requirement(ofPattern: regex.pattern, caseInsensitive: caseInsensitive) == fresh, "\(regex.pattern)")
            #expect(regex.requirement == fresh, "\(regex.pattern)")
        }
    }

    /// The laid-out requirements hold the building ICU's digits (`Nd`): they are read only
    /// under that Unicode version, and the shipped number patterns' pairs hold those digits.
    @Test func laidOutRequirementsHoldOnlyUnderTheirUnicodeVersion() throws {
        #expect(EmbeddedLayouts.unicodeVersion == ICUText.unicodeVersion)
        #expect(ShippedLaidOutValues.requirementsApply(unicodeVersion: ICUText.unicodeVersion))
        #expect(!ShippedLaidOutValues.requirementsApply(unicodeVersion: "99.0"))
        let decimalComma = try #require(EmbeddedLayouts.requirements.first { $0.pattern.contains("(\\d{1,3}),(\\d{1,2})") })
        let pairs = try #require(RequirementLayout.requirement(fromLayout: decimalComma.layout)?.pairs)
        #expect(pairs.contains { $0.second.contains(0x0663) && $0.second.contains(0x35) })
    }

    @Test func aRequirementLayoutRoundTrips() throws {
        let patterns = ["\\d[ \\u00A0]\\d{3}\\b", "(?i)«\\s|\\s»", "[,.;:]{2}", "(?<=\\p{Ll})[A-Z]", "word", "\\d+, \\d+ ?%", "x|y", ",[ \\t]*,", "\\.[ \\t]?;", "\\d\\d?[ ,]+\\d", "[1-9]\\d{3,5} [a-z]"]
        var kinds = Set<String>()
        for pattern in patterns {
            for caseInsensitive in [false, true] {
                let requirement = RequiredCharacters.requirement(of: pattern, caseInsensitive: caseInsensitive)
                let layout = RequirementLayout.layout(of: requirement)
                let read = Array(layout.utf8).withUnsafeBufferPointer { RequirementLayout.requirement(fromLayout: $0) }
                #expect(read == requirement, "\(pattern)")
                if requirement.characters != nil { kinds.insert("characters") }
                if requirement.pairs != nil { kinds.insert("pairs") }
                if requirement.pairs?.contains(where: { !$0.gap.isEmpty }) == true { kinds.insert("gap") }
                if requirement.digitRun != nil { kinds.insert("digit run") }
            }
        }
        // The patterns cover each part of a layout.
        #expect(kinds == ["characters", "pairs", "gap", "digit run"])
        let empty = RequiredCharacters.Requirement()
        #expect(Array(RequirementLayout.layout(of: empty).utf8).withUnsafeBufferPointer { RequirementLayout.requirement(fromLayout: $0) } == empty)
    }

    @Test func brokenRequirementLayoutsAreRefused() {
        for broken in ["", "-\n-", "-\n-\n2\n. . . 0", "00zz\n-\n-", "-\n002c002e\n-", "-\n-\n1\n002c 0020 . 2", "-\n-\n-\nextra", "-\n-\n0\n-", "-\n-\nx\n-", "-\n-\n-\n-\nextra"] {
            let read = Array(broken.utf8).withUnsafeBufferPointer { RequirementLayout.requirement(fromLayout: $0) }
            #expect(read == nil, "\(broken.debugDescription)")
        }
    }

    static func parts(_ slot: SlotPhraseMatcherKind.Slot) -> [String] {
        [slot.phrases.description, slot.values.sorted { $0.key < $1.key }.description, "\(slot.info.chunks)",
         slot.info.firstWords.debugDescription, slot.info.anchors.debugDescription]
    }

    static let anywhere = ConfigNode(.scalar("", quoted: false), mark: ConfigMark(source: ConfigSource(path: "", text: ""), line: 1, column: 1))

    @Test func everyShippedListReadsBackAsTheSlotOfItsText() throws {
        var slots = 0
        for list in RuleLoader.builtinFiles() where list.path.hasSuffix(".txt") {
            let path = String(list.path.dropFirst("Rules/".count))
            let made = try? SlotPhraseMatcherKind.slot(lines: WordListFile.entries(of: ListLines.split(list.text)), at: Self.anywhere)
            let laidOut = EmbeddedLayouts.value(purpose: SlotListLayout.purpose, path: path) as? SlotPhraseMatcherKind.Slot
            if let made {
                let read = try #require(laidOut, "\(path) is not laid out")
                #expect(Self.parts(read) == Self.parts(made), "\(path)")
                slots += 1
            } else {
                #expect(laidOut == nil, "\(path)")
            }
        }
        #expect(slots >= 7)
    }

    /// Reads back the shipped values and notes each inline slot list asked for, with what it got.
    final class NotedInlineSlotLists: LaidOutValues {
        let asked = Mutex<[(entries: [String], layout: StaticString?)]>([])

        func requirement(ofPattern pattern: String, caseInsensitive: Bool) -> RequiredCharacters.Requirement? {
            ShippedLaidOutValues().requirement(ofPattern: pattern, caseInsensitive: caseInsensitive)
        }

        func slotLayout(ofInlineList entries: [String]) -> StaticString? {
            let layout = ShippedLaidOutValues().slotLayout(ofInlineList: entries)
            asked.withLock { $0.append((entries, layout)) }
            return layout
        }
    }

    @Test func everyShippedInlineSlotListReadsBackAsTheSlotOfItsEntries() throws {
        let files = RuleLoader.builtinFiles()
        let noted = NotedInlineSlotLists()
        for file in files where RuleFile.isRuleFile(file.path) {
            _ = try file.rules(resolver: FileSetResolver(files: files).relative(to: file), laidOut: noted)
        }
        let asked = noted.asked.withLock { $0 }
        #expect(asked.count >= 8)
        for (entries, layout) in asked {
            let read = try #require(layout.flatMap { $0.withUTF8Buffer { SlotListLayout.slot(fromLayout: $0) } }, "\(entries) is not laid out")
            let made = try SlotPhraseMatcherKind.slot(lines: entries, at: Self.anywhere)
            #expect(Self.parts(read) == Self.parts(made), "\(entries)")
        }
    }

    /// A rule file of the user's with an inline slot list gets the slot made from its entries.
    @Test func anInlineSlotListOnDiskIsMadeFromItsEntries() throws {
        let file = RuleFile(path: "/tmp/rules/calques/mine.yml", text: """
            id: calques/mine
            category: calque
            severity: info
            summary: A calque of an office.
            why: A calque.
            match:
              slot-phrases:
                slots:
                  office: [prime minister = premier, mayor]
                entries:
                  - find: 'the {office} of'
                    why: A calque.
            message: 'A calque: “${match}”.'
            examples:
              flag: ['She met ⟨the mayor of⟩ Rohan.']
              pass: ['She met the mayor.']
            """)
        let noted = NotedInlineSlotLists()
        let rules = try file.rules(resolver: FileSetResolver(files: [file]).relative(to: file), laidOut: noted)
        let asked = noted.asked.withLock { $0 }
        #expect(asked.map(\.entries) == [["prime minister = premier", "mayor"]] && asked.first?.layout == nil)
        let document = Document("She met the prime minister of Gondor and the mayor of Rohan.")
        let found = try Linter(rules: rules).lint(document).findings.map { document.string($0.range) }
        #expect(found == ["the prime minister of", "the mayor of"])
    }

    @Test func aSlotLayoutRoundTripsAnyList() throws {
        let text = "# titles\nprime minister = premier\nthe head of state\nvice-président = vice-president\nÉlysée\nminister = \n\nlong-serving deputy mayor"
        let layout = try #require(SlotListLayout.layout(ofList: text))
        let read = try #require(Array(layout.utf8).withUnsafeBufferPointer { SlotListLayout.slot(fromLayout: $0) })
        let made = try SlotPhraseMatcherKind.slot(lines: WordListFile.entries(of: ListLines.split(text)), at: Self.anywhere)
        #expect(Self.parts(read) == Self.parts(made))
        #expect(read.values["prime minister"] == "premier" && read.phrases.first == "long-serving deputy mayor")
        // No layout for a list that makes no slot, or that holds the layout's separator.
        #expect(SlotListLayout.layout(ofList: "# nothing\n") == nil)
        #expect(SlotListLayout.layout(ofList: "a\u{1F}b\n") == nil)
        // An inline list is laid out under its entries joined by U+001F, unless one holds it.
        let entries = ["prime minister = premier", "Élysée", "long-serving deputy mayor"]
        #expect(SlotListLayout.key(ofInlineList: entries) == "prime minister = premier\u{1F}Élysée\u{1F}long-serving deputy mayor")
        #expect(SlotListLayout.key(ofInlineList: ["a\u{1F}b"]) == nil)
        let inline = try #require(SlotListLayout.layout(ofEntries: entries))
        let readInline = try #require(Array(inline.utf8).withUnsafeBufferPointer { SlotListLayout.slot(fromLayout: $0) })
        #expect(Self.parts(readInline) == Self.parts(try SlotPhraseMatcherKind.slot(lines: entries, at: Self.anywhere)))
        for broken in ["", "1 1 0 1", "1 1 1 1 -1\na\nno separator\na", "x 0 0 0 -1"] {
            #expect(Array(broken.utf8).withUnsafeBufferPointer { SlotListLayout.slot(fromLayout: $0) } == nil, "\(broken.debugDescription)")
        }
    }
}

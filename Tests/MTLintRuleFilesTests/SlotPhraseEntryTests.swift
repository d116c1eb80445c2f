import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// Every entry of every shipped slot-phrase rule flags its own example sentence, with its
/// own reason in the message, and its suggestion, where it has one, is what the fix writes.
@Suite struct SlotPhraseEntryTests {
    static let rules: [Rule] = ((try? RuleLoader.load()) ?? []).filter { $0.matcher is SlotPhraseMatcherKind }

    @Test func shippedRulesUseTheKind() {
        #expect(Self.rules.allSatisfy { ($0.matcher as? SlotPhraseMatcherKind)?.entries.isEmpty == false })
        #expect(Self.rules.count >= 4)
    }

    @Test(arguments: SlotPhraseEntryTests.rules.map(\.id))
    func everyEntryFlagsItsExample(_ id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        let kind = try #require(rule.matcher as? SlotPhraseMatcherKind)
        let linter = try Linter(rules: [rule])
        for entry in kind.entries {
            let example = try #require(entry.example, "\(id): '\(entry.find)' has no example")
            let findings = linter.lint(Document(example)).findings
            // The entry's own finding: its reason is in the message when the message shows it.
            let own = rule.message.valueNames.contains("why") ? findings.filter { $0.message.contains(entry.why) } : findings
            #expect(own.count == 1, "\(id): '\(entry.find)' on '\(example)': \(findings.map(\.message))")
            if entry.suggest != nil {
                #expect(own.first?.fix != nil, "\(id): '\(entry.find)' proposes no fix")
            }
        }
    }
}

/// The phrase-with-slots language: what it compiles to and which words anchor it.
@Suite struct SlotPatternTests {
    @Test func compilesWordsChoicesOptionsAndSlots() throws {
        let pattern = try SlotPattern("in [the] (frame|context) of {x}")
        #expect(pattern.slots == ["x"])
        #expect(pattern.regexSource(slotSources: ["x": "a|b"])
                == "\\bin\\s+(?:the\\s+)?(?:frame|context)\\s+of\\s+(a|b)\\b")
        #expect(try SlotPattern("the Sages").regexSource(slotSources: [:]).contains("(?-i:S)ages"))
        #expect(try SlotPattern("vice-world").regexSource(slotSources: [:]).contains("vice[-‐‑ ]world"))
        #expect(try SlotPattern("citizen's money").regexSource(slotSources: [:]).contains("citizen['’]s"))
    }

    @Test func anchorsAreRareWordsOrWordsWithTheirFollowers() throws {
        let slots = [
            "n": SlotPattern.SlotInfo(chunks: 2, firstWords: ["North", "Ukrainian"], anchors: ["North", "Ukrainian"]),
            "title": SlotPattern.SlotInfo(chunks: 2, firstWords: ["minister", "prime"], anchors: ["minister"]),
            "Name": SlotPattern.SlotInfo(chunks: 3, firstWords: nil, anchors: nil),
        ]
        func plan(_ phrase: String) throws -> SlotPattern.AnchorPlan? { try SlotPattern(phrase).anchorPlan(slots: slots) }
        #expect(try plan("the head of {n} diplomacy") == .init(words: ["diplomacy"], followers: nil, chunksBefore: 5))
        // A short rare word: it and its follower, which together are rarer still.
        #expect(try plan("(in|within) the frame of") == .init(words: ["frame"], followers: ["of"], chunksBefore: 2))
        #expect(try plan("with the last energy") == .init(words: ["last"], followers: ["energy"], chunksBefore: 2))
        #expect(try plan("the Sages") == .init(words: ["Sages"], followers: nil, chunksBefore: 1))
        #expect(try plan("the (tenant|lodger) of Matignon") == .init(words: ["Matignon"], followers: nil, chunksBefore: 3))
        // Only function and common words: a word and what may follow it.
        #expect(try plan("the [former] {title} {Name}") == .init(words: ["the"], followers: ["former", "minister", "prime"], chunksBefore: 0))
        #expect(try plan("it is about {n}") == .init(words: ["about"], followers: ["North", "Ukrainian"], chunksBefore: 2))
        // Only slots: the words of a slot.
        #expect(try plan("{n} {title}") == .init(words: ["North", "Ukrainian"], followers: nil, chunksBefore: 1))
        #expect(try plan("{Name} {Name}") == nil)
    }

    @Test func badPhrasesAreErrors() {
        for bad in ["", "the (a|", "the [x", "{", "a ) b", "the (|b)", "{bad name!}"] {
            #expect(throws: SlotPattern.ParseError.self, "\(bad)") { try SlotPattern(bad) }
        }
    }
}

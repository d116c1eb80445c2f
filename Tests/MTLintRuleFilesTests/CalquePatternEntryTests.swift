import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// Every entry of every shipped calque-pattern rule flags its own example sentence, with its
/// own reason in the message, and its suggestion, where it has one, is what the fix writes.
@Suite struct CalquePatternEntryTests {
    static let rules: [Rule] = ((try? RuleLoader.load()) ?? []).filter { $0.matcher is CalquePatternMatcherKind }

    @Test func shippedRulesUseTheKind() {
        #expect(Self.rules.count >= 4)
    }

    @Test(arguments: CalquePatternEntryTests.rules.map(\.id))
    func everyEntryFlagsItsExample(_ id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        let kind = try #require(rule.matcher as? CalquePatternMatcherKind)
        let linter = try Linter(rules: [rule])
        for entry in kind.entries {
            let example = try #require(entry.example, "\(id): '\(entry.find)' has no example")
            let findings = linter.lint(Document(example)).findings
            let own = findings.filter { $0.message.contains(entry.why) }
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
                == "(?<![\\p{L}\\p{N}])in\\s+(?:the\\s+)?(?:frame|context)\\s+of\\s+(a|b)(?![\\p{L}\\p{N}])")
        #expect(try SlotPattern("the Sages").regexSource(slotSources: [:]).contains("(?-i:S)ages"))
        #expect(try SlotPattern("vice-world").regexSource(slotSources: [:]).contains("vice[-‐‑ ]world"))
        #expect(try SlotPattern("citizen's money").regexSource(slotSources: [:]).contains("citizen['’]s"))
    }

    @Test func anchorsAreTheWordsEveryMatchHolds() throws {
        #expect(try SlotPattern("the head of {n} diplomacy").anchors == ["diplomacy"])
        #expect(try SlotPattern("(in|within) the frame of").anchors == ["frame"])
        #expect(try SlotPattern("(tenant|lodger) of {seat}").anchors == ["lodger", "tenant"])
        #expect(try SlotPattern("{a} {b}").anchors.isEmpty)
        #expect(try SlotPattern("{a} {b}").mandatorySlots == ["a", "b"])
    }

    @Test func badPhrasesAreErrors() {
        for bad in ["", "the (a|", "the [x", "{", "a ) b", "the (|b)", "{bad name!}"] {
            #expect(throws: SlotPattern.ParseError.self, "\(bad)") { try SlotPattern(bad) }
        }
    }
}

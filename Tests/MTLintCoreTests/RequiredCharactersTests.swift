import Testing
import PropertyBased
@testable import MTLintCore

@Suite struct RequiredCharactersTests {
    func req(_ pattern: String, ci: Bool = false) -> Set<String>? {
        RequiredCharacters.of(pattern: pattern, caseInsensitive: ci).map { Set($0.map { String(decoding: [$0], as: UTF16.self) }) }
    }

    @Test func literalsAndClasses() {
        #expect(req("(?<=\\p{L}[,.!?…]) (”)(?=\\p{Ll})") == ["”"])
        #expect(req("[“”]\\s") == ["“", "”"])
        #expect(req("\\d+ %") == ["%"])
        #expect(req("\\u00A0") == ["\u{00A0}"])
        #expect(req("\\x{202F}|\\u2009") == ["\u{202F}", "\u{2009}"])
    }

    @Test func alternationNeedsEveryBranch() {
        #expect(req("«|»") == ["«", "»"])
        #expect(req("«|\\w+") == nil)
    }

    @Test func optionalAtomsAreNotRequired() {
        #expect(req("”?\\w+") == nil)
        #expect(req("”*x") == nil)
        #expect(req("”{0,2}") == nil)
        #expect(req("”{1,2}") == ["”"])
    }

    @Test func lettersSpacesAndUnknownsGiveNoFilter() {
        #expect(req("Advertisement") == nil)
        #expect(req("\\p{Ll}\\p{Lu}") == nil)
        #expect(req("a b") == nil)
        #expect(req("[^”]") == nil)
        #expect(req("(?!”)x") == nil)
    }

    @Test func caseInsensitiveLetters() {
        #expect(req("©", ci: true) == ["©"])
        #expect(req("é", ci: true) == nil)
    }

    @Test func neverClaimsAFilterThatWouldMissAMatch() throws {
        // Every pattern either has no filter or every match contains a required unit.
        let patterns = ["(”)\\s*(\\p{L})", "\\d{1,3}(?: \\d{3})+", "[«»]", "(?:©|\\(Photo:)", "x|y|”", "\\bn°\\s?\\d",
                        "(?i)photo: ?afp", "\\.{2}(?!\\.)", "[,;:] +[!?]"]
        let samples = ["a ” b", "80 000 people", "« x »", "© AFP", "(Photo: X)", "”", "n° 5", "PHOTO: AFP", "x..y", "a ; !"]
        for pattern in patterns {
            guard let required = RequiredCharacters.of(pattern: pattern, caseInsensitive: false) else { continue }
            let regex = try SharedRegex(pattern).instance()
            for sample in samples {
                let text = Document(sample).text
                for match in try regex.matches(in: text) {
                    _ = match
                    #expect(text.units.contains(where: required.contains), "\(pattern) matched \(sample) without a required unit")
                }
            }
        }
    }
}

@Suite struct CharacterTransitionTests {
    func transitions(_ pattern: String) -> UInt16? {
        RequiredCharacters.requirement(of: pattern, caseInsensitive: false).transitions
    }

    @Test func gluedWordPatternsNeedALowerToUpperTransition() {
        let lowerUpper = CharacterTransitions.mask(from: CharacterTransitions.lower, to: CharacterTransitions.upper)
        #expect(transitions("\\b(\\p{Ll}{2,})(\\p{Lu}{2,})\\b") == lowerUpper)
        #expect(transitions("\\b(\\p{Ll}{3,}|in|on)(\\p{Lu}\\p{Ll}{2,})\\b") == lowerUpper)
        #expect(transitions("((?:19|20)\\d\\d)(\\p{Lu}\\p{Ll}{2,})") == CharacterTransitions.mask(from: CharacterTransitions.digit, to: CharacterTransitions.upper))
    }

    @Test func commonTransitionsAreNoFilter() {
        #expect(transitions("\\p{Lu}\\p{Ll}") == nil)
        #expect(transitions("[a-z]+ [a-z]+") == nil)
        #expect(transitions("\\p{Ll}?\\p{Lu}") == nil)
    }

    @Test func lineMasks() {
        let lowerUpper = CharacterTransitions.mask(from: CharacterTransitions.lower, to: CharacterTransitions.upper)
        let masks = CharacterTransitions.lineMasks(of: Document("likeRELATED\nA plain line.\n👍 astral"), digitRuns: false).transitions
        #expect(masks[0] & lowerUpper != 0)
        #expect(masks[1] & lowerUpper == 0)
        #expect(masks[2] == 0xFFFF)  // astral text: anything may be there
    }
}

@Suite struct CharacterPairTests {
    func pairs(_ pattern: String) -> [RequiredCharacters.CharacterPair]? {
        RequiredCharacters.requirement(of: pattern, caseInsensitive: false).pairs
    }

    @Test func spaceBeforePunctuationAndDoubledSpaces() {
        #expect(pairs("(?<=\\S) {2,}(?=\\S)") == [.init(first: [0x20], second: [0x20])])
        #expect(pairs("(?<=\\p{L})[ \\t]+(,|\\.(?!\\.)|\\))") == [.init(first: [0x20, 0x09], second: [0x2C, 0x2E, 0x29])])
    }

    @Test func commonPairsAreNoFilter() {
        #expect(pairs("[a-z] [a-z]") == nil)
        #expect(pairs(", [A-Z]") == nil)
        #expect(pairs(" ?,") == nil)
        #expect(pairs("x\\n ") == nil)
    }

    /// The start-up analysis knows the decimal digits (ICU's `Nd`, beyond ASCII too), so a
    /// digit pairs with punctuation; other properties wait for the detailed analysis.
    @Test func startUpAnalysisKnowsTheDecimalDigits() throws {
        let found = try #require(pairs("(\\d{1,3}),(\\p{Nd}{1,2})"))
        #expect(found.count == 1)
        let pair = try #require(found.first)
        #expect(pair.first == [0x2C])
        #expect(pair.second.isSuperset(of: Set(0x30...0x39)))
        #expect(pair.second.isSuperset(of: [0x0663, 0x06F5, 0x0967, 0xFF15]))  // Arabic-Indic, Persian, Devanagari, full-width
        #expect(!pair.second.contains(0x41) && !pair.second.contains(0xB2) && !pair.second.contains(0x2167))  // letters, No, Nl
        #expect(pairs("\\.(\\p{Lu})") == nil)
        #expect(RequiredCharacters.requirement(of: "\\.(\\p{Lu})", caseInsensitive: false, properties: true).pairs != nil)
    }

    /// So a start-up linter neither compiles nor runs a number pattern on text without its pair.
    @Test func startUpLinterLeavesNumberPatternsWithoutTheirPairUncompiled() throws {
        // Compiled when first needed, as the shipped rules' patterns are.
        let regex = SharedRegex(trusted: "(?<![\\p{N},.])(\\d{1,3}),(\\d{1,2})(?![\\p{N},])")
        let rule = Rule(id: "t/decimal", category: .other, severity: .warning, summary: "s", why: "w", scope: .line,
                        matcher: PatternMatcherKind(regex: regex, reportGroup: 0), message: Template("x"), fix: nil)
        let linter = try Linter(rules: [rule])
        linter.detailedFilterAfter = .max
        #expect(linter.lint(Document("In 1999, a crowd of 20 gathered.\nNo number here.")).findings.isEmpty)
        #expect(!regex.isCompiled)
        #expect(linter.lint(Document("In 1999, it rose 12,5 percent.")).findings.map(\.range.count) == [4])
        #expect(regex.isCompiled)
    }

    /// A digit right before `e` or `è` is a French ordinal's mark (`3e`, `20ème`); before the
    /// letters of English suffixes (`1st`, `2nd`, `1990s`) it is common.
    @Test func aDigitBeforeAnOrdinalLetterIsAPair() throws {
        let found = try #require(pairs("([0-9]+)(?:ème|e)\\b"))
        #expect(found == [.init(first: Set(0x30...0x39), second: [0x65, 0xE8])])
        #expect(pairs("([0-9]+)(?:st|e)\\b") == nil)
        #expect(pairs("[a-z](?:ème|e)") == nil)
        #expect(!RequiredCharacters.CharacterPair.isCommon(0x33, 0xE8) && RequiredCharacters.CharacterPair.isCommon(0x33, 0x73))
        #expect(RequiredCharacters.CharacterPair.isCommon(0x61, 0x65))
    }

    /// Digits side by side make a run every match holds (`[1-9]\\d{3,5}`: four), across
    /// zero-width atoms and optional digits, not across anything else; an alternation holds its
    /// shortest branch's run; runs under three digits are in most numbers and filter nothing.
    @Test func digitRunsEveryMatchHolds() {
        func run(_ pattern: String) -> Int? { RequiredCharacters.requirement(of: pattern, caseInsensitive: false).digitRun }
        #expect(run("(?=\\d)(?=[1-9]\\d{3,5}(?![\\p{N}.,])[ \\u00A0]\\p{Ll})(\\d+)") == 4)
        #expect(run("\\d{1,3}(?:[ ]\\d{3})+") == 3)
        #expect(run("(\\d{4})x") == 4)
        #expect(run("\\d\\d?(?<![a-z])\\d\\b\\d") == 3)
        #expect(run("[0-9]{2}x[0-9]{2}") == nil)
        #expect(run("\\d\\d.\\d") == nil)
        #expect(run("\\d{4}|[a-z]+") == nil)
        #expect(run("\\d{4}|\\d{3}x") == 3)
        #expect(run("(?:x\\d{4})?y") == nil)
        #expect(run("(?!\\d{4})x") == nil)
        #expect(run("19\\d\\d") == 4)
    }

    /// A line's run counts ASCII digits and, to stay on the safe side, every unit from U+0100
    /// on but the spaces of General Punctuation; a line with text beyond the BMP passes every run.
    @Test func lineDigitRuns() {
        let document = Document("In 1999, 80 000 left.\nCall 12-34.\n٢٠٢٤ and é9\nx 𝟙𝟚 y\nSome 80\u{A0}000 and 1\u{202F}2")
        let runs = CharacterTransitions.lineMasks(of: document, digitRuns: true).digitRuns
        #expect(runs == [4, 2, 4, 255, 3])
        #expect(CharacterTransitions.lineMasks(of: document, digitRuns: false).digitRuns.isEmpty)
    }

    /// A linter skips the lines without the run a pattern needs, and finds what it finds without
    /// the filter.
    @Test func linesWithoutTheDigitRunAreSkipped() throws {
        let regex = SharedRegex(trusted: "(?<![\\d,.])([1-9]\\d{3,5}) (?=[a-z])")
        let rule = Rule(id: "t/ungrouped", category: .other, severity: .warning, summary: "s", why: "w", scope: .line,
                        matcher: PatternMatcherKind(regex: regex, reportGroup: 1), message: Template("x"), fix: nil)
        let linter = try Linter(rules: [rule])
        #expect(linter.lint(Document("In May, 80 000 left.\nCall 12-34 now.")).findings.isEmpty)
        #expect(!regex.isCompiled)
        let document = Document("No number.\nSome 25000 people and 312 more.\nAlso 4000 others.")
        #expect(linter.lint(document).findings.map { document.location(of: $0.range.lowerBound).line } == [2, 3])
    }

    /// Character and pair sets get their filter bits by fingerprint: equal sets share one, and
    /// sets that differ, even by one member among dozens, get their own.
    @Test func setsAreToldApartByFingerprint() {
        let digits = Set<UInt16>(0x30...0x39).union(0x660...0x669)
        #expect(CharacterPrefilter.fingerprint(digits) == CharacterPrefilter.fingerprint(Set(Array(digits).reversed())))
        #expect(CharacterPrefilter.fingerprint(digits) != CharacterPrefilter.fingerprint(digits.union([0x6F0])))
        #expect(CharacterPrefilter.fingerprint([]) != CharacterPrefilter.fingerprint([0]))
        #expect(CharacterPrefilter.fingerprint([0x2C, 0x2E]) != CharacterPrefilter.fingerprint([0x2C]))
        #expect(Set((0..<2000).map { CharacterPrefilter.fingerprint([UInt16($0)]) }).count == 2000)
        // Two rules with the same pair share its bit and each still filters.
        let document = Document("A 12,5 rise.\nNo figure.\nIt was 3,2.")
        let regexes = [SharedRegex(trusted: "(\\d),(\\d)"), SharedRegex(trusted: "\\b(\\d+),(\\d)")]
        let scan = DocumentScan(document: document, prefilter: CharacterPrefilter(regexes: regexes, detailed: false),
                                words: WordScanWords(wanted: [], followers: [:]))
        for regex in regexes { #expect(document.lines.indices.filter { scan.lineMayMatch($0, regex) } == [0, 2]) }
    }

    @Test func linesWithoutThePairAreSkipped() throws {
        let rule = try TestRules.pattern("t/double", "(?<=\\S) {2,}(?=\\S)")
        let linter = try Linter(rules: [rule])
        let doc = Document("one space here\ntwo  spaces here\nno pair")
        #expect(linter.lint(doc).findings.map { doc.location(of: $0.range.lowerBound).line } == [2])
    }
}

@Suite struct CharacterPairGapTests {
    func pairs(_ pattern: String) -> [RequiredCharacters.CharacterPair]? {
        RequiredCharacters.requirement(of: pattern, caseInsensitive: false).pairs
    }

    @Test func optionalOneCharacterAtomsBecomeTheGap() {
        #expect(pairs(",[ \\t]*,") == [.init(first: [0x2C], second: [0x2C], gap: [0x20, 0x09])])
        #expect(pairs("(,)[ \\t]*,+|(;)[ \\t]*;+|\\.\\.") == [.init(first: [0x2C], second: [0x2C], gap: [0x20, 0x09]),
                                                          .init(first: [0x3B], second: [0x3B], gap: [0x20, 0x09]),
                                                          .init(first: [0x2E], second: [0x2E])])
        // Groups and alternations pass their pairs on whole, gaps included.
        #expect(pairs("(?:(,)[ \\t]*,+)") == [.init(first: [0x2C], second: [0x2C], gap: [0x20, 0x09])])
        #expect(pairs("(?<=\\p{L})(?:(,)[ \\t]*,+|(\\.)\\.)") == [.init(first: [0x2C], second: [0x2C], gap: [0x20, 0x09]),
                                                           .init(first: [0x2E], second: [0x2E])])
        // A longer optional piece breaks the chain: nothing is claimed across it.
        #expect(pairs(",(?:ab)?,") == nil)
    }

    @Test func linesAreMatchedAcrossTheGap() throws {
        let rule = try TestRules.pattern("t/doubled", "(?<=\\p{L})(,)[ \\t]*,+")
        let linter = try Linter(rules: [rule])
        let doc = Document("one, two, three\nword, \t ,next\nword,,next\nno comma here")
        #expect(linter.lint(doc).findings.map { doc.location(of: $0.range.lowerBound).line } == [2, 3])
    }
}

@Suite struct CommonPairTests {
    static let units: [UInt16] = [0x20, 0x09, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x22, 0x27, 0x2D, 0x2013, 0x2014, 0x201C,
                                  0x201D, 0x2018, 0x2019, 0x61, 0x5A, 0x35, 0xE9, 0x3A9, 0x5317, 0x25, 0xA0, 0x202F, 0xAB, 0xBB, 0x200B,
                                  0x65, 0xE8, 0x31, 0x663, 0x73]

    @Test func setLevelCheckAgreesWithEveryPair() async {
        await propertyCheck(count: 1000, input: Gen<UInt16?>.element(of: Self.units).array(of: 1...5),
                            Gen<UInt16?>.element(of: Self.units).array(of: 1...5)) { first, second in
            let firstSet = UnitSet(Set(first.compactMap { $0 })), secondSet = UnitSet(Set(second.compactMap { $0 }))
            let pairwise = firstSet.contains { a in secondSet.contains { b in RequiredCharacters.CharacterPair.isCommon(a, b) } }
            #expect(RequiredCharacters.CharacterPair.hasCommonPair(first: firstSet, second: secondSet) == pairwise, "\(first) \(second)")
        }
    }
}

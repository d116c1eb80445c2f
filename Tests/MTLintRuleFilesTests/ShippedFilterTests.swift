import ICUText
import PropertyBased
import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// The character filters derived from the shipped rules' regexes (required characters,
/// character pairs, class transitions) only skip lines where the regex cannot match: on random
/// text made of the characters those rules are about, every line holding a match passes.
@Suite struct ShippedFilterTests {
    static let regexes: [SharedRegex] = ((try? RuleLoader.load()) ?? []).flatMap(\.matcher.filteredRegexes)
    static let pieces = ["a", "word", "Word", "WORD", "É", "é", "Ω", "ω", "ǅ", "𝐀", "𝑎", "🙂", "北", "1", "23", "١٢", "٣", "𝟙",
                         ",", ".", "..", "...", ";", ":", "!", "?", "%", "€", "$", "°", "(", ")", "[", "]", " ", "  ", "\t",
                         "\u{A0}", "\u{202F}", "\u{2009}", "\u{200B}", "“", "”", "‘", "’", "\"", "'", "«", "»", "-", "–", "/",
                         "U.S.", "http://x.y", "percent", "million", "km", "th", "st", "nd", "rd", "h", "No", "n°", "x", "\n",
                         // Pieces of the artifacts themselves, in ASCII and beyond.
                         "said.", "said", "𝐀bc", "Ωmega", "Éric", "12,5", "٣,٥", "3,𝟙", "3 000", "٣ ٠٠٠", "20 000", " %", "1,5 %",
                         "€3,5", ", ,", ";;", "x..y", "2023Paris", "1er", "14h30", "likeRELATED", "inParis", "648x415"]

    /// Lines that hold an artifact written with characters beyond ASCII or beyond the BMP.
    static let samples = ["He said.Éric left.", "He said.Ωmega won.", "He said.𝐀bc left.", "Prices rose 12,٥ percent.",
                          "Prices rose ٣,5 percent.", "It cost €3,𝟙 in all.", "A crowd of ٣ ٠٠٠ people.", "It fell, , twice.",
                          "Word; \t;word", "The 1er of May", "likeÉRIC", "at 14h30 sharp"]

    /// Whether every line of `document` where a regex matches passes that regex's filter.
    static func check(_ document: Document, _ scan: DocumentScan, _ instances: [ICUText.Regex]) {
        for (shared, regex) in zip(regexes, instances) {
            guard (try? regex.reset(document.text)) != nil else { continue }
            for (index, line) in document.lines.enumerated() {
                guard (try? regex.setRegion(line.content)) != nil, (try? regex.next()) != nil else { continue }
                #expect(scan.lineMayMatch(index, shared), "\(shared.pattern) matches \(document.string(line.content).debugDescription)")
            }
        }
    }

    @Test func artifactsBeyondASCIIPassTheirFilters() throws {
        let instances = try Self.regexes.map { try $0.instance() }
        let document = Document(Self.samples.joined(separator: "\n"))
        for detailed in [false, true] {
            let prefilter = CharacterPrefilter(regexes: Self.regexes, detailed: detailed)
            Self.check(document, DocumentScan(document: document, prefilter: prefilter, words: WordScanWords(wanted: [], followers: [:])), instances)
        }
    }

    /// A linter starts with the start-up filters and moves to the detailed ones once it has seen
    /// enough text; the findings are the same either way.
    @Test func detailedFiltersFindWhatStartUpFiltersFind() throws {
        let rules = try RuleLoader.load()
        var lines = Self.samples + Self.pieces.filter { $0 != "\n" }.map { "He said \($0) there" }
        lines += ["Prices rose 12,5 percent.", "A crowd of 20 000 people.", "It fell, , twice.", "He left.Then he came back."]
        let document = Document(lines.joined(separator: "\n"))
        let startUp = try Linter(rules: rules), detailed = try Linter(rules: rules)
        startUp.detailedFilterAfter = .max
        detailed.detailedFilterAfter = 0
        func summary(_ findings: [Finding]) -> [String] { findings.map { "\($0.ruleID)@\($0.range)" } }
        let expected = startUp.lint(document).findings
        #expect(expected.count > 20)
        #expect(summary(detailed.lint(document).findings) == summary(expected))
        #expect(detailed.lint(document).findings == expected)
    }

    @Test func noLineWithAMatchIsSkipped() async throws {
        #expect(Self.regexes.count > 30)
        // The start-up filters (digits only) and the detailed ones (every property).
        let prefilters = [false, true].map { CharacterPrefilter(regexes: Self.regexes, detailed: $0) }
        let instances = try Self.regexes.map { try $0.instance() }
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...30)) { parts in
            let document = Document(parts.compactMap { $0 }.joined())
            for prefilter in prefilters {
                Self.check(document, DocumentScan(document: document, prefilter: prefilter, words: WordScanWords(wanted: [], followers: [:])), instances)
            }
        }
    }
}

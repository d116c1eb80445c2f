import ICUText
import PropertyBased
import Testing
@testable import MTLintCore

/// Pairs across a required gap: a digit, at least one space, a digit (`80 000`). Each two side
/// by side are common in prose, the three together are not, so lines without them are skipped.
@Suite struct RequiredGapPairTests {
    func pairs(_ pattern: String) -> [RequiredCharacters.CharacterPair]? {
        RequiredCharacters.requirement(of: pattern, caseInsensitive: false).pairs
    }

    static let digits = Set<UInt16>(0x30...0x39)

    @Test func aOneCharacterAtomBetweenTwoMakesAPairAcrossIt() {
        #expect(pairs("[0-9][ \\u00A0][0-9]") == [.init(first: Self.digits, second: Self.digits, gap: [0x20, 0xA0], gapRequired: true)])
        // The group's last character is a digit whether or not its optional part matched.
        #expect(pairs("([0-9]{1,3}(?:[ ][0-9]{3})*)[ ]([0-9]{3})")
                == [.init(first: Self.digits, second: Self.digits, gap: [0x20], gapRequired: true)])
        // Look-arounds consume nothing: the three stay side by side.
        #expect(pairs("[0-9](?=[ ])[ ](?![x])[0-9]") == [.init(first: Self.digits, second: Self.digits, gap: [0x20], gapRequired: true)])
    }

    @Test func nothingIsClaimedAcrossOptionalOrCommonPieces() {
        // An optional piece between the three breaks the chain.
        #expect(pairs("[0-9][ ]x?[0-9]") == nil)
        // Letters, spaces at the ends or word characters in the gap are everywhere in prose.
        #expect(pairs("[a-z][ ][a-z]") == nil)
        #expect(pairs("[0-9][x][0-9]") == nil)
        #expect(pairs("[ ][0-9][ ]") == nil)
        // A useful pair side by side is smaller, so it wins.
        #expect(pairs("[0-9][ ][%]") == [.init(first: [0x20], second: [0x25])])
    }

    @Test func usefulnessAcrossAGap() {
        typealias Pair = RequiredCharacters.CharacterPair
        #expect(Pair.isUsefulAcross(first: [0x30, 0x661], gap: [0x20, 0x202F], second: [0x35]))
        #expect(Pair.isUsefulAcross(first: [0x35], gap: [0x2C], second: [0x35]))
        #expect(!Pair.isUsefulAcross(first: [0x35, 0x61], gap: [0x20], second: [0x35]))
        #expect(!Pair.isUsefulAcross(first: [0x35], gap: [0x20, 0x0A], second: [0x35]))
        #expect(!Pair.isUsefulAcross(first: [0x35], gap: [], second: [0x35]))
        #expect(!Pair.isUsefulAcross(first: [0x35], gap: [0x20], second: [0x20]))
    }

    /// The lines a prefilter lets through for `pattern`.
    func passingLines(_ pattern: String, in text: String) throws -> [Int] {
        let regex = try SharedRegex(pattern)
        let document = Document(text)
        let scan = DocumentScan(document: document, prefilter: CharacterPrefilter(regexes: [regex], detailed: true),
                                words: WordScanWords(wanted: [], followers: [:]))
        return document.lines.indices.filter { scan.lineMayMatch($0, regex) }
    }

    @Test func linesWithoutTheThreeAreSkipped() throws {
        let text = "In 2014 the army left.\nMore than 80 000 troops.\nA 5 b 6.\n12  345 and more\n1\u{A0}\u{A0}2\nnone at all\n7 8"
        #expect(try passingLines("([0-9]{1,3})[ \\u00A0]+([0-9]{1,2})", in: text) == [1, 3, 4, 6])
        // Three digits after the gap: the lines with the three but no run of three digits go too.
        #expect(try passingLines("([0-9]{1,3})[ \\u00A0]+([0-9]{3})", in: text) == [1, 3])
    }

    static let alphabet: [String] = ["1", "2", "٣", " ", "  ", "\u{A0}", "\u{202F}", "a", "B", ",", ".", "-", "\t", "🙂", "\n"]

    /// On random text, every line where the regex matches passes its filter.
    @Test func noLineWithAMatchIsSkipped() async throws {
        let patterns = ["[0-9][ \\u00A0]+[0-9]", "\\d[ ,]\\d", "(?<![0-9])([0-9]{1,3}(?:[ ][0-9]{3})*)[ \\u00A0\\u202F](\\d{3})",
                        "[0-9]\\.[ ]?[0-9]", "(?:[0-9]|,)[ ](?:[0-9]|x)"]
        let regexes = try patterns.map { try SharedRegex($0) }
        let instances = try regexes.map { try $0.instance() }
        #expect(regexes.contains { regex in
            RequiredCharacters.requirement(of: regex.pattern, caseInsensitive: false, properties: true).pairs?.contains(where: \.gapRequired) == true
        })
        let prefilter = CharacterPrefilter(regexes: regexes, detailed: true)
        await propertyCheck(count: 1000, input: Gen<String?>.element(of: Self.alphabet).array(of: 0...24)) { parts in
            let document = Document(parts.compactMap { $0 }.joined())
            let scan = DocumentScan(document: document, prefilter: prefilter, words: WordScanWords(wanted: [], followers: [:]))
            for (regex, instance) in zip(regexes, instances) {
                guard (try? instance.reset(document.text)) != nil else { continue }
                for (index, line) in document.lines.enumerated() {
                    guard (try? instance.setRegion(line.content)) != nil, (try? instance.next()) != nil else { continue }
                    #expect(scan.lineMayMatch(index, regex), "\(regex.pattern) matches \(document.string(line.content).debugDescription)")
                }
            }
        }
    }
}

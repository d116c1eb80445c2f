import PropertyBased
import Testing
@testable import MTLintCore

/// The byte-level fast paths used while loading rules give exactly what the Character-level
/// code they stand in for gives.
@Suite struct TextFastPathTests {
    static let asciiPieces = [
        "the", "Head", "OF", " ", "  ", "\t", "\r\n", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "'", "-", ".", "(", "]", "#", "&", "~",
        "\\", "|", "?", "*", "+", "^", "$", "{", "}", "a'b", "x-y", "\u{00}", "\u{7F}",
    ]
    static let unicodePieces = ["e\u{301}", " \u{301}", "\u{A0}", "\u{2003}", "’", "É", "ß", "İ", "\u{85}", "👍🏽", "北", "\u{200D}"]

    @Test func asciiPhrasesNormalizeAsCharactersDo() async {
        await propertyCheck(count: 500, input: Gen<String?>.element(of: Self.asciiPieces).array(of: 0...12)) { parts in
            let phrase = parts.compactMap { $0 }.joined()
            for caseSensitive in [false, true] {
                #expect(PhraseMatcherKind.normalize(phrase, caseSensitive: caseSensitive)
                        == PhraseMatcherKind.normalizeByCharacter(phrase, caseSensitive: caseSensitive), "\(phrase.debugDescription)")
            }
            #expect(PhraseMatcherKind.regexSource(phrase) == PhraseMatcherKind.regexSourceByCharacter(phrase), "\(phrase.debugDescription)")
        }
    }

    @Test func asciiLinesFoldAsUnitsDo() async {
        await propertyCheck(count: 500, input: Gen<String?>.element(of: Self.asciiPieces).array(of: 0...12)) { parts in
            let line = parts.compactMap { $0 }.joined()
            #expect(LineMatcherKind.foldCase(line).unicodeScalars.elementsEqual(LineMatcherKind.foldCaseByUnit(line).unicodeScalars), "\(line.debugDescription)")
        }
    }

    @Test func trimmingSubstringsMatchesTheGenericTrim() async {
        let pieces = Self.asciiPieces + Self.unicodePieces
        await propertyCheck(count: 500, input: Gen<String?>.element(of: pieces).array(of: 0...10)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let generic = Self.genericTrim(text)
            #expect(text.trimmedWhitespace.unicodeScalars.elementsEqual(generic.unicodeScalars), "\(text.debugDescription)")
            #expect(text.dropFirst(0).trimmedWhitespace.unicodeScalars.elementsEqual(generic.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func markedTextParsesByScalarAsByCharacter() async {
        let pieces = ["⟨", "⟩", "word", " ", "\r\n", "\n", "\u{A0}", "\u{202F}", "’", "“", "”", "–", "…", "€", "«", "»", "\u{AD}", "é", "ÿ"]
        await propertyCheck(count: 1000, input: Gen<String?>.element(of: pieces).array(of: 0...12)) { parts in
            let source = parts.compactMap { $0 }.joined()
            #expect(MarkedText.scalarsAreCharacters(source))
            let byScalar = try? MarkedText.parseScalars(source), byCharacter = try? MarkedText.parseCharacters(source)
            #expect(byScalar?.spans == byCharacter?.spans, "\(source.debugDescription)")
            #expect(byScalar?.text.unicodeScalars.elementsEqual(byCharacter?.text.unicodeScalars ?? "".unicodeScalars) ?? (byCharacter == nil),
                    "\(source.debugDescription)")
        }
    }

    /// A list's lines cut on its UTF-8 bytes are the lines splitting its Characters at "\n" and
    /// "\r\n" gives.
    @Test func listLinesAreTheCharacterSplitsLines() async {
        let pieces = ["a", "word", "\n", "\r", "\r\n", " ", "é", "e\u{301}", "\u{301}", "😀", "#", "\n\n"]
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: pieces).array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let byCharacter = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            #expect(ListLines.split(text) == byCharacter, "\(text.debugDescription)")
        }
        #expect(ListLines.split("a\r\nb\n\nc\r") == ["a", "b", "", "c\r"])
        #expect(ListLines.split("") == [""])
    }

    /// A word list's entries: each line up to a `#`, trimmed of Unicode white space, empty ones left out.
    @Test func listEntriesAreTrimmedLinesBeforeAComment() async {
        let pieces = ["a", "word", " ", "\t", "#", "# note", "é", "\u{A0}", "\u{2003}", "x y", "~", "!"]
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: pieces).array(of: 0...8).array(of: 0...5)) { lines in
            let texts = lines.map { $0.compactMap { $0 }.joined() }
            let expected = texts.compactMap { line -> String? in
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let scalars = content.unicodeScalars
                guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return nil }
                return String(String.UnicodeScalarView(scalars[first...last]))
            }
            #expect(WordListFile.entries(of: texts) == expected, "\(texts)")
        }
    }

    @Test func markersAreFoundAsCharactersFindThem() {
        for text in ["plain", "a ⟨b⟩", "⟨\u{301}", "x⟩", "⟩\u{301}y", "e\u{301}"] {
            #expect(MarkedText.containsMarker(text) == (text.contains(MarkedText.open) || text.contains(MarkedText.close)), "\(text.debugDescription)")
        }
        #expect(!MarkedText.scalarsAreCharacters("⟨\u{301}⟩"))
    }

    /// The StringProtocol version, called through a generic function.
    static func genericTrim<S: StringProtocol>(_ text: S) -> String { text.trimmedWhitespace }
}

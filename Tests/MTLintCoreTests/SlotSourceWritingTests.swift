import PropertyBased
import Testing
@testable import MTLintCore

/// Slot phrases written as regex source byte by byte, and suggestions filled in byte by byte,
/// give what the Character-by-Character writing gives (kept here as the reference).
@Suite struct SlotSourceWritingTests {
    static let pieces = ["a", "word", "French", "Émile", "ß", "é", "e\u{301}", " ", "  ", " \u{301}", "\u{301}", "-", "'", "’",
                         "(", ")", "[", "\\", ".", "|", "?", "*", "+", "{", "}", "#", "&", "~", "/", "^", "$", "🙂", "\t", "\r\n",
                         "x y", "United States"]

    /// The writing before the byte-level one.
    static func referenceWordSource(_ word: String) -> String {
        var out = ""
        var scalars = Substring(word).unicodeScalars[...]
        if let first = scalars.first, first.isASCII ? ("A"..."Z").contains(first) : first.properties.isUppercase {
            out += "(?-i:" + String(first) + ")"
            scalars = scalars.dropFirst()
        }
        for scalar in scalars {
            switch scalar {
            case "'", "’": out += "['’]"
            case "-": out += "[-‐‑ ]"
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#", "&", "~", "/":
                out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func referencePhraseSource(_ phrase: String) -> String {
        phrase.split(whereSeparator: { $0 == " " }).map { referenceWordSource(String($0)) }.joined(separator: "\\s+")
    }

    static let phrase = Gen<String?>.element(of: pieces).array(of: 0...8).map { $0.compactMap { $0 }.joined() }

    @Test func phrasesAreWrittenAsCharactersWriteThem() async {
        await propertyCheck(count: 3000, input: Self.phrase.array(of: 1...4)) { phrases in
            for phrase in phrases {
                #expect(SlotPattern.alternationSource([phrase]) == Self.referencePhraseSource(phrase), "\(phrase.debugDescription)")
                #expect(SlotPattern.wordSource(phrase) == Self.referenceWordSource(phrase), "\(phrase.debugDescription)")
            }
            #expect(SlotPattern.alternationSource(phrases) == phrases.map(Self.referencePhraseSource).joined(separator: "|"))
        }
    }

    @Test func aSpaceCarryingAMarkDoesNotSplitAWord() {
        // " \u{301}" is one character: the Character split keeps it inside the word.
        #expect(SlotPattern.alternationSource(["a \u{301}b"]) == "a \u{301}b")
        #expect(SlotPattern.alternationSource(["United  States"]) == "(?-i:U)nited\\s+(?-i:S)tates")
        #expect(SlotPattern.alternationSource(["l'Élysée", "x-y", "Élysée"]) == "l['’]Élysée|x[-‐‑ ]y|(?-i:É)lysée")
    }

    @Test func placeholdersAreFilledAsCharacterSplitsFillThem() async {
        let template = Gen<String?>.element(of: ["{slot}", "{slot}\u{301}", "{slot", "slot}", "{", "}", "the ", "é", "x", " "])
            .array(of: 0...8).map { $0.compactMap { $0 }.joined() }
        let value = Gen<String?>.element(of: ["", "French", "{slot}", "é", "a b"])
        await propertyCheck(count: 3000, input: template, value) { text, value in
            let value = value ?? ""
            let reference = text.split(separator: "{slot}", omittingEmptySubsequences: false).joined(separator: value)
            #expect(SlotPhraseMatcherKind.replacing("{slot}", with: value, in: text) == reference, "\(text.debugDescription)")
        }
    }
}

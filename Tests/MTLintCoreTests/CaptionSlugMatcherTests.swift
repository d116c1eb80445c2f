import Foundation
import ICUText
import Testing
@testable import MTLintCore

@Suite struct CaptionSlugMatcherTests {
    /// Resolves word lists from the shipped `Rules/slugs/` folder.
    struct ShippedLists: RuleFileResolver {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Rules/slugs").standardizedFileURL
        func lines(of name: String) -> [String]? {
            guard let text = try? String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return text.components(separatedBy: "\n")
        }
    }

    struct InMemory: RuleFileResolver {
        let files: [String: String]
        func lines(of name: String) -> [String]? { files[name].map { $0.components(separatedBy: "\n") } }
    }

    func node(_ text: String) -> ConfigNode {
        ConfigNode(.scalar(text, quoted: false), mark: ConfigMark(source: ConfigSource(path: "test.yml", text: text), line: 1, column: 1))
    }

    func shippedKind(imageSize: CaptionSlugMatcherKind.ImageSize = .optional) throws -> CaptionSlugMatcherKind {
        var lists: [(language: String, words: [String])] = []
        for language in ["fr", "de", "it", "es"] {
            lists.append((language, try CaptionSlugMatcherKind.loadList(node("words/\(language).txt"), files: ShippedLists())))
        }
        let english = try CaptionSlugMatcherKind.loadList(node("words/en.txt"), files: ShippedLists())
        return CaptionSlugMatcherKind(words: FoldedWordLists(raw: lists, english: english), imageSize: imageSize, minWords: 4, minShare: 0.6)
    }

    func flagged(_ text: String, kind: CaptionSlugMatcherKind, sources: Set<String> = []) throws -> [String] {
        let rule = Rule(id: "test/slug", category: .captionSlug, severity: .warning, summary: "s", why: "w", scope: .line,
                        matcher: kind, message: Template("${language} ${count}/${total}"))
        let document = Document(text)
        let linter = try Linter(rules: [rule], context: LintContext(sourceLanguages: sources))
        return linter.lint(document).findings.map { document.string($0.range) + " [" + $0.message + "]" }
    }

    @Test func listsAreFoldedWithLatinASCII() throws {
        let entries = try CaptionSlugMatcherKind.loadList(node("fr.txt"), files: InMemory(files: ["fr.txt": "# comment\nsecrétaire\n  étrangères  # trailing\nétats-unis\n\nAußen"]))
        let words = try FoldedWordLists.fold(entries, with: Transliterator(id: "Latin-ASCII"))
        #expect(words == ["secretaire", "etrangeres", "etats", "unis", "aussen"])
        #expect(throws: ConfigError.self) {
            try CaptionSlugMatcherKind.loadList(node("missing.txt"), files: InMemory(files: [:]))
        }
    }

    @Test func shippedListsCatchSlugsInEachLanguage() throws {
        let kind = try shippedKind()
        #expect(try flagged("ministre des affaires etrangeres recoit homologue ukrainien", kind: kind) == ["ministre des affaires etrangeres recoit homologue ukrainien [fr 7/7]"])
        #expect(try flagged("bundeskanzlerin trifft aussenminister in berlin", kind: kind).first?.hasSuffix("[de 4/5]") == true)
        #expect(try flagged("sindaco di milano incontra ministro della salute", kind: kind).first?.contains("[it ") == true)
        #expect(try flagged("policia detenidos tras huelga en madrid", kind: kind).first?.contains("[es ") == true)
        #expect(try flagged("648x415 secretaire general otan ministre affaires", kind: kind).count == 1)
    }

    @Test func imageSizeSplitsLinesBetweenRules() throws {
        let sized = "800x600 ministre rencontre homologue bruxelles sommet"
        let plain = "ministre rencontre homologue bruxelles sommet"
        #expect(try flagged(sized, kind: try shippedKind(imageSize: .forbidden)).isEmpty)
        #expect(try flagged(plain, kind: try shippedKind(imageSize: .forbidden)).count == 1)
        #expect(try flagged(sized, kind: try shippedKind(imageSize: .required)).count == 1)
        #expect(try flagged(plain, kind: try shippedKind(imageSize: .required)).isEmpty)
    }

    @Test func sourceLanguagesAreRespected() throws {
        let kind = try shippedKind()
        let line = "bundeskanzlerin trifft aussenminister in berlin"
        #expect(try flagged(line, kind: kind, sources: ["fr"]).isEmpty)
        #expect(try flagged(line, kind: kind, sources: ["de", "fr"]).count == 1)
    }

    @Test func englishAndProseAreNotSlugs() throws {
        let kind = try shippedKind()
        let clean = """
        the minister met his counterpart in brussels
        general union conference on local reform
        come on and pour the tea for the prince
        the woods are lovely dark and deep
        - bread, milk and eggs
        secretaire general otan
        Le ministre rencontre son homologue à Bruxelles.
        Ministre Affaires Etrangeres Rencontre Homologue
        https://example.com/ministre-affaires-etrangeres-rencontre-homologue
        ministre_affaires_etrangeres.jpg
        """
        #expect(try flagged(clean, kind: kind).isEmpty)
    }

    @Test func noShippedWordIsEnglishAndSourceAtOnce() throws {
        // Every source list keeps a few hundred words after the English homographs are set aside.
        let kind = try shippedKind()
        for list in kind.lists {
            #expect(list.words.subtracting(kind.english).count >= 250, "\(list.language)")
        }
    }
}

import Foundation
import Testing
@testable import MTLintCLI
@testable import MTLintRuleFiles

@Suite struct ConfigurationTests {
    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static let artifacts = "Must read\n\nstop it now, ”he said\n"

    func rules(in output: String) -> Set<String> {
        guard let records = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] else { return [] }
        return Set(records.compactMap { $0["rule"] as? String })
    }

    @Test func discoveredByWalkingUpFromEachFile() throws {
        let root = try temporaryFolder()
        try write("select: [quote-spacing]\n", to: root + "/.mtlint.yml")
        try write(Self.artifacts, to: root + "/deep/er/article.txt")
        let result = runMTLint(["lint", "--format", "json", root + "/deep/er/article.txt"])
        #expect(rules(in: result.out) == ["quotes/spacing"])
    }

    @Test func commandLineWinsOverTheFile() throws {
        let root = try temporaryFolder()
        try write("select: [quote-spacing]\n", to: root + "/.mtlint.yml")
        try write(Self.artifacts, to: root + "/article.txt")
        let result = runMTLint(["lint", "--format", "json", "--select", "boilerplate", root + "/article.txt"])
        #expect(!rules(in: result.out).isEmpty)
        #expect(rules(in: result.out).allSatisfy { $0.hasPrefix("boilerplate/") })
    }

    @Test func overridesExcludeAndSeverity() throws {
        let root = try temporaryFolder()
        try write("""
        select: [quote-spacing, boilerplate]
        severity: { quotes/spacing: error }
        exclude: ['drafts/**']
        overrides:
          - paths: ['wire/*.txt']
            ignore: [boilerplate]
        """, to: root + "/.mtlint.yml")
        try write(Self.artifacts, to: root + "/wire/a.txt")
        try write(Self.artifacts, to: root + "/drafts/b.txt")
        try write(Self.artifacts, to: root + "/c.txt")
        let result = runMTLint(["lint", "--format", "json", root])
        let records = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let byPath = Dictionary(grouping: records) { ($0["path"] as? String ?? "").replacing(root + "/", with: "") }
        #expect(byPath["drafts/b.txt"] == nil)
        #expect(Set(byPath["wire/a.txt"]?.compactMap { $0["rule"] as? String } ?? []) == ["quotes/spacing"])
        #expect(byPath["c.txt"]?.contains { ($0["rule"] as? String ?? "").hasPrefix("boilerplate/") } == true)
        #expect(byPath["c.txt"]?.first { $0["rule"] as? String == "quotes/spacing" }?["severity"] as? String == "error")
    }

    @Test func unknownKeyIsAnErrorWithItsPlace() throws {
        let root = try temporaryFolder()
        try write("select: [quotes]\nignor: [boilerplate]\n", to: root + "/.mtlint.yml")
        try write(Self.artifacts, to: root + "/a.txt")
        let result = runMTLint(["lint", root + "/a.txt"])
        #expect(result.status == 2)
        #expect(result.err.contains("\(root)/.mtlint.yml:2:1: error: unknown key 'ignor'"))
        #expect(result.err.contains("did you mean 'ignore'?"))
    }

    @Test func wrongTypeIsAnError() throws {
        let root = try temporaryFolder()
        try write("quotes: [curly]\n", to: root + "/cfg.yml")
        let result = runMTLint(["lint", "--config", root + "/cfg.yml", "-"], stdin: "x")
        #expect(result.status == 2)
        #expect(result.err.contains("cfg.yml:1:9: error: expected a string, found a list"))
    }

    @Test func ruleFoldersAreRelativeToTheConfiguration() throws {
        let root = try temporaryFolder()
        try write("rules: [house-rules]\nselect: [house]\n", to: root + "/.mtlint.yml")
        try write("""
        id: house/no-utilise
        category: calque
        summary: s
        why: w
        match: { phrases: [utilise] }
        message: m
        examples: { flag: ['we ⟨utilise⟩ it'], pass: ['we use it'] }
        """, to: root + "/house-rules/utilise.yml")
        try write("We utilise tools.\n", to: root + "/a.txt")
        let result = runMTLint(["lint", "--format", "json", root + "/a.txt"])
        #expect(rules(in: result.out) == ["house/no-utilise"])
    }

    @Test func globs() {
        #expect(Glob("*.md").matches("a/b/c.md"))
        #expect(Glob("drafts/**").matches("drafts/x/y.txt"))
        #expect(!Glob("drafts/**").matches("final/drafts.txt"))
        #expect(Glob("wire/*.txt").matches("wire/a.txt"))
        #expect(!Glob("wire/*.txt").matches("wire/x/a.txt"))
        #expect(Glob("**/b/*.txt").matches("b/a.txt"))
        #expect(Glob("[ab]?.txt").matches("a1.txt"))
    }

    /// `target:` names a BCP 47 tag; ICU's locale data wants underscores.
    @Test func targetTagsBecomeICULocales() {
        #expect(RuleSetFactory.icuLocale("en-US") == "en_US")
        #expect(RuleSetFactory.icuLocale("fr") == "fr")
        #expect(RuleSetFactory.icuLocale("sr-Latn-RS") == "sr_Latn_RS")
        #expect(RuleSetFactory.icuLocale("x-é-y") == "x_é_y")
    }
}

import ArgumentParser
import Foundation
import Testing
@testable import MTLintCLI
import MTLintCore
import MTLintReporters
import MTLintRuleFiles

/// What the goldens cannot show by themselves: that SARIF's pieces refer to each other
/// correctly, that its fixes rebuild what `mtlint fix` writes, escaping, streaming and word
/// counts.
@Suite struct OutputFormatBehaviourTests {
    func sarifLog() throws -> [String: Any] {
        let result = GoldenFiles.lint(["--format", "sarif"])
        return try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    @Test func sarifResultsPointAtTheirRules() throws {
        let log = try sarifLog()
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "mtlint")
        #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String }.sorted() == ["golden/closing-quote", "golden/share-line", "golden/take-decision"])
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["help"] as? [String: Any])?["text"] is String)
            #expect((rule["properties"] as? [String: Any])?["category"] is String)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let level = (rules[index]["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(result["level"] as? String == level)
        }
        let levels = results.compactMap { $0["level"] as? String }
        #expect(levels == ["error", "warning", "note"])
    }

    /// Applying the SARIF fixes' byte replacements to the input gives exactly what
    /// `mtlint fix --unsafe-fixes` writes: the byte offsets are right.
    @Test func sarifFixesRebuildTheFixedText() throws {
        let log = try sarifLog()
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        var replacements: [(offset: Int, length: Int, text: String)] = []
        for result in results {
            let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
            let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
            #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == "-")
            for replacement in try #require(change["replacements"] as? [[String: Any]]) {
                let region = try #require(replacement["deletedRegion"] as? [String: Any])
                let inserted = try #require((replacement["insertedContent"] as? [String: Any])?["text"] as? String)
                replacements.append((try #require(region["byteOffset"] as? Int), try #require(region["byteLength"] as? Int), inserted))
            }
        }
        var bytes = Array(GoldenFiles.input.utf8)
        for r in replacements.sorted(by: { $0.offset > $1.offset }) {
            bytes.replaceSubrange(r.offset..<(r.offset + r.length), with: Array(r.text.utf8))
        }
        let fixed = GoldenFiles.run(["fix", "-", "--unsafe-fixes", "--no-builtin-rules", "--rules", GoldenFiles.rulesFolder])
        #expect(String(decoding: bytes, as: UTF8.self) == fixed.out)
        #expect(fixed.out == "Tokyo \u{6771}\u{4EAC} \u{1F389} cafe\u{301} report.\r\n\n"
            + "\u{1F389} Le cafe\u{301} \u{6771}\u{4EAC}: \u{201C}we will not wait,\u{201D} they said, and they make a decision.\n")
    }

    @Test func sarifURIs() {
        #expect(SARIFReporter.uri(forPath: "docs/article.md") == "docs/article.md")
        #expect(SARIFReporter.uri(forPath: "my file,é.txt") == "my%20file%2C%C3%A9.txt")
        #expect(SARIFReporter.uri(forPath: "/srv/news/a#1.txt") == "file:///srv/news/a%231.txt")
    }

    @Test func githubEscaping() {
        #expect(GitHubReporter.escapeData("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b")
        #expect(GitHubReporter.escapeProperty("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae")
    }

    @Test func githubPathIsEscapedAsAProperty() throws {
        let folder = try temporaryFolder(prefix: "mtlint-github-")
        let path = folder + "/a,b:c.txt"
        try "Share this article\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = GoldenFiles.run(["lint", path, "--no-builtin-rules", "--rules", GoldenFiles.rulesFolder, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.out == "::error file=\(folder)/a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=19,title=golden/share-line::Page furniture: “Share this article”.\n")
    }

    /// A large file is linted in parts and each part's report is written as it is done: in
    /// every format (and with --statistics), the parts' output is byte for byte the output of
    /// the file linted whole. The text mixes BOM, CRLF, emoji, combining marks and CJK with
    /// every artifact class, straight quotes early and curly ones late (a document-wide
    /// decision), and parts small enough that boundaries fall everywhere.
    @Test func aFileLintedInPartsReportsWhatTheWholeFileDoes() throws {
        let texts = try PartsFixture.texts()
        try expectPartsReportAsWhole(texts.mixed, finding: "quotes/mixed-style")
        try expectPartsReportAsWhole(texts.swedish, finding: "Swedish-style mark")
    }

    /// Lints `text` whole and in parts of two sizes, in every format; the whole file's concise
    /// output must contain `finding` (so the comparison is not between two empty reports).
    func expectPartsReportAsWhole(_ text: String, finding: String) throws {
        let bytes = Array(text.utf8)
        let rules = try RuleLoader.load(builtin: true, directories: [])
        let linter = try Linter(rules: rules)
        let helper = try linter.copy()
        let console = Console(capturingWithInput: [])
        for partSize in [700, 2_500] {
            for arguments in [["--format", "text"], ["--format", "concise"], ["--format", "json"], ["--format", "jsonl"],
                              ["--format", "sarif"], ["--format", "github"], ["--statistics"], ["--statistics", "--format", "json"]] {
                let options = try OutputOptions.parse(arguments).settings
                let document = try Document(bytes: bytes)
                let whole = options.render(RunReport(files: [options.fileReport(path: "a.txt", document: document, result: linter.lint(document))]),
                                           console: console, rules: rules)
                var reporter = options.reporter(console: console, rules: rules)
                var streamed = reporter.start()
                var parts = 0
                PartitionedLint.run(DocumentPartition(bytes: bytes, partSize: partSize, contextLines: linter.partContextLines), linters: [linter, helper], transform: { part in
                    options.fileReport(path: "a.txt", document: part.document, result: part.result, origin: part.origin,
                                       isContinuation: part.isContinuation, countWordsIn: part.ownText)
                }, deliver: { report in
                    parts += 1
                    streamed += reporter.add(report)
                })
                streamed += reporter.finish()
                #expect(parts > 3)
                #expect(streamed == whole, "\(arguments) in parts of \(partSize) bytes")
                if arguments == ["--format", "concise"] { #expect(whole.contains(finding)) }
            }
        }
    }

    /// Output streams file by file on every core, yet always in path order.
    @Test func streamedOutputAcrossFilesIsInPathOrder() throws {
        let folder = try temporaryFolder(prefix: "mtlint-jsonl-")
        for name in ["a", "b", "c", "d"] {
            try GoldenFiles.input.write(toFile: "\(folder)/\(name).txt", atomically: true, encoding: .utf8)
        }
        let result = GoldenFiles.run(["lint", folder, "--no-builtin-rules", "--rules", GoldenFiles.rulesFolder, "--format", "jsonl", "--jobs", "4"])
        #expect(result.status == 1)
        let paths = result.out.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths == ["a", "b", "c", "d"].flatMap { name in Array(repeating: "\(folder)/\(name).txt", count: 3) })
    }

    @Test func wordCount() {
        #expect(WordCount.count(Document("don’t stop-gap \u{6771}\u{4EAC} \u{1F389} cafe\u{301} 42, -- x")) == 7)
        #expect(WordCount.count(Document("")) == 0)
        #expect(WordCount.count(Document("\u{1F389} \u{1F389}\r\n")) == 0)
        // The golden input: Tokyo 東 京 café report / Share this article / Le café 東 京 we will
        // not wait they said and they take a decision.
        #expect(WordCount.count(Document(GoldenFiles.input)) == 23)
    }

    @Test func statisticsDensity() throws {
        let result = GoldenFiles.lint(["--statistics", "--format", "json"])
        let stats = try JSONDecoder().decode(StatisticsReporter.Statistics.self, from: Data(result.out.utf8))
        #expect(stats.total == 3)
        #expect(stats.files.first?.words == 23)
        // 3 findings in 23 words: 3 × 1000 / 23 = 130.434…
        #expect(stats.files.first?.perThousandWords == 130.43)
        #expect(stats.rules.map(\.count) == [1, 1, 1])
        #expect(stats.categories.map(\.category) == ["boilerplate", "calque", "quote-spacing"])
    }
}

/// Texts for linting and fixing a file in parts: BOM, CRLF, emoji, combining marks and CJK
/// with every artifact class, and quotation marks that only the whole file decides (straight
/// ones early and curly ones late; Swedish-style ” openers, one per part).
enum PartsFixture {
    static func texts() throws -> (mixed: String, swedish: String) {
        let article = try String(contentsOfFile: packageRoot + "/Examples/article.txt", encoding: .utf8)
        let clean = try String(contentsOfFile: packageRoot + "/Tests/Fixtures/clean/music-festival.txt", encoding: .utf8)
        let straight = "The mayor called it \"a fair deal\" and left.\n\n"
        let filler = String(repeating: "The council met on Monday and agreed to meet again in the spring.\n\n", count: 30)
        let curly = "The envoy called it “a bad deal” and stayed.\n\n"
        let mixed = "\u{FEFF}" + straight + filler + curly + filler + article
            + "\n\nZoe\u{301} 👍🏽 北约 said: stop it now, ”he said.\r\n\r\n"
            + clean + article.replacingOccurrences(of: "\n", with: "\r\n") + "\n\n" + article + clean + article
        let swedish = "The envoy said ”a fair deal” and left.\n\n" + filler + filler + "The mayor said ”a bad one” and stayed.\n\n"
            + filler + filler + straight + filler
        return (mixed, swedish)
    }
}

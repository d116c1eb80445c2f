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
        let folder = NSTemporaryDirectory() + "mtlint-github-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/a,b:c.txt"
        try "Share this article\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = GoldenFiles.run(["lint", path, "--no-builtin-rules", "--rules", GoldenFiles.rulesFolder, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.out == "::error file=\(folder)/a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=19,title=golden/share-line::Page furniture: “Share this article”.\n")
    }

    /// `--format jsonl` writes a file's findings when the file is done, before the run's end.
    @Test func jsonLinesStream() throws {
        let options = try OutputOptions.parse(["--format", "jsonl"])
        #expect(options.streams)
        let console = Console(capturingWithInput: [])
        let rules = try #require(try? RuleLoader.load(builtin: false, directories: [GoldenFiles.rulesFolder]))
        let linter = try Linter(rules: rules)
        let document = Document(GoldenFiles.input)
        let report = options.fileReport(path: "a.txt", document: document, result: linter.lint(document), console: console)
        #expect(console.stdout.split(separator: "\n").count == 3)
        #expect(options.render(RunReport(files: [report]), console: console, streamed: true) == "")
        // Not streamed (as `mtlint fix` uses it), the same lines come from render.
        #expect(options.render(RunReport(files: [report]), console: console) == console.stdout)
        // --statistics replaces the findings, so nothing streams.
        #expect(try !OutputOptions.parse(["--format", "jsonl", "--statistics"]).streams)
    }

    @Test func jsonLinesAcrossFilesKeepEachFileTogether() throws {
        let folder = NSTemporaryDirectory() + "mtlint-jsonl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a", "b", "c", "d"] {
            try GoldenFiles.input.write(toFile: "\(folder)/\(name).txt", atomically: true, encoding: .utf8)
        }
        let result = GoldenFiles.run(["lint", folder, "--no-builtin-rules", "--rules", GoldenFiles.rulesFolder, "--format", "jsonl", "--jobs", "4"])
        #expect(result.status == 1)
        let paths = result.out.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths.count == 12)
        // Whatever order the files finish in, each file's three findings are adjacent.
        for start in stride(from: 0, to: paths.count, by: 3) {
            #expect(Set(paths[start..<start + 3]).count == 1)
        }
        #expect(Set(paths).count == 4)
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

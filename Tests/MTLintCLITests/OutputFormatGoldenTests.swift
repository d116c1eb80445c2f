import Foundation
import Testing
@testable import MTLintCLI
import MTLintCore
import MTLintReporters

/// Golden-file tests for every `--format` and for `--statistics`, run in-process on a small
/// input of our own with fixture rules (Golden/rules), so the goldens do not change when the
/// shipped rule packs grow.
///
/// Regenerate with `MTLINT_UPDATE_GOLDEN=1 swift test --filter OutputFormatGoldenTests`
/// (or `Tests/MTLintCLITests/Golden/update.sh`), then review the diff: a golden is a claim
/// about the output, checked by hand (see `handCheckedPositions` below), not a recording.
enum GoldenFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let rulesFolder = folder.appendingPathComponent("rules").path
    static var updating: Bool { ProcessInfo.processInfo.environment["MTLINT_UPDATE_GOLDEN"] == "1" }

    /// The input, byte by byte (written with escapes so nothing is lost to an editor or to git):
    ///
    ///     line 1  Tokyo 東京 🎉 café report.⏎       (é = e + U+0301 COMBINING ACUTE; CRLF)
    ///     line 2  (blank)
    ///     line 3  Share this article                 (golden/share-line, error)
    ///     line 4  (blank)
    ///     line 5  🎉 Le café 東京: “we will not wait, ”they said, and they take a decision.
    ///                                                 (golden/closing-quote, golden/take-decision)
    static let input = "Tokyo \u{6771}\u{4EAC} \u{1F389} cafe\u{301} report.\r\n"
        + "\n"
        + "Share this article\n"
        + "\n"
        + "\u{1F389} Le cafe\u{301} \u{6771}\u{4EAC}: \u{201C}we will not wait, \u{201D}they said, and they take a decision.\n"

    static func run(_ arguments: [String], stdin: String = input) -> (status: Int32, out: String, err: String) {
        let console = Console(capturingWithInput: Array(stdin.utf8))
        let status = MTLintCommand.run(arguments, console: console)
        return (status, console.stdout, console.stderr)
    }

    /// Lints the input from standard input with only the fixture rules.
    static func lint(_ extra: [String], stdin: String = input) -> (status: Int32, out: String, err: String) {
        run(["lint", "-", "--no-builtin-rules", "--rules", rulesFolder, "--jobs", "1"] + extra, stdin: stdin)
    }

    /// Compares `actual` with the golden file `name`, or writes it when updating.
    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if updating {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); run with MTLINT_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let firstDifference = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                                      actual.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            let detail = firstDifference.map { "line \($0.offset + 1):\n  golden: \($0.element.0)\n  actual: \($0.element.1)" } ?? "lengths differ"
            Issue.record("output differs from golden \(name) (\(detail))", sourceLocation: sourceLocation)
        }
    }

    /// JSON with sorted keys, so the comparison does not depend on how the output was formatted.
    static func normalizedJSON(_ text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "not JSON:\n" + text }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

@Suite struct OutputFormatGoldenTests {
    /// The three findings' positions, worked out by hand from the input's bytes; every golden
    /// below repeats them.
    ///
    /// Line 1 is `Tokyo ` (6 bytes) + 東京 (2 × 3) + ` ` (1) + 🎉 (4) + ` ` (1) + `cafe` (4)
    /// + U+0301 (2) + ` report.` (8) + CRLF (2) = 34 bytes; line 2 is one LF, so line 3 starts
    /// at byte 35. `Share this article` is 18 bytes and 18 scalars: columns 1..<19, bytes
    /// 35..<53. Its fix deletes the line, its LF and the blank line 4 after it (it stands
    /// between blank lines): bytes 35..<55 (20 bytes), ending at line 5 column 1. So line 5
    /// starts at byte 55.
    ///
    /// Line 5, in scalars: 🎉 1, space 2, `Le` 3–4, space 5, `cafe` 6–9, U+0301 10, space 11,
    /// 東 12, 京 13, `:` 14, space 15, “ 16, `we will not wait,` 17–33, space 34, ” 35. So the
    /// closing-quote finding is line 5, column 35, endColumn 36 (exclusive): one scalar, though
    /// the emoji before it is two UTF-16 units and the combining mark a scalar of its own.
    /// In bytes: 55 + 🎉 4 + ` Le ` 4 + `cafe` 4 + U+0301 2 + ` ` 1 + 東京 6 + `: ` 2 + “ 3
    /// = 81, + `we will not wait,` 17 = 98 (the space), so ” is at byte 99, 3 bytes long. The
    /// fix replaces the space and the mark (column 34..<36, bytes 98..<102, 4 bytes) with “” ”.
    ///
    /// After ” (bytes 99..<102, column 35) comes `they said, and they ` (20 scalars, 20 bytes):
    /// `take a decision` starts at column 56 and byte 122 and ends at column 71, byte 137.
    @Test func handCheckedPositions() throws {
        let result = GoldenFiles.lint(["--format", "json"])
        #expect(result.status == 1)
        let records = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(records.count == 3)
        func field(_ rule: String, _ key: String) -> Int? {
            records.first { $0["rule"] as? String == rule }?[key] as? Int
        }
        #expect(field("golden/share-line", "line") == 3)
        #expect(field("golden/share-line", "byteOffset") == 35)
        #expect(field("golden/share-line", "byteLength") == 18)
        #expect(field("golden/closing-quote", "column") == 35)
        #expect(field("golden/closing-quote", "endColumn") == 36)
        #expect(field("golden/closing-quote", "byteOffset") == 99)
        #expect(field("golden/closing-quote", "byteLength") == 3)
        #expect(field("golden/take-decision", "column") == 56)
        #expect(field("golden/take-decision", "endColumn") == 71)
        #expect(field("golden/take-decision", "byteOffset") == 122)
        // The byte offsets point at the text they claim to.
        let bytes = Array(GoldenFiles.input.utf8)
        #expect(Array(bytes[99..<102]) == Array("\u{201D}".utf8))
        #expect(Array(bytes[122..<137]) == Array("take a decision".utf8))
        #expect(Array(bytes[35..<53]) == Array("Share this article".utf8))
    }

    @Test func text() {
        let result = GoldenFiles.lint([])
        #expect(result.status == 1)
        #expect(result.err.isEmpty)
        GoldenFiles.check(result.out, against: "sample.text.txt")
    }

    @Test func concise() {
        let result = GoldenFiles.lint(["--format", "concise"])
        #expect(result.status == 1)
        #expect(result.err.isEmpty)
        GoldenFiles.check(result.out, against: "sample.concise.txt")
    }

    @Test func json() {
        let result = GoldenFiles.lint(["--format", "json"])
        #expect(result.status == 1)
        GoldenFiles.check(GoldenFiles.normalizedJSON(result.out), against: "sample.json")
    }

    @Test func jsonLines() throws {
        let result = GoldenFiles.lint(["--format", "jsonl"])
        #expect(result.status == 1)
        GoldenFiles.check(result.out, against: "sample.jsonl")
        // Each line is one finding with exactly the fields of the json format.
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 3)
        let array = try #require(JSONSerialization.jsonObject(with: Data(GoldenFiles.lint(["--format", "json"]).out.utf8)) as? [[String: Any]])
        for (line, record) in zip(lines, array) {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(record.keys))
            #expect(object["rule"] as? String == record["rule"] as? String)
        }
    }

    @Test func sarif() {
        let result = GoldenFiles.lint(["--format", "sarif"])
        #expect(result.status == 1)
        GoldenFiles.check(result.out, against: "sample.sarif")
    }

    @Test func github() {
        let result = GoldenFiles.lint(["--format", "github"])
        #expect(result.status == 1)
        GoldenFiles.check(result.out, against: "sample.github.txt")
    }

    @Test func html() {
        let result = GoldenFiles.lint(["--format", "html"])
        #expect(result.status == 1)
        GoldenFiles.check(result.out, against: "sample.html")
    }

    @Test func statisticsText() {
        let result = GoldenFiles.lint(["--statistics"])
        #expect(result.status == 1)
        GoldenFiles.check(result.out, against: "sample.statistics.txt")
    }

    @Test func statisticsJSON() {
        let result = GoldenFiles.lint(["--statistics", "--format", "json"])
        #expect(result.status == 1)
        GoldenFiles.check(result.out, against: "sample.statistics.json")
    }

    @Test func cleanInputInEveryFormat() throws {
        for format in OutputFormat.allCases {
            let result = GoldenFiles.lint(["--format", format.rawValue], stdin: "Nothing to see here.\n")
            #expect(result.status == 0, "\(format)")
            switch format {
            case .jsonl, .github: #expect(result.out.isEmpty, "\(format)")
            case .json: #expect((try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [Any])?.isEmpty == true)
            case .sarif:
                let log = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
                let runs = try #require(log["runs"] as? [[String: Any]])
                #expect((runs.first?["results"] as? [Any])?.isEmpty == true)
            case .text, .concise: #expect(result.out == "No artifacts found.\n")
            case .html: #expect(result.out.contains("<p class=\"totals clean\">No artifacts found in 1 file.</p>"))
            }
        }
    }
}

import Foundation
import Testing
@testable import MTLintCLI

/// `lint --jsonl FIELD` and `fix --jsonl FIELD`: JSON Lines in, one JSON line out per line.
@Suite struct CorpusModeTests {
    /// Record texts: 0 a quote artifact, 1 clean, 2 a related-articles line, 3 clean.
    static let texts = [
        "Talks resumed on Monday. “We will not stop it now, ”he said.",
        "The council met on Tuesday to discuss the budget.",
        "Story of the day.\n\nMust read\n\nThe vote is on Friday.",
        "Prices rose by three per cent in May, the office said.",
    ]

    static func record(_ index: Int) -> String {
        let text = texts[index % texts.count] + " Café \(index)."
        let object: [String: Any] = ["id": index, "text": text, "source": "wire/\(index % 7)"]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static let stream: String = (0..<10_000).map(record).joined(separator: "\n") + "\n"

    func parse(_ line: Substring) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    func run(_ arguments: [String], bytes: [UInt8]) -> (status: Int32, out: String, err: String) {
        let console = Console(capturingWithInput: bytes)
        let status = MTLintCommand.run(arguments, console: console)
        return (status, console.stdout, console.stderr)
    }

    @Test func lintsTenThousandRecordsInOrder() throws {
        let result = runMTLint(["lint", "--jsonl", "text"], stdin: Self.stream)
        #expect(result.status == 1)
        #expect(result.err == "")
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 10_001)
        #expect(lines.last == "")
        for (index, line) in lines.dropLast().enumerated() {
            let object = try #require(parse(line), "line \(index + 1) is not a JSON object: \(line)")
            #expect(object["line"] as? Int == index + 1)
            #expect(object["id"] as? Int == index)
            #expect(object["source"] == nil)  // only the id is echoed
            let findings = try #require(object["findings"] as? [[String: Any]])
            let rules = Set(findings.compactMap { $0["rule"] as? String })
            switch index % 4 {
            case 0: #expect(rules.contains("quotes/spacing"), "line \(index + 1)")
            case 2: #expect(rules.contains("boilerplate/related-teasers"), "line \(index + 1)")
            default: #expect(findings.isEmpty, "line \(index + 1): \(rules)")
            }
            for finding in findings { #expect(finding["path"] as? String == "-:\(index + 1)") }
        }
    }

    /// A record's findings are the objects `--format jsonl` writes for the same text (less the
    /// path), escapes included: quotation marks, a tab and CRLF line ends in the text.
    @Test func findingsAreThoseOfJSONLinesOutput() throws {
        let text = "Prices \"rose\" by\tthree per cent.\r\nMust read\r\nIt cost 80 000 euros, ”he said."
        let encoded = try JSONSerialization.data(withJSONObject: ["text": text])
        let corpus = runMTLint(["lint", "--jsonl", "text"], stdin: String(decoding: encoded, as: UTF8.self) + "\n")
        let file = runMTLint(["lint", "--format", "jsonl", "-"], stdin: text)
        let object = try #require(parse(corpus.out.dropLast()))
        let findings = try #require(object["findings"] as? [[String: Any]])
        let expected = file.out.split(separator: "\n").compactMap(parse)
        #expect(findings.count >= 3)
        #expect(findings.count == expected.count)
        for (found, wanted) in zip(findings, expected) {
            #expect(NSDictionary(dictionary: found.filter { $0.key != "path" }) == NSDictionary(dictionary: wanted.filter { $0.key != "path" }))
        }
    }

    @Test func findingPositionsAreRelativeToTheField() throws {
        let result = runMTLint(["lint", "--jsonl", "body", "--select", "boilerplate"],
                               stdin: #"{"id":"a","title":"Must read","body":"Story.\n\nMust read\n"}"# + "\n")
        #expect(result.status == 1)
        let object = try #require(parse(result.out.dropLast()))
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["line"] as? Int == 3)
        #expect(finding["column"] as? Int == 1)
        #expect(finding["byteOffset"] as? Int == 8)
        #expect(object["id"] as? String == "a")
    }

    @Test func fixesTenThousandRecordsKeepingOtherFields() throws {
        let result = runMTLint(["fix", "--jsonl", "text"], stdin: Self.stream)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 10_001)
        #expect(result.err == "")
        // Every finding had a safe fix: nothing remains.
        #expect(result.status == 0)
        for (index, line) in lines.dropLast().enumerated() {
            let original = Self.record(index)
            let object = try #require(parse(line))
            #expect(object["id"] as? Int == index)
            #expect(object["source"] as? String == "wire/\(index % 7)")
            let text = try #require(object["text"] as? String)
            let fixes = object[CorpusMode.fixesKey] as? Int
            switch index % 4 {
            case 0:
                #expect(text == "Talks resumed on Monday. “We will not stop it now,” he said. Café \(index).")
                #expect(fixes == 1)
                #expect(object[CorpusMode.remainingKey] as? Int == 0)
            case 2:
                #expect(text == "Story of the day.\n\nThe vote is on Friday. Café \(index).")
                #expect(fixes == 1)
                #expect(object[CorpusMode.remainingKey] as? Int == 0)
            default:
                // Untouched records come back byte for byte, counts appended.
                #expect(line == original.dropLast() + #","mtlint_fixes":0,"mtlint_remaining":0}"#)
            }
        }
    }

    @Test func fixKeepsKeyOrderAndNumbersAsWritten() {
        let input = #"{"z":1.50e3,"text":"Story.\n\nMust read\n","a":[true,null,{"k":"\u00e9"}],"mtlint_fixes":9}"# + "\n"
        let result = runMTLint(["fix", "--jsonl", "text"], stdin: input)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == #"{"z":1.50e3,"text":"Story.\n","a":[true,null,{"k":"\u00e9"}],"mtlint_fixes":1,"mtlint_remaining":0}"# + "\n")
    }

    @Test func unsafeFixesOnlyWhenAsked() throws {
        // The option reaches the fixer: it never applies fewer fixes than the safe run.
        let input = (0..<50).map(Self.record).joined(separator: "\n") + "\n"
        let safe = runMTLint(["fix", "--jsonl", "text"], stdin: input)
        let unsafe = runMTLint(["fix", "--jsonl", "text", "--unsafe-fixes"], stdin: input)
        func total(_ out: String) -> Int {
            out.split(separator: "\n").compactMap { parse($0)?[CorpusMode.fixesKey] as? Int }.reduce(0, +)
        }
        #expect(total(unsafe.out) >= total(safe.out))
        #expect(total(safe.out) == 25)
    }

    @Test func badRecordsPassThroughWithTheirLineNumbers() {
        let good = #"{"id":1,"text":"A clean sentence."}"#
        let lines = [
            good,                                   // 1
            "not json",                             // 2
            "[1,2,3]",                              // 3
            #"{"id":4}"#,                           // 4
            #"{"id":5,"text":42}"#,                 // 5
            #"{"id":6,"text":"a\u0000b"}"#,         // 6
            "",                                     // 7
            #"{"id":8,"text":"x"} trailing"#,       // 8
            #"{"id":9,"text":"\ud800 alone"}"#,     // 9
            good,                                   // 10
        ]
        let input = lines.joined(separator: "\n")  // no final line feed: the last line still counts
        for command in ["lint", "fix"] {
            let result = runMTLint([command, "--jsonl", "text"], stdin: input)
            #expect(result.status == 2)
            let out = result.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(out.count == lines.count)
            for number in 2...9 { #expect(out[number - 1] == lines[number - 1], "line \(number)") }
            #expect(out[0] != Substring(good))  // processed, not passed through
            let err = result.err
            #expect(err.contains("mtlint: stdin:2: not JSON"))
            #expect(err.contains("mtlint: stdin:3: not a JSON object (a JSON array)"))
            #expect(err.contains(#"mtlint: stdin:4: no field "text""#))
            #expect(err.contains(#"mtlint: stdin:5: field "text" is not a string (a JSON number)"#))
            #expect(err.contains(#"mtlint: stdin:6: field "text" contains NUL"#))
            #expect(err.contains("mtlint: stdin:7: empty line"))
            #expect(err.contains("mtlint: stdin:8: not JSON: text after the object"))
            #expect(err.contains("mtlint: stdin:9: field \"text\": lone surrogate"))
            #expect(!err.contains("stdin:1:") && !err.contains("stdin:10:"))
            #expect(err.split(separator: "\n").count == 8)
        }
    }

    @Test func invalidUTF8IsABadRecord() {
        var bytes = Array(#"{"id":1,"text":"caf"#.utf8) + [0xE9] + Array("\"}\n".utf8)
        bytes += Array(#"{"id":2,"text":"fine."}"#.utf8) + [0x0A]
        let result = run(["lint", "--jsonl", "text"], bytes: bytes)
        #expect(result.status == 2)
        #expect(result.err == "mtlint: stdin:1: invalid UTF-8 at byte 19\n")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == #"{"line":2,"id":2,"findings":[]}"#)
    }

    @Test func exitCodes() {
        let clean = #"{"id":"c","text":"A clean sentence."}"# + "\n"
        let dirty = #"{"id":"d","text":"Story.\n\nMust read\n"}"# + "\n"
        #expect(runMTLint(["lint", "--jsonl", "text"], stdin: clean).status == 0)
        #expect(runMTLint(["lint", "--jsonl", "text"], stdin: clean + dirty).status == 1)
        #expect(runMTLint(["lint", "--jsonl", "text"], stdin: clean + dirty + "x\n").status == 2)
        // fix: 0 when every finding was fixed.
        let fixed = runMTLint(["fix", "--jsonl", "text"], stdin: clean + dirty)
        #expect(fixed.status == 0)
        #expect(fixed.out.hasSuffix(#"{"id":"d","text":"Story.\n","mtlint_fixes":1,"mtlint_remaining":0}"# + "\n"))
        // fix: 1 when findings remain (an unbalanced quote has no fix).
        let unbalanced = #"{"id":"u","text":"stop it now, ”he said"}"# + "\n"
        let left = runMTLint(["fix", "--jsonl", "text"], stdin: clean + unbalanced)
        #expect(left.status == 1)
        #expect(left.out.hasSuffix(#"{"id":"u","text":"stop it now,” he said","mtlint_fixes":1,"mtlint_remaining":1}"# + "\n"))
        // Empty input: nothing out, clean.
        let empty = runMTLint(["lint", "--jsonl", "text"], stdin: "")
        #expect(empty.status == 0 && empty.out == "")
    }

    @Test func customIDFieldAndUsageErrors() {
        let result = runMTLint(["lint", "--jsonl", "text", "--jsonl-id", "url"],
                               stdin: #"{"url":"https://x.example/a","id":3,"text":"Fine."}"# + "\n")
        #expect(result.out == #"{"line":1,"url":"https://x.example/a","findings":[]}"# + "\n")
        #expect(runMTLint(["lint", "--jsonl", "text", "file.txt"]).err.contains("--jsonl reads standard input"))
        #expect(runMTLint(["fix", "--jsonl", "text", "--diff"]).status == 2)
        #expect(runMTLint(["lint", "--jsonl", "text", "--format", "json"]).status == 2)
        #expect(runMTLint(["lint"]).err.contains("give at least one PATH"))
    }

    @Test func readerSplitsLinesAcrossTinyChunks() {
        let text = Array("{\"a\":1}\n\n{\"b\":\"long line here\"}\r\nlast".utf8)
        var offset = 0
        var reader = JSONLinesReader(chunkSize: 3) { count in
            let end = min(text.count, offset + count)
            defer { offset = end }
            return Array(text[offset..<end])
        }
        var lines: [RawLine] = []
        while true {
            let batch = reader.nextBatch(maxLines: 2, maxBytes: 1 << 20)
            if batch.isEmpty { break }
            #expect(batch.count <= 2)
            lines += batch
        }
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\":1}", "", "{\"b\":\"long line here\"}\r", "last"])
    }

    @Test func scannerAcceptsJSONAndRejectsTheRest() {
        let valid = [#"{}"#, #" {"a" : [1, -2.5e-3, true, false, null, {"b": {}}], "c": "\"\\\/\b\f\n\r\t\u0041"} "#]
        for line in valid { #expect((try? JSONObjectScanner.scan(Array(line.utf8))) != nil, "\(line)") }
        let invalid = [#"{"a":01}"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, "{\"a\":\"\t\"}", #"{"a":1"#, #"{"a":-}"#]
        for line in invalid { #expect((try? JSONObjectScanner.scan(Array(line.utf8))) == nil, "\(line)") }
    }

    @Test func progressIsSilentWithoutATerminal() {
        let console = Console(capturingWithInput: [])
        let progress = Progress(console: console, unit: "records")
        progress.advance(items: 1_000, bytes: 1 << 30)
        progress.finish()
        #expect(console.stderr == "")
    }
}

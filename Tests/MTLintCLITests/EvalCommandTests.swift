import Foundation
import Testing
@testable import MTLintCLI
import MTLintEvaluation

/// `mtlint eval`: the figures on annotated excerpts, the same as the reference scorer's.
@Suite struct EvalCommandTests {
    static let set = packageRoot + "/Tests/Fixtures/annotated/set"
    static let testRules = ["--no-builtin-rules", "--rules", packageRoot + "/Tests/Fixtures/annotated/rules"]
    static let devset = packageRoot + "/../shared/devset"
    static let referenceScorer = devset + "/score.py"
    static var canRunReferenceScorer: Bool {
        FailedWriteTests.binary != nil && FileManager.default.fileExists(atPath: referenceScorer)
    }

    func evalJSON(_ arguments: [String]) throws -> [String: Any] {
        let result = runMTLint(["eval", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.err)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    /// The reference scorer's `--json` output for `set`, run on the debug binary.
    func reference(set: String, extra: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.referenceScorer, try #require(FailedWriteTests.binary), "--set", set, "--json"]
            + (extra.isEmpty ? [] : ["--extra-args", extra.joined(separator: " ")])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Recall and precision per category and overall equal the reference scorer's; fix
    /// accuracy is within 0.02.
    func expectAgreement(set: String, extra: [String]) throws {
        let ours = try evalJSON(extra + [set])
        let theirs = try reference(set: set, extra: extra)
        let ourSummary = try #require(ours["summary"] as? [String: Any])
        let theirSummary = try #require(theirs["summary"] as? [String: Any])
        for key in ["mechanical_recall", "precision", "calque_recall"] {
            #expect(ourSummary[key] as? Double == theirSummary[key] as? Double, "\(key)")
        }
        #expect(ourSummary["findings"] as? Int == theirSummary["findings"] as? Int)
        #expect(ourSummary["false_alarms"] as? Int == theirSummary["false_positives"] as? Int)
        let ourFix = try #require(ourSummary["mechanical_fix_accuracy"] as? Double)
        let theirFix = try #require(theirSummary["mechanical_fix_accuracy"] as? Double)
        #expect(abs(ourFix - theirFix) <= 0.02)
        let ourRows = try #require(ours["categories"] as? [[String: Any]])
        let theirRows = try #require(theirs["rows"] as? [[String: Any]])
        #expect(ourRows.count == theirRows.count)
        for theirRow in theirRows {
            let category = try #require(theirRow["category"] as? String)
            let ourRow = try #require(ourRows.first { $0["category"] as? String == category }, "\(category)")
            #expect(ourRow["annotations"] as? Int == theirRow["expected"] as? Int, "\(category)")
            #expect(ourRow["found"] as? Int == theirRow["found"] as? Int, "\(category)")
            #expect(ourRow["findings"] as? Int == theirRow["findings"] as? Int, "\(category)")
            #expect(ourRow["recall"] as? Double == theirRow["recall"] as? Double, "\(category)")
            #expect(ourRow["precision"] as? Double == theirRow["precision"] as? Double, "\(category)")
            #expect(ourRow["fixes_expected"] as? Int == theirRow["fix_total"] as? Int, "\(category)")
        }
    }

    @Test(.enabled(if: EvalCommandTests.canRunReferenceScorer))
    func agreesWithTheReferenceScorerOnOurOwnSet() throws {
        try expectAgreement(set: Self.set, extra: Self.testRules)
    }

    @Test(.enabled(if: EvalCommandTests.canRunReferenceScorer))
    func agreesWithTheReferenceScorerOnTheDevelopmentSet() throws {
        try expectAgreement(set: Self.devset, extra: [])
    }

    /// The figures of our own set, worked out by hand (README of the fixture says what each
    /// excerpt exercises).
    @Test func figuresOfOurOwnSet() throws {
        let json = try evalJSON(Self.testRules + [Self.set])
        let summary = try #require(json["summary"] as? [String: Any])
        // Mechanical: quote-spacing 2/2, boilerplate 2/3, quote-style-mixed 0/1.
        #expect(summary["mechanical_recall"] as? Double == 0.667)
        // 9 findings: 2 quote, 2 ad lines, 3 space-before-period (one on an annotation of another
        // category: right, but it finds nothing), 2 doubled spaces touching nothing.
        #expect(summary["findings"] as? Int == 9)
        #expect(summary["false_alarms"] as? Int == 2)
        #expect(summary["precision"] as? Double == 0.778)
        // Fixes: 2 quotes, 2 ad lines, the style annotation repaired by the spacing fix; the
        // comment form stays: 5 of 6.
        #expect(summary["mechanical_fix_accuracy"] as? Double == 0.833)
        #expect(summary["calque_recall"] as? Double == 0)
        let rows = try #require(json["categories"] as? [[String: Any]])
        let punctuation = try #require(rows.first { $0["category"] as? String == "punctuation" })
        // Found through its alternative category; no finding of its own, so no precision.
        #expect(punctuation["found"] as? Int == 1)
        #expect(punctuation["precision"] is NSNull)
        let calque = try #require(rows.first { $0["category"] as? String == "calque" })
        #expect(calque["fixes_expected"] as? Int == 0)
        let rules = try #require(json["rules"] as? [[String: Any]])
        let doubled = try #require(rules.first { $0["rule"] as? String == "eval-test/doubled-space" })
        #expect(doubled["findings"] as? Int == 2)
        #expect(doubled["precision"] as? Double == 0)
        let missed = try #require(json["missed"] as? [[String: Any]])
        #expect(missed.map { "\($0["file"] ?? ""):\($0["line"] ?? "")" } == ["e1.txt:4", "e1.txt:5", "e2.txt:1"])
        let alarms = try #require(json["false_alarms"] as? [[String: Any]])
        #expect(alarms.map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "")" } == ["e1.txt:5:35", "e3.txt:1:34"])
    }

    @Test func textOutputNamesTheRuleThatCriesWolfAndListsOnRequest() {
        let result = runMTLint(["eval"] + Self.testRules + ["--show", "missed", "--show", "false-alarms", Self.set])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        // The per-rule table starts with the worst precision.
        let header = lines.firstIndex { $0.hasPrefix("rule ") } ?? 0
        #expect(lines.indices.contains(header + 1) && lines[header + 1].hasPrefix("eval-test/doubled-space"))
        #expect(result.out.contains("mechanical recall        0.667 (4 of 6)"))
        #expect(result.out.contains("e1.txt:4: boilerplate: “Please enter your comment!”"))
        #expect(result.out.contains("e3.txt:1:34: [eval-test/doubled-space]"))
    }

    @Test func fixesAreAppliedInMemoryOnly() throws {
        let folder = try temporaryFolder()
        var before: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.set) {
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.set + "/" + name))
            try data.write(to: URL(fileURLWithPath: folder + "/" + name))
            before[name] = data
        }
        _ = try evalJSON(Self.testRules + [folder])
        for (name, data) in before {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) == data, "\(name) changed")
        }
    }

    /// Columns are those of every output format: a BOM is not counted.
    @Test func anExcerptWithAByteOrderMarkIsScoredAtItsColumns() throws {
        let folder = try temporaryFolder()
        try Data(("\u{FEFF}👍 it was “final, ”she said\n").utf8).write(to: URL(fileURLWithPath: folder + "/bom.txt"))
        try Data(#"{"line": 1, "category": "quote-spacing", "text": "final, ”she", "fix": "final,” she"}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/bom.expected.jsonl"))
        let json = try evalJSON(Self.testRules + [folder])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["mechanical_recall"] as? Double == 1)
        #expect(summary["mechanical_fix_accuracy"] as? Double == 1)
    }

    @Test(arguments: [
        ("not json", "a.expected.jsonl:2: not a JSON object"),
        (#"{"line": 1, "category": "quote-spaceing", "text": "final", "fix": "?"}"#, "a.expected.jsonl:2: unknown category 'quote-spaceing'"),
        (#"{"line": 1, "category": "calque", "text": "absent words", "fix": "?"}"#, "a.expected.jsonl:2: 'text' is not on line 1 of the excerpt"),
        (#"{"line": 2, "category": "calque", "text": "the", "fix": "?"}"#, "a.expected.jsonl:2: 'text' occurs 2 times on line 2 of the excerpt; it must occur once"),
        (#"{"line": 9, "category": "calque", "text": "final", "fix": "?"}"#, "a.expected.jsonl:2: line 9 is not in the excerpt (it has 3 lines)"),
        (#"{"line": true, "category": "calque", "text": "final", "fix": "?"}"#, "a.expected.jsonl:2: 'line' must be a whole number"),
        (#"{"line": 1, "category": "calque", "text": "final"}"#, "a.expected.jsonl:2: 'fix' is missing"),
        (#"{"line": 1, "category": "calque", "text": "final", "fix": 3}"#, "a.expected.jsonl:2: 'fix' must be null or a string"),
        (#"{"line": 1, "category": "calque", "text": "final", "fix": "?", "note": "x"}"#, "a.expected.jsonl:2: unknown key 'note'"),
    ])
    func aBadAnnotationIsNamedByFileAndLine(line: String, message: String) throws {
        let folder = try temporaryFolder()
        try Data("it was final\nthe end of the day\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        let good = #"{"line": 1, "category": "calque", "text": "was", "fix": "?"}"#
        try Data((good + "\n" + line + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/a.expected.jsonl"))
        let result = runMTLint(["eval", folder])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix(folder + "/" + message), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test func aFolderWithoutAnnotationsOrAMissingExcerptIsAnError() throws {
        let empty = try temporaryFolder()
        let result = runMTLint(["eval", empty])
        #expect(result.status == 2)
        #expect(result.err.contains("no annotation files"))
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: empty + "/lonely.expected.jsonl"))
        let missing = runMTLint(["eval", empty])
        #expect(missing.status == 2)
        #expect(missing.err.contains("lonely.txt: no such file"))
    }

    @Test func theBaselineRatchetFailsWhenAFigureFalls() throws {
        let folder = try temporaryFolder()
        let baseline = folder + "/baseline.json"
        let written = runMTLint(["eval", "--format", "json", "--write-baseline", baseline] + Self.testRules + [Self.set])
        #expect(written.status == 0)
        // The same rules meet their own baseline.
        #expect(runMTLint(["eval", "--baseline", baseline] + Self.testRules + [Self.set]).status == 0)
        // Without the quote rule, quote-spacing recall and mechanical recall fall.
        let worse = runMTLint(["eval", "--baseline", baseline, "--ignore", "eval-test/closing-quote"] + Self.testRules + [Self.set])
        #expect(worse.status == 1)
        #expect(worse.err.contains("quality fell: mechanical recall fell from 0.667 to 0.333"))
        #expect(worse.err.contains("quote-spacing recall fell from 1.000 to 0.000"))
        // Without the doubled-space rule precision rises: no drop.
        #expect(runMTLint(["eval", "--baseline", baseline, "--ignore", "eval-test/doubled-space"] + Self.testRules + [Self.set]).status == 0)
    }

    @Test func dropsWithinTheToleranceAreNoise() throws {
        // One excerpt, two annotations, one found: recall 0.5.
        let excerpt = AnnotatedExcerpt(name: "x.txt", text: "Read also: more\n- Ad -\n", annotations: [
            Annotation(line: 1, category: .boilerplate, text: "Read also: more", repair: .deleteLine),
            Annotation(line: 2, category: .boilerplate, text: "- Ad -", repair: .deleteLine),
        ])
        let finding = ScoredFinding(rule: "t/x", category: .boilerplate, line: 1, column: 1, endLine: 1, endColumn: 16)
        let evaluation = Evaluation([(excerpt, ExcerptScore(excerpt: excerpt, findings: [finding], fixedText: "- Ad -\n"))])
        #expect(evaluation.summary.mechanicalRecall == 0.5)
        #expect(evaluation.summary.mechanicalFixAccuracy == 0.5)
        var baseline = QualityBaseline(evaluation, set: "x")
        #expect(baseline.drops(in: evaluation).isEmpty)
        baseline.mechanicalRecall = 0.504
        baseline.categories["boilerplate"]?.recall = 0.505
        #expect(baseline.drops(in: evaluation).isEmpty)
        baseline.mechanicalRecall = 0.506
        #expect(baseline.drops(in: evaluation).map(\.figure) == ["mechanical recall"])
        // The file round-trips, nulls included.
        baseline.calqueRecall = nil
        #expect(try QualityBaseline.decode(baseline.encoded()) == baseline)
    }
}

import Foundation
import Testing
@testable import MTLintCLI

/// Runs mtlint in-process, as a user would from the shell.
func runMTLint(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
    let console = Console(capturingWithInput: Array(stdin.utf8))
    let status = MTLintCommand.run(arguments, console: console)
    return (status, console.stdout, console.stderr)
}

@Suite struct LintCommandTests {
    @Test func cleanTextExitsZero() {
        let result = runMTLint(["lint", "-"], stdin: "A clean sentence.\n")
        #expect(result.status == 0)
        #expect(result.out.contains("No artifacts found."))
    }

    @Test func findingsExitOneWithTextOutput() {
        let result = runMTLint(["lint", "-", "--select", "quotes/spacing"], stdin: "👍 北约\r\nstop it now, ”he said\n")
        #expect(result.status == 1)
        #expect(result.out.hasPrefix("-:2:13: warning [quotes/spacing] Quotation mark: the space is before the closing mark instead of after it; write `now,” he`.\n"))
        #expect(result.out.contains("fix (safe): replace “ ”” with “” ”"))
    }

    @Test func jsonOutputHasExactPositions() throws {
        let input = "\u{FEFF}Zoe\u{301} 👍🏽\r\nstop it now, ”he said"
        let result = runMTLint(["lint", "-", "--format", "json", "--select", "quote-spacing"], stdin: input)
        #expect(result.status == 1)
        let records = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let finding = try #require(records.first { $0["rule"] as? String == "quotes/spacing" })
        // The finding covers the misplaced space and the mark.
        #expect(finding["line"] as? Int == 2)
        #expect(finding["column"] as? Int == 13)
        #expect(finding["endColumn"] as? Int == 15)
        // BOM 3 + "Zoé" with combining mark 5 + space 1 + 👍🏽 8 + CRLF 2 + "stop it now," 12 = 31.
        #expect(finding["byteOffset"] as? Int == 31)
        #expect(finding["byteLength"] as? Int == 4)
        #expect(finding["category"] as? String == "quote-spacing")
        let fix = try #require(finding["fix"] as? [String: Any])
        #expect(fix["applicability"] as? String == "safe")
        let edit = try #require((fix["edits"] as? [[String: Any]])?.first)
        #expect(edit["byteOffset"] as? Int == 31)
        #expect(edit["byteLength"] as? Int == 4)
        #expect(edit["replacement"] as? String == "” ")
        let bytes = Array(input.utf8)
        #expect(Array(bytes[32..<35]) == Array("”".utf8))
    }

    @Test func directoriesAreSearchedRecursivelyInPathOrder() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try "Latest news\n".write(toFile: folder + "/sub/b.md", atomically: true, encoding: .utf8)
        try "Must read\n".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "Must read\n".write(toFile: folder + "/ignored.json", atomically: true, encoding: .utf8)
        let result = runMTLint(["lint", folder, "--format", "json"])
        #expect(result.status == 1)
        let records = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(records.compactMap { $0["path"] as? String } == [folder + "/a.txt", folder + "/sub/b.md"])
    }

    @Test func badInputsAreReportedAndTheRestStillLinted() throws {
        let folder = try temporaryFolder()
        try Data([0x61, 0xFF, 0x62]).write(to: URL(fileURLWithPath: folder + "/bad.txt"))
        try Data([0x61, 0x00, 0x62]).write(to: URL(fileURLWithPath: folder + "/binary.txt"))
        try "Must read\n".write(toFile: folder + "/good.txt", atomically: true, encoding: .utf8)
        let result = runMTLint(["lint", folder + "/bad.txt", folder + "/binary.txt", folder + "/missing.txt", folder + "/good.txt"])
        #expect(result.status == 2)
        #expect(result.err.contains("\(folder)/bad.txt: invalid UTF-8 at byte 1"))
        #expect(result.err.contains("\(folder)/binary.txt: binary file"))
        #expect(result.err.contains("\(folder)/missing.txt: no such file or directory"))
        #expect(result.out.contains("good.txt:1:1: warning [boilerplate/"))
    }

    @Test func ruleFileTypoStopsEverythingWithExitTwo() throws {
        let folder = try temporaryFolder()
        try """
        id: mine/rule
        category: other
        sumary: typo here
        why: because
        match: { pattern: 'x' }
        message: m
        examples: { flag: ['⟨x⟩'], pass: ['y'] }
        """.write(toFile: folder + "/rule.yml", atomically: true, encoding: .utf8)
        let result = runMTLint(["lint", "-", "--rules", folder], stdin: "x")
        #expect(result.status == 2)
        #expect(result.err.contains("\(folder)/rule.yml:3:1: error: unknown key 'sumary'"))
        #expect(result.err.contains("did you mean 'summary'?"))
        #expect(result.out.isEmpty)
    }

    @Test func selectAndIgnoreTakeIdsPacksAndCategories() {
        let text = "Must read\n\nstop it now, ”he said\n"
        let selected = runMTLint(["lint", "-", "--select", "boilerplate", "--format", "json"], stdin: text).out
        #expect(selected.contains("\"boilerplate/") && !selected.contains("quotes/"))
        let ignored = runMTLint(["lint", "-", "--ignore", "boilerplate", "--format", "json"], stdin: text).out
        #expect(!ignored.contains("\"boilerplate/") && ignored.contains("quotes/spacing"))
        let unknown = runMTLint(["lint", "-", "--select", "boilerplat"], stdin: text)
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("did you mean 'boilerplate'?"))
    }

    @Test func usageErrorsExitTwo() {
        #expect(runMTLint(["lint"]).status == 2)
        #expect(runMTLint(["lint", "--format", "xml", "-"]).status == 2)
        #expect(runMTLint(["frobnicate"]).status == 2)
    }

    @Test func rulesTestReportsLikeATestRunner() {
        let result = runMTLint(["rules", "test"])
        #expect(result.status == 0)
        #expect(result.out.contains(" passed, 0 failed"))
    }
}

@Suite struct RuleFolderArgumentTests {
    @Test func aFileThatIsNotARuleFileIsAnError() throws {
        let folder = try temporaryFolder()
        try "not rules".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let result = runMTLint(["lint", "--rules", folder + "/notes.txt", "-"], stdin: "x")
        #expect(result.status == 2)
        #expect(result.err.contains("not a rule file"))
    }
}

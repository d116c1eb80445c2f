import Foundation
import Testing
@testable import MTLintCLI
import MTLintCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bad inputs through the CLI: each gets a clear message, the other inputs are still processed,
/// and nothing bad is ever written. (The slow cases — huge files, a 27 MB line, enormous YAML —
/// are in scripts/huge-inputs.sh; docs/robustness.md has the table.)
@Suite struct BadInputTests {
    static let artifactLine = "Must read\n"

    func write(_ bytes: [UInt8], in folder: String, name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func emptyFileIsFine() throws {
        let folder = try temporaryFolder()
        let path = try write([], in: folder, name: "empty.txt")
        let lint = runMTLint(["lint", path])
        #expect(lint.status == 0, "\(lint.err)")
        #expect(lint.err.isEmpty)
        #expect(lint.out.contains("No artifacts found."))
        let fix = runMTLint(["fix", path])
        #expect(fix.status == 0, "\(fix.err)")
        #expect(try bytes(path).isEmpty)
        #expect(runMTLint(["lint", "-"], stdin: "").status == 0)
    }

    /// A file large enough to be linted in parts is checked whole first: a bad byte near its
    /// end skips the file before any of its findings are written.
    @Test func aLargeFileWithABadByteNearItsEndIsSkippedWhole() throws {
        let folder = try temporaryFolder()
        let page = Array((Self.artifactLine + "\n" + String(repeating: "A calm sentence about the harbour vote.\n\n", count: 40)).utf8)
        var large: [UInt8] = []
        while large.count <= PartitionedLint.threshold { large += page }
        let invalidAt = large.count
        let invalid = try write(large + [0xC3, 0x28] + Array("Must read\n".utf8), in: folder, name: "invalid.txt")
        let binary = try write(large + [0x00] + Array("Must read\n".utf8), in: folder, name: "binary.txt")
        for (path, message) in [(invalid, "invalid.txt: invalid UTF-8 at byte \(invalidAt)"), (binary, "binary.txt: binary file (NUL byte at \(invalidAt))")] {
            let lint = runMTLint(["lint", "--format", "concise", "--select", "boilerplate", path])
            #expect(lint.status == 2)
            #expect(lint.err.contains(message), "\(lint.err)")
            #expect(lint.out == "No artifacts found.\n")
        }
    }

    @Test func directoryWhereAFileIsExpected() throws {
        let folder = try temporaryFolder()
        let configFolder = folder + "/config"
        try FileManager.default.createDirectory(atPath: configFolder, withIntermediateDirectories: true)
        let good = try write(Array(Self.artifactLine.utf8), in: folder, name: "good.txt")
        let result = runMTLint(["lint", "--config", configFolder, good])
        #expect(result.status == 2)
        #expect(result.err.contains("\(configFolder):1:1: error: is a directory, not a configuration file"))
        #expect(result.err.contains("nothing was linted"))
    }

    @Test func directoryNamedLikeATextFileIsSkippedInAWalk() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/notes.txt", withIntermediateDirectories: true)
        _ = try write(Array(Self.artifactLine.utf8), in: folder, name: "good.txt")
        let result = runMTLint(["lint", folder])
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.isEmpty)
        #expect(result.out.contains("good.txt:1:1: warning [boilerplate/"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their mode"))
    func unreadableFileIsReportedAndTheRestStillLinted() throws {
        let folder = try temporaryFolder()
        let locked = try write(Array(Self.artifactLine.utf8), in: folder, name: "locked.txt")
        let good = try write(Array(Self.artifactLine.utf8), in: folder, name: "good.txt")
        #expect(chmod(locked, 0) == 0)
        defer { _ = chmod(locked, 0o644) }
        let result = runMTLint(["fix", locked, good])
        #expect(result.status == 2)
        #expect(result.err.contains("\(locked): permission denied"))
        #expect(try bytes(good) == [])
    }

    #if os(Linux)
    /// A path that cannot be read even as root: reading /proc/self/mem at offset 0 fails (EIO).
    @Test func pathThatCannotBeReadIsReportedAndTheRestStillLinted() throws {
        let folder = try temporaryFolder()
        let good = try write(Array(Self.artifactLine.utf8), in: folder, name: "good.txt")
        let result = runMTLint(["lint", "/proc/self/mem", good])
        #expect(result.status == 2)
        #expect(result.err.contains("/proc/self/mem: permission denied (cannot read the file)"))
        #expect(result.out.contains("good.txt:1:1: warning [boilerplate/"))
    }
    #endif

    @Test func brokenAndLoopingSymbolicLinksAreReportedAndTheRestStillFixed() throws {
        let folder = try temporaryFolder()
        let broken = folder + "/broken.txt", loop = folder + "/loop.txt"
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: folder + "/nowhere.txt")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let good = try write(Array((Self.artifactLine + "Text.\n").utf8), in: folder, name: "good.txt")
        let result = runMTLint(["fix", broken, loop, good])
        #expect(result.status == 2)
        #expect(result.err.contains("\(broken): broken symbolic link"))
        #expect(result.err.contains("\(loop): broken symbolic link"))
        #expect(try bytes(good) == Array("Text.\n".utf8))
        // Nothing was created where the broken link points.
        #expect(!FileManager.default.fileExists(atPath: folder + "/nowhere.txt"))
    }

    @Test func binaryFileIsSkippedAndNeverRewritten() throws {
        let folder = try temporaryFolder()
        let content: [UInt8] = Array(Self.artifactLine.utf8) + [0x00, 0x01, 0xFF, 0x89, 0x50, 0x4E, 0x47] + Array(Self.artifactLine.utf8)
        let binary = try write(content, in: folder, name: "image.txt")
        let good = try write(Array((Self.artifactLine + "Text.\n").utf8), in: folder, name: "good.txt")
        let result = runMTLint(["fix", binary, good])
        #expect(result.status == 2)
        #expect(result.err.contains("\(binary): binary file (NUL byte at 10), skipped"))
        #expect(try bytes(binary) == content)
        #expect(try bytes(good) == Array("Text.\n".utf8))
    }

    @Test func invalidUTF8InTheMiddleIsNeverRewrittenByFix() throws {
        let folder = try temporaryFolder()
        // Artifacts with safe fixes before and after the bad byte.
        let before = Array("Talks resumed.\n\nMust read\n\nstop it now, ”he said\n".utf8)
        let content: [UInt8] = before + [0x41, 0x20, 0xC3, 0x28, 0x20, 0x42, 0x0A] + Array("Must read\nEnd.\n".utf8)
        let bad = try write(content, in: folder, name: "bad.txt")
        let good = try write(Array((Self.artifactLine + "Text.\n").utf8), in: folder, name: "good.txt")
        for extra in [[], ["--unsafe-fixes"], ["--check"], ["--diff"]] {
            let result = runMTLint(["fix"] + extra + [bad])
            #expect(result.status == 2, "\(extra)")
            #expect(result.err.contains("\(bad): invalid UTF-8 at byte \(before.count + 2)"), "\(extra): \(result.err)")
            #expect(try bytes(bad) == content, "\(extra)")
        }
        let both = runMTLint(["fix", bad, good])
        #expect(both.status == 2)
        #expect(try bytes(bad) == content)
        #expect(try bytes(good) == Array("Text.\n".utf8))
        // Standard input: the error, and no text written back.
        let console = Console(capturingWithInput: content)
        #expect(MTLintCommand.run(["fix", "-"], console: console) == 2)
        #expect(console.stdout.isEmpty)
        #expect(console.stderr.contains("-: invalid UTF-8 at byte \(before.count + 2)"))
    }

    static let catastrophicRule = """
        id: mine/catastrophic
        category: other
        summary: Backtracks catastrophically.
        why: A hostile pattern, to check that it cannot hang a run.
        match: { pattern: '(a+)+$' }
        message: m
        examples: { flag: ['⟨a⟩'], pass: ['b'] }

        """

    func catastrophicSetup() throws -> (rules: String, path: String, text: String) {
        let folder = try temporaryFolder()
        let rules = folder + "/rules"
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        try Self.catastrophicRule.write(toFile: rules + "/catastrophic.yml", atomically: true, encoding: .utf8)
        let text = "Must read\n" + String(repeating: "a", count: 40_000) + "b\nstop it now, ”he said\n"
        let path = try write(Array(text.utf8), in: folder, name: "article.txt")
        return (rules, path, text)
    }

    @Test func catastrophicRegexFailsThatRuleOnlyInLint() throws {
        let (rules, path, _) = try catastrophicSetup()
        let started = Date()
        let result = runMTLint(["lint", "--rules", rules, path])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 2)
        #expect(result.err.contains("\(path): rule mine/catastrophic failed: the regular expression hit its time limit"))
        // Every other rule still ran.
        #expect(result.out.contains("[boilerplate/related-teasers]"))
        #expect(result.out.contains("[quotes/spacing]"))
    }

    /// `fix` applies the other rules' fixes; the failed rule must still be reported.
    @Test func catastrophicRegexInFix() throws {
        let (rules, path, text) = try catastrophicSetup()
        let result = runMTLint(["fix", "--rules", rules, path])
        let fixed = String(decoding: try bytes(path), as: UTF8.self)
        #expect(fixed != text)
        #expect(!fixed.contains("Must read"))
        // The failed rule is reported by id, with exit 2, as in lint.
        #expect(result.err.contains("\(path): rule mine/catastrophic failed: the regular expression hit its time limit"))
        #expect(result.status == 2)
    }

    /// The parallel paths (for ThreadSanitizer: `swift test --sanitize=thread --filter Parallel`):
    /// one file larger than Linter.parallelThreshold with its rules shared across threads, and
    /// several files at once. The output must be the same as with one thread. (Concise output:
    /// `--format json` does not sort its keys, so its bytes differ from run to run.)
    @Test func lintsInParallelLikeOneThread() throws {
        let folder = try temporaryFolder()
        let block = "Talks resumed on Monday.\n\nMust read\n\nstop it now, ”he said, and the the delegates left .\n"
            + "Zoe\u{301} 👍🏽 北约。 The price rose 3 , 5 percent.\n\n- Advertisement -\n\n"
        let large = String(repeating: block, count: (1 << 18) / block.utf16.count + 8)
        #expect(large.utf16.count > 1 << 18)
        let big = try write(Array(large.utf8), in: folder, name: "big.txt")
        for (paths, name) in [([big], "one large file"), ((0..<6).map { folder + "/small\($0).md" }, "several files")] {
            if paths.count > 1 {
                for path in paths { try String(repeating: block, count: 20).write(toFile: path, atomically: true, encoding: .utf8) }
            }
            let serial = runMTLint(["lint", "--jobs", "1", "--format", "concise"] + paths)
            let parallel = runMTLint(["lint", "--jobs", "4", "--format", "concise"] + paths)
            #expect(serial.status == 1, "\(name): \(serial.err)")
            #expect(parallel.status == serial.status, "\(name)")
            #expect(parallel.out == serial.out, "\(name): parallel output differs")
            let fixSerial = runMTLint(["fix", "--jobs", "1", "--diff"] + paths)
            let fixParallel = runMTLint(["fix", "--jobs", "4", "--diff"] + paths)
            #expect(fixParallel.out == fixSerial.out, "\(name): parallel fix differs")
        }
    }
}

import Foundation
import Testing
@testable import MTLintCLI
import MTLintCore
import MTLintReporters

@Suite struct FixCommandTests {
    static let article = "\u{FEFF}Talks resumed.\r\n\r\n- Advertisement -\r\n\r\nstop it now, ”he said\r\nMust read"

    func write(_ text: String, in folder: String, name: String = "article.txt") throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func fixesInPlaceKeepingBOMLineEndingsAndMissingFinalNewline() throws {
        let folder = try temporaryFolder()
        let path = try write(Self.article, in: folder)
        let result = runMTLint(["fix", path, "--select", "quotes/spacing,boilerplate"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try read(path) == "\u{FEFF}Talks resumed.\r\n\r\nstop it now,” he said")
        #expect(result.out.contains("\(path): fixed 3 (boilerplate/"))
        #expect(result.out.contains("quotes/spacing ×1)"))
        // Idempotent: a second run changes nothing and finds nothing with a safe fix.
        let again = runMTLint(["fix", path, "--select", "quotes/spacing,boilerplate"])
        #expect(again.status == 0)
        #expect(try read(path) == "\u{FEFF}Talks resumed.\r\n\r\nstop it now,” he said")
    }

    @Test func diffPrintsAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let path = try write("Story.\n\nMust read\n\nEnd.\n", in: folder)
        let result = runMTLint(["fix", "--diff", path])
        #expect(try read(path) == "Story.\n\nMust read\n\nEnd.\n")
        #expect(result.out == """
        --- a/\(path)
        +++ b/\(path)
        @@ -1,5 +1,3 @@
         Story.
         
        -Must read
        -
         End.

        """)
    }

    @Test func checkExitsOneWhenAFixWouldApplyAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let path = try write("Must read\nText.\n", in: folder)
        #expect(runMTLint(["fix", "--check", path]).status == 1)
        #expect(try read(path) == "Must read\nText.\n")
        let clean = try write("Text.\n", in: folder, name: "clean.txt")
        #expect(runMTLint(["fix", "--check", clean]).status == 0)
    }

    @Test func standardInputToStandardOutput() {
        let result = runMTLint(["fix", "-", "--select", "quotes/spacing,boilerplate"], stdin: "“a, ”b\nMust read\n")
        #expect(result.out == "“a,” b\n")
        #expect(result.status == 0)
        #expect(result.err.contains("-: fixed 2"))
    }

    @Test func unsafeFixesOnlyWithTheFlag() throws {
        let text = "It ended the military reinforcement.\n"
        let safeOnly = runMTLint(["fix", "-", "--select", "calque"], stdin: text)
        #expect(safeOnly.out == text)
        #expect(safeOnly.status == 1)  // the unsafe finding remains
        #expect(safeOnly.err.contains("calques/french-news"))
        let unsafe = runMTLint(["fix", "-", "--select", "calque", "--unsafe-fixes"], stdin: text)
        #expect(unsafe.out == "It ended the military build-up.\n")
        #expect(unsafe.status == 0)
    }

    @Test func keepsPermissionsAndSymbolicLinks() throws {
        let folder = try temporaryFolder()
        let target = try write("Must read\nText.\n", in: folder, name: "target.txt")
        chmod(target, 0o640)
        let link = folder + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        let result = runMTLint(["fix", link])
        #expect(result.status == 0, "\(result.err)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
        #expect(try read(target) == "Text.\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.txt", "target.txt"])
    }

    @Test func invalidUTF8IsNeverRewritten() throws {
        let folder = try temporaryFolder()
        let path = folder + "/bad.txt"
        let bytes: [UInt8] = Array("Must read\n".utf8) + [0xFF]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = runMTLint(["fix", path])
        #expect(result.status == 2)
        #expect(result.err.contains("invalid UTF-8 at byte 10"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }
}

/// Failed writes leave the original untouched; tested by injecting the failure in a child
/// process (the injection is read from the environment).
@Suite struct FailedWriteTests {
    static var binary: String? {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        let candidate = path + "/.build/debug/mtlint"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    func run(_ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.binary))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FailedWriteTests.binary != nil), arguments: ["write", "sync", "rename"])
    func originalSurvives(step: String) throws {
        let folder = try temporaryFolder()
        let path = folder + "/a.txt"
        try Data("Must read\nText.\n".utf8).write(to: URL(fileURLWithPath: path))
        let (status, errors) = try run(["fix", path], environment: ["MTLINT_INJECT_WRITE_FAILURE": step])
        #expect(status == 2)
        #expect(errors.contains("the original is untouched"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "Must read\nText.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.txt"])
    }

    /// A file fixed in parts and only checked: the status and the count say what a fix would
    /// do, wherever the one artifact is (first part, last part, or none), and nothing is written.
    @Test func checkingALargeFileComparesItsPartsAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let calm = String(repeating: "The council met again on Tuesday and agreed to keep talking.\n\n", count: 70_000)
        #expect(calm.utf8.count > PartitionedLint.threshold)
        let cases: [(name: String, text: String, status: Int32, fixes: Int)] = [
            ("head", "We met, ”she said.\n\n" + calm, 1, 1),
            ("tail", calm + "We met, ”she said.\n", 1, 1),
            ("clean", calm, 0, 0),
        ]
        for (name, text, status, fixes) in cases {
            let path = folder + "/\(name).txt"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let result = runMTLint(["fix", "--check", "--select", "quote-spacing", path])
            #expect(result.status == status, "\(name): \(result.err)")
            #expect(result.out.contains("would fix \(fixes) (quotes/spacing ×1)") == (fixes > 0), "\(name): \(result.out)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8), "\(name) was written")
        }
    }

    /// Killing the process at any moment leaves the original or the complete result.
    @Test(.enabled(if: FailedWriteTests.binary != nil))
    func interruptedFixLeavesOriginalOrResult() throws {
        let folder = try temporaryFolder()
        let path = folder + "/big.txt"
        let block = "Talks resumed.\n\nMust read\n\nWe met, ”she said.\n\n"
        let original = String(repeating: block, count: 20_000)
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        let expected = String(repeating: "Talks resumed.\n\nWe met,” she said.\n\n", count: 20_000)
        for delay in [0.05, 0.2, 0.5, 1.0, 2.0] {
            try Data(original.utf8).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.binary))
            process.arguments = ["fix", "--select", "boilerplate,quote-spacing", path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(now == original || now == expected, "after \(delay) s the file is neither the original nor the result")
        }
    }

    @Test func readOnlyDirectoryIsReported() throws {
        guard getuid() != 0 else { return }  // root can write anywhere; covered by injection above
        let folder = try temporaryFolder()
        let path = folder + "/a.txt"
        try Data("Must read\nText.\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }
        let result = runMTLint(["fix", path])
        #expect(result.status == 2)
    }
}

@Suite struct UnifiedDiffTests {
    @Test func changedLastLineWithoutNewline() throws {
        let diff = MTLintReporters.UnifiedDiff.render(old: "a\nb\n\nMust read", new: "a\nB", oldPath: "a/x", newPath: "b/x")
        #expect(diff == """
        --- a/x
        +++ b/x
        @@ -1,4 +1,2 @@
         a
        -b
        -
        -Must read
        \\ No newline at end of file
        +B
        \\ No newline at end of file

        """)
    }

    @Test func identicalTextsGiveNoDiff() {
        #expect(MTLintReporters.UnifiedDiff.render(old: "x\ny", new: "x\ny", oldPath: "a", newPath: "b").isEmpty)
    }
}

@Suite struct AtomicWriterTests {
    @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
        let folder = try temporaryFolder()
        let path = folder + "/a.txt"
        try Data("edited by someone else\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.write(Array("fixed\n".utf8), to: path, expecting: Array("as read\n".utf8))
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "edited by someone else\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.txt"])
    }

    @Test func writesWhenTheFileIsAsRead() throws {
        let folder = try temporaryFolder()
        let path = folder + "/a.txt"
        try Data("as read\n".utf8).write(to: URL(fileURLWithPath: path))
        try AtomicWriter.write(Array("fixed\n".utf8), to: path, expecting: Array("as read\n".utf8))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "fixed\n")
    }
}

@Suite struct FixReportingTests {
    @Test func statisticsCountTheWordsOfTheFixedText() throws {
        let folder = try temporaryFolder()
        let path = folder + "/a.txt"
        // The stray closing quote has no fix, so it remains; the ad line is deleted first.
        try Data("Must read\nWe met, she said” today.\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = runMTLint(["fix", path, "--statistics"])
        #expect(result.out.contains("per 1,000 words"))
        #expect(result.out.contains("      5  ") || result.out.contains(" 5 "), "\(result.out)")
    }

    @Test func sarifFromFixDescribesTheRules() throws {
        let folder = try temporaryFolder()
        let path = folder + "/a.txt"
        try Data("We met, ”she said.\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = runMTLint(["fix", "--check", "--format", "sarif", path])
        #expect(result.out.contains("\"shortDescription\""))
        #expect(result.out.contains("A quotation mark has its space on the wrong side, is glued to a word, or points the wrong way."))
    }
}

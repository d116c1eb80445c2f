import Foundation
import Testing
@testable import MTLintCLI

/// `mtlint lint PATH...` runs without ArgumentParser; it must run exactly what
/// ArgumentParser would have parsed, and leave every other command line to it.
@Suite struct PlainLintCommandLineTests {
    static let plainLines: [[String]] = [
        ["lint", "article.txt"],
        ["lint", "-"],
        ["lint", "drafts", "b.md", "-", "c.html"],
        ["lint", "Zoe\u{301} 👍🏽 北约.txt"],
        ["lint", "help"],
        ["lint", "a-b.txt", "x--y"],
    ]

    @Test(arguments: plainLines)
    func plainLineRunsWhatArgumentParserParses(_ arguments: [String]) throws {
        let parsed = try #require(try MTLintCommand.parseAsRoot(arguments) as? LintCommand)
        let plain = try #require(PlainLintCommandLine.run(for: arguments))
        #expect(plain == parsed.request)
        #expect(plain.paths == Array(arguments.dropFirst()))
    }

    @Test(arguments: [
        ["lint"], ["lint", ""], ["lint", "--", "a.txt"], ["lint", "a.txt", "--format", "json"],
        ["lint", "-h"], ["lint", "--help"], ["lint", "a.txt", "--no-config"], ["lint", "-x"],
        ["fix", "a.txt"], ["--version"], ["help", "lint"], ["rules", "list"], [],
    ])
    func everyOtherLineGoesToArgumentParser(_ arguments: [String]) {
        #expect(PlainLintCommandLine.run(for: arguments) == nil)
    }

    /// The defaults the plain line runs with are the options' defaults: a run through
    /// ArgumentParser with the default spelled out prints the same, byte for byte.
    @Test func plainRunPrintsWhatTheParsedRunPrints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.txt").path
        try Data("The minister left immediately, ”he said.\nPlease enter your comment!\n".utf8).write(to: URL(fileURLWithPath: path))
        let plain = runMTLint(["lint", path])
        let parsed = runMTLint(["lint", path, "--format", "text", "--color", "auto", "--input-format", "auto"])
        #expect(plain.status == 1)
        #expect(plain.out.contains("”he said"))
        #expect(plain.status == parsed.status)
        #expect(plain.out == parsed.out)
        #expect(plain.err == parsed.err)
        let missing = runMTLint(["lint", folder.appendingPathComponent("missing.txt").path])
        #expect(missing.status == 2)
        #expect(missing.err.contains("missing.txt"))
    }
}

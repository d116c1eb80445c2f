import Foundation
import Testing
@testable import MTLintCLI
import MTLintCore
import MTLintReporters
import MTLintRuleFiles

/// `mtlint fix` on a file over 4 MB fixes it part by part: the fixed bytes, the counts and the
/// report of what remains are those of fixing it whole — except that a file whose last lines
/// are deleted can keep more line breaks at its very end.
@Suite struct PartitionedFixTests {
    /// Where two outputs first differ, with a little text around it (nil when equal).
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
        guard a != b else { return nil }
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let from = max(0, index - 80)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[from..<min(bytes.count, index + 80)], as: UTF8.self) }
        return "at byte \(index): «\(around(a))» vs «\(around(b))»"
    }

    static func withoutFinalLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return Array(bytes[..<end])
    }

    @Test func aFileFixedInPartsIsTheFileFixedWhole() throws {
        let texts = try PartsFixture.texts()
        let rules = try RuleLoader.load(builtin: true, directories: [])
        let linter = try Linter(rules: rules)
        linter.ruleParallelism = 2
        let console = Console(capturingWithInput: [])
        for (text, unsafe) in [(texts.mixed, false), (texts.mixed + "\n", true), (texts.swedish, true)] {
            let bytes = Array(text.utf8)
            let fixer = Fixer(includeUnsafe: unsafe)
            for arguments in [["--format", "text"], ["--format", "json"], ["--format", "sarif"], ["--statistics"]] {
                let command = try FixCommand.parse(["a.txt"] + arguments + (unsafe ? ["--unsafe-fixes"] : []))
                let renderer = command.output.reporter(console: console, rules: rules)
                let whole = try command.fixWhole(bytes, format: .plain, path: "a.txt", input: .file("a.txt"), linter: linter, fixer: fixer,
                                                 renderer: renderer)
                #expect(whole.outcome.changed)
                for partSize in [700, 2_500] {
                    let parts = command.fixInParts(bytes, path: "a.txt", input: .file("a.txt"), linter: linter, fixer: fixer,
                                                   renderer: renderer, partSize: partSize)
                    // The same bytes, but for line breaks at the very end (see `Fixer.Part.clamped`).
                    #expect(Self.firstDifference(Self.withoutFinalLineBreaks(parts.outcome.bytes), Self.withoutFinalLineBreaks(whole.outcome.bytes)) == nil,
                            "fixed bytes, parts of \(partSize), unsafe \(unsafe)")
                    #expect(parts.outcome.applied == whole.outcome.applied)
                    #expect(parts.outcome.unstableRules == whole.outcome.unstableRules)
                    let render = { (file: FixCommand.FileOutcome) in command.render(file.remaining, console: console, rules: rules) }
                    #expect(Self.firstDifference(Array(render(parts).utf8), Array(render(whole).utf8)) == nil,
                            "\(arguments), parts of \(partSize), unsafe \(unsafe)")
                }
            }
        }
    }
}

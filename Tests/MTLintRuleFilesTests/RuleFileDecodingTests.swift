import Foundation
import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// Rule files decoded by several threads at once give what decoding them one after the other
/// gives: the same rules in the same order, and the same errors in the same order.
@Suite struct RuleFileDecodingTests {
    /// `decoding.rules()` with `helpers` other threads helping from the start.
    func rules(_ decoding: RuleFileDecoding, helpers: Int) throws(ConfigErrors) -> [Rule] {
        let started = DispatchGroup()
        for _ in 0..<helpers {
            started.enter()
            Thread {
                started.leave()
                decoding.help()
            }.start()
        }
        started.wait()
        defer { decoding.finish() }
        return try decoding.rules()
    }

    /// The shipped files in a single thread's order: path by path, as `rules(from:)` used to.
    func oneByOne(_ files: [RuleFile]) throws -> [Rule] {
        let resolver = FileSetResolver(files: files)
        var rules: [Rule] = []
        for file in files where RuleFile.isRuleFile(file.path) { rules += try file.rules(resolver: resolver.relative(to: file)) }
        return rules.sorted { $0.id < $1.id }
    }

    @Test(arguments: [0, 1, 3])
    func shippedRulesAreTheSameOnAnyNumberOfThreads(helpers: Int) throws {
        let files = RuleLoader.builtinFiles()
        let expected = try oneByOne(files)
        for _ in 0..<5 {
            let decoded = try rules(RuleFileDecoding(files: files), helpers: helpers)
            #expect(decoded.map(\.id) == expected.map(\.id))
            #expect(decoded.map(\.origin) == expected.map(\.origin))
            #expect(decoded.map(\.message.source) == expected.map(\.message.source))
        }
    }

    @Test func errorsComeInPathOrderWhateverTheThreads() {
        let valid = LoaderErrorTests.valid
        // Sizes differ, so files are handed out in another order than their paths'.
        let files = [
            RuleFile(path: "a.yml", text: valid.replacing("why: W.", with: "whyy: W.")),
            RuleFile(path: "b.yml", text: valid + "\n# a longer file, handed out first\n"),
            RuleFile(path: "c.yml", text: valid),
            RuleFile(path: "d.yml", text: valid.replacing("id: test/rule", with: "id: Test Rule")),
            RuleFile(path: "words.txt", text: "not a rule file"),
        ]
        var expected: [String] = []
        do { _ = try oneByOneLoader(files) } catch { expected = error.errors.map(\.description) }
        #expect(expected.count == 3)
        for helpers in [0, 2] {
            do {
                _ = try rules(RuleFileDecoding(files: files), helpers: helpers)
                Issue.record("expected errors")
            } catch {
                #expect(error.errors.map(\.description) == expected)
            }
        }
    }

    /// The errors one thread reports file by file (a duplicate id after the first).
    func oneByOneLoader(_ files: [RuleFile]) throws(ConfigErrors) -> [Rule] {
        let resolver = FileSetResolver(files: files)
        var rules: [Rule] = []
        var errors: [ConfigError] = []
        var firstSeen: [String: String] = [:]
        for file in files where RuleFile.isRuleFile(file.path) {
            do {
                for rule in try file.rules(resolver: resolver.relative(to: file)) {
                    if let earlier = firstSeen[rule.id] {
                        errors.append(ConfigError("duplicate rule id '\(rule.id)' (also in \(earlier))",
                                                  at: RuleLoader.idMark(rule.id, in: ConfigSource(path: file.path, text: file.text))))
                    } else {
                        firstSeen[rule.id] = file.path
                        rules.append(rule)
                    }
                }
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw ConfigErrors(errors) }
        return rules
    }

    /// Each rule file's parsed tree stays with the decoding instead of being freed node by node
    /// as soon as the file is decoded; a file that fails to decode holds none.
    @Test func parsedTreesStayWithTheDecoding() throws {
        let files = RuleLoader.builtinFiles()
        let decoding = RuleFileDecoding(files: files)
        _ = try rules(decoding, helpers: 1)
        #expect(decoding.heldTreeCount == files.filter { RuleFile.isRuleFile($0.path) }.count)
        let broken = RuleFileDecoding(files: [RuleFile(path: "a.yml", text: LoaderErrorTests.valid), RuleFile(path: "b.yml", text: "")])
        #expect(throws: ConfigErrors.self) { try broken.rules() }
        #expect(broken.heldTreeCount == 1)
    }

    @Test func finishedDecodingHandsOutNothingMore() throws {
        let decoding = RuleFileDecoding(files: RuleLoader.builtinFiles())
        decoding.finish()
        decoding.help()
        // The rules are still complete when asked for.
        #expect(try decoding.rules().count == RuleLoader.load().count)
    }
}

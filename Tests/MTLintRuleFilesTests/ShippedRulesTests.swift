import PropertyBased
import Foundation
import Testing
import WordTables
@testable import MTLintCore
@testable import MTLintRuleFiles

/// One parameterized test runs every example of every shipped rule with the engine's
/// invariants (see ExampleVerifier and docs/rules.md).
@Suite struct ShippedRulesTests {
    static let rules: [Rule] = (try? RuleLoader.load()) ?? []

    @Test func shippedRulesLoad() throws {
        let rules = try RuleLoader.load()
        #expect(!rules.isEmpty)
        for rule in rules {
            #expect(!rule.why.isEmpty && !rule.examples.flag.isEmpty && !rule.examples.pass.isEmpty, "\(rule.id)")
            if rule.fix != nil { #expect(!rule.examples.fix.isEmpty, "\(rule.id)") }
        }
    }

    @Test(arguments: ShippedRulesTests.rules.map(\.id))
    func examplesHold(_ id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        for failure in ExampleVerifier().verify(rule) {
            Issue.record(Comment(rawValue: failure.description))
        }
    }

    @Test func embeddedRulesMatchTheRulesFolder() throws {
        // The binary carries Rules/ as it was at build time: every file on disk is embedded,
        // word lists (`.words`) as tables.
        let embedded = Set(RuleLoader.builtinFiles().map(\.path) + EmbeddedWordTables.all.map { "Rules/" + $0.path })
        let onDisk = try RuleLoader.files(inDirectory: Self.rulesFolder).map { "Rules/" + $0.path.dropFirst(Self.rulesFolder.count + 1) }
        #expect(Set(onDisk) == embedded)
    }

    @Test func embeddedWordTablesAnswerAsTheirListsOnDisk() throws {
        #expect(!EmbeddedWordTables.all.isEmpty)
        for entry in EmbeddedWordTables.all {
            let table = try #require(WordTable(static: entry.table), "\(entry.path) is not a table")
            let text = try String(contentsOfFile: Self.rulesFolder + "/" + entry.path, encoding: .utf8)
            let words = WordTableBuilder.entries(ofFile: text)
            let rebuilt = WordTable(words: words)
            #expect(table.slotCount == rebuilt.slotCount, "\(entry.path)")
            // Every 97th word and a few strangers: the same answers as a table laid out now.
            for word in stride(from: 0, to: words.count, by: 97).map({ words[$0] }) + ["readyto", "governmentthe", "xqzv"] {
                #expect(table.flags(of: word) == rebuilt.flags(of: word), "\(entry.path): \(word)")
            }
        }
        // The shipped dictionary knows common words, names and news words, and not glued ones.
        let english = try #require(EmbeddedWordTables.table(at: "glued/dictionary/en.words"))
        #expect(english.flags(of: "state")?.contains(.common) == true)
        #expect(english.flags(of: "Goethe") == .capitalised)
        #expect(english.flags(of: "colour") == .common && english.flags(of: "color") == .common)
        #expect(english.flags(of: "readyto") == nil && english.flags(of: "governmentthe") == nil)
        #expect(EmbeddedWordTables.table(at: "glued/dictionary/news.words")?.flags(of: "lockdown") == .common)
    }

    static var rulesFolder: String {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path + "/Rules"
    }
}

/// Shipped patterns compile on first use; this checks what loading took on trust: each one
/// compiles, and the group count read from its text is ICU's.
@Suite struct ShippedPatternTests {
    @Test func shippedPatternsCompileAndGroupCountsAgree() throws {
        for rule in try RuleLoader.load() {
            for shared in rule.matcher.filteredRegexes + rule.unless {
                let compiled = try SharedRegex(shared.pattern, options: shared.options)
                #expect(compiled.groupCount == shared.groupCount, "\(rule.id): \(shared.pattern)")
            }
        }
    }

    @Test func groupCounting() {
        #expect(RegexGroups.count(in: "(a)(?:b)(?<n>c)(?<=d)(?<!e)[(]\\(\\Q(\\E") == 2)
        // Escaped characters beyond ASCII (one UTF-16 unit or two) hide no syntax.
        #expect(RegexGroups.count(in: "\\é(x)\\😀(y)[é(]") == 2)
        // A `]` right after `[` or `[^` is a member of the set: what follows is still inside it.
        #expect(RegexGroups.count(in: "[](?<n>]") == 0)
        #expect(RegexGroups.count(in: "[^](]()") == 1)
    }

    /// Counting on the pattern's bytes gives ICU's count for every pattern ICU compiles.
    @Test func groupCountsAreICUsOnGeneratedPatterns() async {
        let pieces = ["(", ")", "(?:", "(?<n>", "(?<=", "(?<!", "[", "]", "\\", "\\Q", "\\E", "a", "é", "😀", "|", "?", "*", "\\(", "[(]"]
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: pieces).array(of: 0...12)) { parts in
            let pattern = parts.compactMap { $0 }.joined()
            guard let compiled = try? SharedRegex(pattern) else { return }
            #expect(RegexGroups.count(in: pattern) == compiled.groupCount, "\(pattern.debugDescription)")
        }
    }
}

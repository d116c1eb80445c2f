import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// The shipped rule files are parsed at build time (EmbedRulesTool); loading them must give
/// exactly the trees YAMLReader gives for their text, so rules and error marks are unchanged.
@Suite struct PreparsedRuleFileTests {
    @Test func everyShippedRuleFileIsPreparsed() {
        for file in RuleLoader.builtinFiles() {
            #expect((file.preparsed != nil) == RuleFile.isRuleFile(file.path), "\(file.path)")
        }
    }

    @Test func preparsedTreesAreTheTreesYAMLReaderParses() throws {
        for file in RuleLoader.builtinFiles() {
            guard let preparsed = file.preparsed else { continue }
            let source = ConfigSource(path: file.path, text: file.text, isTrusted: true)
            let parsed = try YAMLReader.parse(source)
            #expect(Self.describe(preparsed.root(in: source)) == Self.describe(parsed), "\(file.path)")
        }
    }

    /// Every field of every node, marks included, one node per line.
    static func describe(_ node: ConfigNode?, depth: Int = 0) -> String {
        guard let node else { return "nil" }
        let indent = String(repeating: " ", count: depth)
        let place = "\(node.mark.line):\(node.mark.column) (\(node.contentMark.line):\(node.contentMark.column)) \(node.mark.source.path)"
        switch node.value {
        case .scalar(let text, let quoted):
            return "\(indent)scalar \(quoted ? "quoted" : "plain") \(place) \(text.debugDescription)\n"
        case .sequence(let items):
            return "\(indent)sequence \(place)\n" + items.map { describe($0, depth: depth + 1) }.joined()
        case .mapping(let pairs):
            return "\(indent)mapping \(place)\n" + pairs.map { describe($0.key, depth: depth + 1) + describe($0.value, depth: depth + 2) }.joined()
        }
    }
}

/// Word lists are split into lines on UTF-8 bytes; the lines are those of splitting the
/// Characters at "\n" and "\r\n".
@Suite struct WordListLineTests {
    @Test func linesAreTheCharacterSplitLines() {
        let pieces = ["word", "\n", "\r\n", "\r", "\n\u{301}", "\r\r\n", "é", "# note", "", "👍🏽"]
        var texts: [String] = [""]
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        for text in texts {
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            let lines = FileSetResolver.lines(in: text)
            #expect(lines.count == expected.count && zip(lines, expected).allSatisfy { $0.unicodeScalars.elementsEqual($1.unicodeScalars) },
                    "\(text.debugDescription)")
        }
    }
}

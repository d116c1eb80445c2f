import PropertyBased
import Testing
@testable import MTLintCore

/// Messages and replacements: `$1`…`$99`, `${name}`, `$$`, and every other `$` as text.
@Suite struct TemplateTests {
    @Test func partsOfATemplate() {
        #expect(Template("Quote “$1” at ${where}; pay $$5.").parts
            == [.text("Quote “"), .group(1), .text("” at "), .value("where"), .text("; pay $5.")])
        // Two digits at most: `$123` is group 12, then `3`.
        #expect(Template("$123").parts == [.group(12), .text("3")])
        // A `$` before anything else, at the end, or before an unclosed `{` is text.
        #expect(Template("a $ b $").parts == [.text("a $ b $")])
        #expect(Template("${open").parts == [.text("${open")])
        #expect(Template("$x${}").parts == [.text("$x"), .value("")])
        // Text around the parts keeps its characters whole: emoji, combining marks, CJK.
        #expect(Template("😀e\u{301}$1漢字${名}").parts == [.text("😀e\u{301}"), .group(1), .text("漢字"), .value("名")])
        #expect(Template("").parts.isEmpty)
        #expect(Template("$1$2").usesGroups && !Template("${a}").usesGroups)
    }

    @Test func expandingPutsCapturesAndValuesIn() {
        let template = Template("“$1” → ${fix} ($$)")
        #expect(template.expand(captures: ["whole", "mot"], values: ["fix": "word"]) == "“mot” → word ($)")
        #expect(template.expand(captures: [], values: [:]) == "“” →  ($)")
    }

    /// The parts read scalar by scalar, as templates were parsed before they were read byte by byte.
    static func scalarByScalar(_ source: String) -> [Template.Part] {
        var parts: [Template.Part] = []
        var literal = ""
        var scalars = Array(source.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "$", let next = scalars.first else { literal.unicodeScalars.append(c); continue }
            if next == "$" {
                literal += "$"
                scalars = scalars.dropFirst()
            } else if next.properties.numericType == .decimal, next.isASCII {
                var digits = ""
                while let d = scalars.first, d.isASCII, d.properties.numericType == .decimal, digits.count < 2 {
                    digits.unicodeScalars.append(d)
                    scalars = scalars.dropFirst()
                }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.group(Int(digits) ?? 0))
            } else if next == "{", let close = scalars.firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.value(name))
                scalars = scalars[scalars.index(after: close)...]
            } else {
                literal += "$"
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }

    @Test func byteByByteReadsWhatScalarByScalarRead() async {
        let pieces = ["$", "$$", "${", "}", "{", "1", "23", "0", "a", " ", "é", "e\u{301}", "😀", "٣", "漢", "name"]
        let input = Gen<String?>.element(of: pieces).array(of: 0...14).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2_000, input: input) { source in
            #expect(Template(source).parts == Self.scalarByScalar(source), "\(source.debugDescription)")
        }
    }
}

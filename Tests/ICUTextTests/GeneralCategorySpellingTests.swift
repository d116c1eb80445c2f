import PropertyBased
import Testing
@testable import ICUText

/// The cheaper spellings of `\p{L}`, `\p{Ll}`, `\p{Lu}` and `\p{Nd}` hold exactly the category's
/// code points in ICU's own data, and respelled patterns match what the patterns as written match.
@Suite struct GeneralCategorySpellingTests {
    static func escapes(_ ranges: [ClosedRange<UInt32>]) -> String {
        // ICU's set syntax refuses a range of one code point (`a-a`).
        ranges.map { range in
            let low = "\\x{\(String(range.lowerBound, radix: 16))}"
            return range.count == 1 ? low : low + "-\\x{\(String(range.upperBound, radix: 16))}"
        }.joined()
    }

    @Test func theDataIsTheRunningICUsUnicodeVersion() {
        // The ranges are taken from Unicode 15.0; on other data the patterns compile as written.
        #expect(GeneralCategorySpelling.applies)
    }

    @Test(arguments: ["L", "Ll", "Lu", "Nd"])
    func spellingHoldsTheCategorysCodePoints(name: String) throws {
        let spelling = try #require(GeneralCategorySpelling.spellings[name])
        let category = try #require(ICUCharacterSet.ranges(of: "[\\p{\(name)}]"))
        // ICU's set syntax (not the regex's): the property without the removed ranges, with the added.
        let removed = Self.escapes(spelling.removed), added = Self.escapes(spelling.added)
        let difference = "[\\p{\(spelling.property)}-[\(removed)]]"
        let built = try #require(ICUCharacterSet.ranges(of: added.isEmpty ? difference : "[\(difference)[\(added)]]"))
        #expect(built == category)
        // Every removed range is in the property and not in the category, every added one the reverse.
        let property = try #require(ICUCharacterSet.ranges(of: "[\\p{\(spelling.property)}]"))
        func holds(_ ranges: [ClosedRange<UInt32>], _ point: UInt32) -> Bool { ranges.contains { $0.contains(point) } }
        for range in spelling.removed { #expect(holds(property, range.lowerBound) && !holds(category, range.upperBound)) }
        for range in spelling.added { #expect(!holds(property, range.lowerBound) && holds(category, range.upperBound)) }
    }

    /// The code points a set's behaviour could change at: all of the BMP but surrogates, and every
    /// boundary of the category's and the property's ranges (and its neighbours) beyond it.
    static func probes(_ name: String) throws -> [UInt32] {
        let spelling = try #require(GeneralCategorySpelling.spellings[name])
        var points = Array(UInt32(0)...0xD7FF) + Array(UInt32(0xE000)...0xFFFF)
        for pattern in ["[\\p{\(name)}]", "[\\p{\(spelling.property)}]"] {
            for range in try #require(ICUCharacterSet.ranges(of: pattern)) where range.upperBound > 0xFFFF {
                for point in [range.lowerBound - 1, range.lowerBound, range.upperBound, range.upperBound + 1] where point > 0xFFFF && point <= 0x10FFFF {
                    points.append(point)
                }
            }
        }
        return points
    }

    @Test(arguments: ["L", "Ll", "Lu", "Nd"])
    func respelledEscapesMatchTheSameCodePoints(name: String) throws {
        let probes = try Self.probes(name)
        for pattern in ["\\p{\(name)}", "[\\p{\(name)}.,]", "[^\\p{\(name)}]", "[\\p{\(name)}--[a-c]]", "(?<![\\p{N}\\p{\(name)}])x"] {
            #expect(GeneralCategorySpelling.respelled(Array(pattern.utf16), caseInsensitive: false) != nil, "\(pattern) kept")
            let written = try Regex(asWritten: pattern), respelled = try Regex(pattern)
            var differing: [UInt32] = []
            for point in probes {
                guard let scalar = Unicode.Scalar(point) else { continue }
                let text = UTF16Text(String(scalar) + (pattern.hasSuffix("x") ? "x" : ""))
                let expected = try written.matches(in: text), actual = try respelled.matches(in: text)
                if expected != actual { differing.append(point) }
            }
            #expect(differing.isEmpty, "\(pattern): \(differing.prefix(5).map { String($0, radix: 16) })")
        }
    }

    /// Case-insensitivity changes a set (ICU closes it over case), so an escape is respelled only
    /// in the case-sensitive parts of a pattern; either way the pattern matches what it matches as
    /// written, in every part.
    @Test(arguments: ["L", "Ll", "Lu", "Nd"])
    func escapesMatchTheSameCodePointsInEveryCaseScope(name: String) throws {
        let probes = try Self.probes(name)
        let escape = "\\p{\(name)}"
        let scoped: [(pattern: String, caseInsensitive: Bool, respelled: Bool)] = [
            ("(?-i:\(escape))", true, true), ("(?i)(?-i:[\(escape).])", false, true), ("(?i:)\(escape)", false, true),
            ("(?i)\(escape)", false, false), ("(?i:[\(escape).])", false, false), ("\(escape)", true, false),
            ("(?-i:)\(escape)", true, false), ("(?-i:(?i)a)\(escape)", false, true), ("(?i)(?:(?-i)a)\(escape)", false, false),
        ]
        for (pattern, caseInsensitive, shouldRespell) in scoped {
            let options: RegexOptions = caseInsensitive ? [.caseInsensitive] : []
            let respelling = GeneralCategorySpelling.respelled(Array(pattern.utf16), caseInsensitive: caseInsensitive)
            #expect((respelling != nil) == shouldRespell, "\(pattern)")
            let written = try Regex(asWritten: pattern, options: options), respelled = try Regex(pattern, options: options)
            var differing: [UInt32] = []
            for point in probes {
                guard let scalar = Unicode.Scalar(point) else { continue }
                let text = UTF16Text((pattern.contains(")a)") ? "a" : "") + String(scalar))
                if try written.matches(in: text) != respelled.matches(in: text) { differing.append(point) }
            }
            #expect(differing.isEmpty, "\(pattern): \(differing.prefix(5).map { String($0, radix: 16) })")
        }
    }

    @Test func onlyCategoryEscapesOutsideQuotesAndCaseInsensitivityAreRespelled() throws {
        func respelled(_ pattern: String, caseInsensitive: Bool = false, comments: Bool = false) -> String? {
            GeneralCategorySpelling.respelled(Array(pattern.utf16), caseInsensitive: caseInsensitive, comments: comments).map { String(decoding: $0, as: UTF16.self) }
        }
        let lu = try #require(GeneralCategorySpelling.spellings["Lu"]).setExpression
        let ll = try #require(GeneralCategorySpelling.spellings["Ll"]).setExpression
        #expect(respelled("\\b\\p{Lu}\\p{Ll}+") == "\\b\(lu)\(ll)+")
        #expect(respelled("[\\p{Lu}\\p{N}]") == "[\(lu)\\p{N}]")
        // An escaped backslash, quoted text, other properties and longer names stay.
        #expect(respelled("\\\\p{Lu}") == nil)
        #expect(respelled("\\Q\\p{Lu}\\E") == nil)
        #expect(respelled("\\Q\\p{Lu}\\E\\p{Lu}") == "\\Q\\p{Lu}\\E\(lu)")
        #expect(respelled("\\p{N}\\p{Lowercase}\\p{Lu\\p{Script=Latin}") == nil)
        // Where the pattern matches case-insensitively: left as written.
        #expect(respelled("\\p{Lu}", caseInsensitive: true) == nil)
        #expect(respelled("(?i)\\p{Lu}") == nil)
        #expect(respelled("(?si)\\p{Lu}") == nil)
        #expect(respelled("(?i:a\\p{Lu})") == nil)
        #expect(respelled("(?i)(?:a|\\p{Lu})") == nil)
        #expect(respelled("(?-i:a)\\p{Lu}", caseInsensitive: true) == nil)
        #expect(respelled("((?-i)a)\\p{Lu}", caseInsensitive: true) == nil)
        #expect(respelled("(?-i:a)(?i)\\p{Lu}") == nil)
        // Where it does not: respelled, however the flags around it change.
        #expect(respelled("(?i:ab)\\p{Lu}") == "(?i:ab)\(lu)")
        #expect(respelled("(?-i:ab)\\p{Lu}") == "(?-i:ab)\(lu)")
        #expect(respelled("((?i)ab)\\p{Lu}") == "((?i)ab)\(lu)")
        #expect(respelled("(?s)(?<=a)(?:b)\\p{Lu}") != nil)
        #expect(respelled("a(?-i:\\p{Lu}[\\p{Ll}])", caseInsensitive: true) == "a(?-i:\(lu)[\(ll)])")
        #expect(respelled("(?i)a(?-i)\\p{Lu}") == "(?i)a(?-i)\(lu)")
        #expect(respelled("(?i-s:a)\\p{Lu}") == "(?i-s:a)\(lu)")
        // Parentheses in a set are literal; a `]` first in a set is a member, not its end.
        #expect(respelled("(?i:[(]a)\\p{Lu}") == "(?i:[(]a)\(lu)")
        #expect(respelled("(?i:[])(]a)\\p{Lu}") == "(?i:[])(]a)\(lu)")
        #expect(respelled("(?i:[^])]a)\\p{Lu}") == "(?i:[^])]a)\(lu)")
        #expect(respelled("(?i:[[:L:])])\\p{Lu}") == "(?i:[[:L:])])\(lu)")
        #expect(respelled("(?i:\\))\\p{Lu}") == "(?i:\\))\(lu)")
        // What the scopes cannot follow: comments, free spacing, unbalanced groups.
        #expect(respelled("(?#(?i:)\\p{Lu}") == nil)
        #expect(respelled("(?x)a\\p{Lu}") == nil)
        #expect(respelled("\\p{Lu} a", caseInsensitive: false, comments: true) == nil)
        #expect(respelled("a)\\p{Lu}") == nil)
        #expect(respelled("(a\\p{Lu}") == nil)
    }

    /// Escapes next to set syntax that could read differently once the escape is a nested set:
    /// a hyphen before or after it, a range ending in it, set operators on both sides.
    @Test func escapesBesideSetSyntaxKeepTheirMeaning() {
        let patterns = [
            "[\\p{Lu}-]", "[-\\p{Lu}]", "[\\p{Lu}-a]", "[a-\\p{Lu}]", "[\\p{Lu}-\\p{Ll}]", "[\\p{Lu}--\\p{Ll}]",
            "[\\p{L}&&\\p{Lu}]", "[\\p{L}--[a-z]]", "[[a-z]--\\p{Ll}]", "[^\\p{L}\\p{Nd}]", "[\\p{Nd}-9]", "\\p{L}{2,}-\\p{Nd}+",
            "[\\p{Lu}-[a]]", "[\\p{Lu}-\\x{41}]", "[a-\\p{Lu}b]", "[\\p{Lu}--[a]]", "[\\p{L}-\\p{Lu}-\\p{Ll}]", "[A-\\p{L}]", "[\\p{Ll}-z]",
        ]
        let text = UTF16Text("-aAbZ ª Ⅷ ⓐ ʰ 9 ٣ F f Ｆ ⸯ 𝟘 😀 ǅ")
        for pattern in patterns {
            let written = try? Regex(asWritten: pattern), respelled = try? Regex(pattern)
            #expect((written == nil) == (respelled == nil), "\(pattern) compiles one way only")
            guard let written, let respelled else { continue }
            #expect((try? written.matches(in: text)) == (try? respelled.matches(in: text)), "\(pattern)")
        }
    }

    static let pieces = [
        "\\p{L}", "\\p{Ll}", "\\p{Lu}", "\\p{Nd}", "\\p{N}", "[", "]", "[^", "--", "&&", "-", "a", "É", "ǅ", "٣", "x", ".", "+", "*",
        "?", "(", ")", "(?<!", "|", "\\\\", "\\Q", "\\E", "\\b", " ",
        "(?i)", "(?-i)", "(?i:", "(?-i:", "(?s-i:", "(?:", "\\(",
    ]
    static let characters = ["a", "Z", "É", "ǅ", "ª", "Ⅷ", "ⓐ", "ʰ", "٣", "F", "f", "Ｆ", "𝟘", "😀", " ", "\u{2E2F}", "℮", "〇", "x"]

    @Test func respelledPatternsCompileAndMatchAsWritten() async {
        let input = Gen<String?>.element(of: Self.pieces).array(of: 1...10).map { $0.compactMap { $0 }.joined() }
        let texts = Gen<String?>.element(of: Self.characters).array(of: 0...12).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 600, input: input, texts, Gen<Bool>.bool) { pattern, textString, caseInsensitive in
            let options: RegexOptions = caseInsensitive ? [.caseInsensitive] : []
            let written = try? Regex(asWritten: pattern, options: options), respelled = try? Regex(pattern, options: options)
            #expect((written == nil) == (respelled == nil), "\(pattern.debugDescription) compiles one way only")
            guard let written, let respelled else { return }
            let text = UTF16Text(textString)
            let expected = try? written.matches(in: text, range: 0..<text.count)
            let actual = try? respelled.matches(in: text, range: 0..<text.count)
            #expect(expected == actual, "\(pattern.debugDescription) on \(textString.debugDescription)")
        }
    }

    @Test func theWarmUpPatternBuildsEverySpellingsProperty() throws {
        _ = try Regex(GeneralCategorySpelling.warmUpPattern)
        for spelling in GeneralCategorySpelling.spellings.values {
            #expect(GeneralCategorySpelling.warmUpPattern.contains("\\p{\(spelling.property)}"))
        }
    }

    @Test func compileErrorsPointIntoThePatternAsWritten() {
        do {
            _ = try Regex("\\p{Lu}\\p{Lu}(")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.icuError.name.hasPrefix("U_REGEX"))
            // The offset is within the 13 units written, not the much longer respelling.
            #expect(error.offset <= 13)
        }
    }
}

/// Checks a rule against its own examples, the way SwiftLint and LanguageTool test rules:
/// each `flag` example is flagged exactly at its markers, each `pass` example is not flagged,
/// each fix pair fixes to its `after` text, the fixed text is clean and a second fix changes
/// nothing — and all of it again with emoji, combining marks, CJK and a CRLF line in front,
/// with and without a BOM, so that no offset can be off by one.
public struct ExampleVerifier {
    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var variant: String
        public var example: String
        public var problem: String

        public var description: String {
            "\(ruleID): \(problem)\n    example: \(example)" + (variant.isEmpty ? "" : "\n    with \(variant)")
        }
    }

    /// Text put in front of every example in the prefixed variants.
    public static let prefix = "Zoe\u{301} 👍🏽 🇺🇦 北约秘书长。\r\n\r\n"
    /// The variants: name, leading text (BOM included when any).
    public static let variants: [(name: String, lead: String)] = [
        ("", ""),
        ("emoji, combining mark, CJK and CRLF in front", prefix),
        ("a BOM and the same text in front", "\u{FEFF}" + prefix),
    ]
    /// How far past its marked span a finding may reach, in UTF-16 units.
    public static let slack = 3

    public let context: LintContext

    public init(context: LintContext = LintContext()) { self.context = context }

    public func verify(_ rule: Rule) -> [Failure] {
        let linter: Linter
        do { linter = try Linter(rules: [rule], context: context) } catch {
            return [Failure(ruleID: rule.id, variant: "", example: "", problem: "cannot prepare the rule: \(error)")]
        }
        var failures: [Failure] = []
        for (variant, lead) in Self.variants {
            let leadUnits = lead.utf16.count - (lead.hasPrefix("\u{FEFF}") ? 1 : 0)
            func fail(_ example: String, _ problem: String) {
                failures.append(Failure(ruleID: rule.id, variant: variant, example: example, problem: problem))
            }
            for example in rule.examples.flag {
                guard let marked = try? MarkedText(parsing: example) else { fail(example, "unbalanced ⟨ ⟩ marker"); continue }
                guard !marked.spans.isEmpty else { fail(example, "no ⟨ ⟩ marker around the span a finding must cover"); continue }
                let document = Document(lead + marked.text)
                let result = linter.lint(document)
                for failure in result.failures { fail(example, failure.description) }
                let findings = result.findings.filter { $0.ruleID == rule.id }
                let expected = marked.spans.map { ($0.lowerBound + leadUnits)..<($0.upperBound + leadUnits) }
                for span in expected where !findings.contains(where: { Self.covers($0.range, span) }) {
                    let got = findings.isEmpty ? "no finding" : "findings at " + findings.map { Self.render(marked.text, $0.range, shift: leadUnits) }.joined(separator: ", ")
                    fail(example, "expected a finding covering \(Self.render(marked.text, span, shift: leadUnits)); got \(got)")
                }
                for finding in findings where !expected.contains(where: { Self.covers(finding.range, $0) }) {
                    fail(example, "unexpected finding at \(Self.render(marked.text, finding.range, shift: leadUnits)): \(finding.message)")
                }
            }
            for example in rule.examples.pass {
                let result = linter.lint(Document(lead + example))
                for failure in result.failures { fail(example, failure.description) }
                for finding in result.findings where finding.ruleID == rule.id {
                    fail(example, "expected no finding; got one at \(Self.render(example, finding.range, shift: leadUnits)): \(finding.message)")
                }
            }
            for (before, after) in rule.examples.fix {
                let fixer = Fixer(includeUnsafe: true)
                let outcome = fixer.fix(Document(lead + before), with: linter)
                let fixed = String(decoding: outcome.bytes, as: UTF8.self)
                let wanted = lead + after
                if fixed != wanted {
                    fail(before, "fix gave \(Self.quote(String(fixed.dropFirst(lead.count)))); expected \(Self.quote(after))")
                    continue
                }
                if !outcome.unstableRules.isEmpty { fail(before, "fixing does not settle within \(fixer.maxRounds) rounds") }
                let again = linter.lint(Document(fixed)).findings.filter { $0.ruleID == rule.id }
                if let first = again.first {
                    fail(before, "the fixed text is still flagged at \(Self.render(after, first.range, shift: leadUnits)): \(first.message)")
                }
                let second = fixer.fix(Document(fixed), with: linter)
                if second.bytes != outcome.bytes { fail(before, "fixing the fixed text changes it again") }
            }
        }
        return failures
    }

    /// `range` contains `span` and reaches at most `slack` units past it.
    static func covers(_ range: Range<Int>, _ span: Range<Int>) -> Bool {
        range.lowerBound <= span.lowerBound && range.upperBound >= span.upperBound
            && (span.lowerBound - range.lowerBound) + (range.upperBound - span.upperBound) <= slack
    }

    /// The example with ⟨ ⟩ around `range` (given in document offsets, `shift` past the example's start).
    static func render(_ text: String, _ range: Range<Int>, shift: Int) -> String {
        let units = Array(text.utf16)
        let lower = min(max(range.lowerBound - shift, 0), units.count)
        let upper = min(max(range.upperBound - shift, lower), units.count)
        let piece = { (r: Range<Int>) in String(decoding: units[r], as: UTF16.self) }
        return quote(piece(0..<lower) + "⟨" + piece(lower..<upper) + "⟩" + piece(upper..<units.count))
    }

    static func quote(_ s: String) -> String {
        "'" + s.replacing("\r", with: "\\r").replacing("\n", with: "\\n") + "'"
    }
}

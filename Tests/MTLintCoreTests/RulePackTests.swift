import PropertyBased
import Testing
@testable import MTLintCore

/// A rule's pack is what splitting its id at the first slash gives.
@Suite struct RulePackTests {
    @Test func packIsTheIdBeforeItsFirstSlash() async {
        let id = Gen<String?>.element(of: ["quotes", "/", "a", "-", "é", "\u{301}", "x1", "//"]).array(of: 0...5)
            .map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1000, input: id) { id in
            let rule = TestRules.lines(id, ["x"])
            #expect(rule.pack == String(id.split(separator: "/", maxSplits: 1).first ?? Substring(id)), "\(id.debugDescription)")
        }
        #expect(TestRules.lines("quotes/spacing", ["x"]).pack == "quotes")
    }
}

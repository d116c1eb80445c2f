import Foundation
import Testing
@testable import MTLintCLI

/// docs/rules-catalog.md is generated from the rule files; this fails when it is out of date.
@Suite struct RuleCatalogTests {
    @Test func catalogIsUpToDate() throws {
        let path = packageRoot + "/docs/rules-catalog.md"
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        let generated = runMTLint(["rules", "catalog"])
        #expect(generated.status == 0)
        #expect(generated.out == committed, "docs/rules-catalog.md is out of date: run `swift run mtlint rules catalog --output docs/rules-catalog.md`")
    }

    @Test func catalogListsEveryRuleWithItsWhyAndExamples() {
        let out = runMTLint(["rules", "catalog"]).out
        let ids = runMTLint(["rules", "list"]).out.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(ids.count > 30)
        for id in ids {
            #expect(out.contains("### \(id)\n"), "\(id) missing from the catalog")
        }
        #expect(out.contains("Flagged:") && out.contains("Not flagged:") && out.contains("Fixed:"))
    }
}

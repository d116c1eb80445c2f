import Testing
@testable import MTLintCore

/// Paths a rule file names, resolved against its folder.
@Suite struct RelativePathTests {
    @Test func namesAreJoinedAndParentsResolved() {
        #expect(RelativePath.joined("Rules/calques", "slots/titles.txt") == "Rules/calques/slots/titles.txt")
        #expect(RelativePath.joined("Rules/calques", "../glued/dictionary/en.words") == "Rules/glued/dictionary/en.words")
        #expect(RelativePath.joined("Rules/calques", "./slots//titles.txt") == "Rules/calques/slots/titles.txt")
        #expect(RelativePath.joined("", "labels/ads.txt") == "labels/ads.txt")
        #expect(RelativePath.joined("Rules/x", "/etc/lists.txt") == "/etc/lists.txt")
        #expect(RelativePath.resolvingParents("../a/..b/.../c") == "../a/..b/.../c")
    }

    /// The shortcut for paths already resolved gives what splitting gives, for every path of up
    /// to seven characters over `a`, `.`, `/` and `é`.
    @Test func theShortcutAgreesWithSplitting() {
        let alphabet = ["a", ".", "/", "é"]
        var paths = [""]
        var checked = 0
        for _ in 0..<7 {
            paths = paths.flatMap { path in alphabet.map { path + $0 } }
            for path in paths {
                #expect(RelativePath.resolvingParents(path) == RelativePath.resolvedBySplitting(path), "\(path.debugDescription)")
                checked += 1
            }
        }
        #expect(checked == 21_844)
    }
}

import Foundation
import Testing
@testable import MTLintCLI

/// The package root, found from this file's path.
let packageRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path
}()

/// Clean, edited English of our own: the shipped rules must find nothing in it.
@Suite struct CleanTextTests {
    @Test func cleanPagesHaveNoFindings() throws {
        let folder = packageRoot + "/Tests/Fixtures/clean"
        let result = runMTLint(["lint", "--format", "concise", folder])
        #expect(result.status == 0, "\(result.out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count >= 4)
    }

    @Test func theSampleArticleShowsEveryArtifactClass() throws {
        let result = runMTLint(["lint", "--format", "json", packageRoot + "/Examples/article.txt"])
        #expect(result.status == 1)
        let records = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let categories = Set(records.compactMap { $0["category"] as? String })
        for category in ["quote-spacing", "broken-quote-split", "caption-slug", "photo-credit", "boilerplate", "glued-words",
                         "truncated-title", "calque"] {
            #expect(categories.contains(category), "\(category) missing from Examples/article.txt")
        }
    }
}

/// The seed article in ../shared/seed (read in place, never copied): every artifact its README
/// lists is flagged in its category and nothing else is; `fix` repairs exactly what it should.
let seedArticle = packageRoot + "/../shared/seed/article-fr-en.txt"

@Suite(.enabled(if: FileManager.default.fileExists(atPath: seedArticle)))
struct SeedArticleTests {
    static let seed = seedArticle

    /// (line, category) pairs: the seed README's list, plus the straight quotes of line 1
    /// (the page mixes them with curly ones) and the glued words of line 43.
    static let expected: Set<String> = {
        var pairs: [(Int, String)] = [(1, "truncated-title"), (1, "quote-style-mixed"), (6, "boilerplate"), (8, "caption-slug"),
                                      (10, "photo-credit"), (14, "quote-spacing"), (18, "broken-quote-split"), (18, "quote-spacing"),
                                      (43, "glued-words")]
        pairs += [12, 14, 18, 20, 26].map { ($0, "calque") }
        pairs += [32, 33, 35, 37, 39, 41, 43, 44].map { ($0, "boilerplate") }
        return Set(pairs.map { "\($0.0):\($0.1)" })
    }()

    @Test func everyListedArtifactAndNothingElse() throws {
        let result = runMTLint(["lint", "--format", "json", Self.seed])
        let records = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let found = Set(records.compactMap { record -> String? in
            guard let line = record["line"] as? Int, let category = record["category"] as? String else { return nil }
            return "\(line):\(category)"
        })
        #expect(found == Self.expected)
    }

    func copyOfSeed() throws -> String {
        let folder = try temporaryFolder()
        let path = folder + "/article.txt"
        try FileManager.default.copyItem(atPath: Self.seed, toPath: path)
        return path
    }

    @Test func safeFixesRemoveFurnitureAndSlugAndMoveTwoQuotes() throws {
        let path = try copyOfSeed()
        let original = try String(contentsOfFile: Self.seed, encoding: .utf8)
        _ = runMTLint(["fix", path])
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        // Expected: the original with lines 6-9 (separator, slug and their blank lines) and
        // everything after line 28 (the page's furniture) gone, the two quotes moved, and the
        // straight pair of line 1 curled like the rest of the page.
        var lines = original.components(separatedBy: "\n")
        lines[0] = lines[0].replacing("\"immediately cease\"", with: "“immediately cease”")
        lines[13] = lines[13].replacing("immediately, ”he", with: "immediately,” he")
        lines[17] = lines[17].replacing("concrete ”to", with: "concrete” to")
        let expected = (Array(lines[0..<5]) + Array(lines[9..<28])).joined(separator: "\n")
        #expect(fixed == expected)
        // Fixing again changes nothing.
        _ = runMTLint(["fix", path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test func unsafeFixesAlsoRepairTheSplitTheCreditAndTheTruncatedTitle() throws {
        let path = try copyOfSeed()
        _ = runMTLint(["fix", "--unsafe-fixes", path])
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!fixed.contains("troop..."))
        #expect(!fixed.contains("/ AFP"))
        #expect(fixed.contains("“support very concrete” to"))
        #expect(!fixed.contains("Advertis") && !fixed.contains("648x415") && !fixed.contains("likeRELATED"))
        #expect(!fixed.hasSuffix("\n"))
        let relint = runMTLint(["lint", "--format", "concise", path])
        #expect(relint.status == 0, "\(relint.out)")
    }
}

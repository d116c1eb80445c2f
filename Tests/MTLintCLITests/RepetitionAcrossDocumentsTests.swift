import Foundation
import Testing
@testable import MTLintCLI

/// The cross-document signal of page furniture (`CorpusCensus`): a short line that is not a
/// sentence and stands in several documents of one run is a template's line in each of them,
/// over files of `lint` and `fix` and over `--jsonl` records; a document alone, or a line in too
/// few documents, is not judged by it.
@Suite struct RepetitionAcrossDocumentsTests {
    static let template = "The Lindhaven Courier weekend desk"

    /// An article of our own with the site's template line under it.
    static func article(_ number: Int, template: Bool = true) -> String {
        var text = "Harbour workers vote on contract number \(number)\n\n"
        text += "Dock workers in the northern port voted on Wednesday on a new contract that the union and the port authority agreed after a week of talks, officials said.\n\n"
        text += "The result will be announced on Friday evening, a spokesman for the union said.\n"
        if template { text += "\n" + Self.template + "\n" }
        return text
    }

    func write(_ count: Int, templateIn: Set<Int>) throws -> String {
        let folder = try temporaryFolder()
        for number in 1...count {
            try Self.article(number, template: templateIn.contains(number))
                .write(toFile: folder + "/a\(String(format: "%02d", number)).txt", atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aTemplateLineInSeveralFilesIsFurnitureInEach() throws {
        let folder = try write(4, templateIn: [1, 2, 3, 4])
        let result = runMTLint(["lint", "--format", "concise", "--select", "boilerplate", folder])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").filter { $0.contains("page-furniture-lines") }
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.contains(":7:1:") && $0.contains("repeated in other documents") })
        // Output stays in path order.
        let paths = lines.compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(paths == paths.sorted())
        // The headlines differ by a number: they are not counted as one line.
        #expect(!result.out.contains(":1:1:"))
    }

    @Test func aLineInTooFewDocumentsOrOneFileAloneIsNotJudgedByIt() throws {
        let folder = try write(4, templateIn: [2, 3])
        let few = runMTLint(["lint", "--format", "concise", "--select", "boilerplate", folder])
        #expect(few.status == 0, "\(few.out)")
        let one = runMTLint(["lint", "--format", "concise", "--select", "boilerplate", folder + "/a02.txt"])
        #expect(one.status == 0, "\(one.out)")
    }

    @Test func fixRemovesTheTemplateLineFromEveryFile() throws {
        let folder = try write(3, templateIn: [1, 2, 3])
        let result = runMTLint(["fix", "--unsafe-fixes", folder])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        for number in 1...3 {
            let text = try String(contentsOfFile: folder + "/a0\(number).txt", encoding: .utf8)
            #expect(text == Self.article(number, template: false))
        }
    }

    func records(_ count: Int, templateIn: Set<Int>) -> String {
        (1...count).map { number in
            let object: [String: Any] = ["id": number, "text": Self.article(number, template: templateIn.contains(number))]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    @Test func jsonLinesRecordsAreCountedLikeFiles() throws {
        let result = runMTLint(["lint", "--jsonl", "text", "--select", "boilerplate"], stdin: records(5, templateIn: [1, 3, 5]))
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 5)
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(object["id"] as? Int == index + 1)
            #expect(findings.count == ([0, 2, 4].contains(index) ? 1 : 0), "record \(index + 1)")
        }
        let fixed = runMTLint(["fix", "--jsonl", "text", "--unsafe-fixes", "--select", "boilerplate"], stdin: records(3, templateIn: [1, 2, 3]))
        #expect(!fixed.out.contains("weekend desk"))
    }
}

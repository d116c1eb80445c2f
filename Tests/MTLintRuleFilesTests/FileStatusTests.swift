import Foundation
import Testing
@testable import MTLintRuleFiles

/// `FileStatus` answers what `FileManager` answers, and a path standardized "as is" is what
/// Foundation's `standardizingPath` gives, on files, folders, links, broken links and paths
/// with `.`, `..` and doubled slashes.
@Suite struct FileStatusTests {
    /// A folder with a file, a subfolder, links to each, a broken link and a linked folder.
    private static func makeTree() throws -> String {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("mtlint-status-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/folder/inner", withIntermediateDirectories: true)
        try Data("text\n".utf8).write(to: URL(fileURLWithPath: root + "/folder/article.txt"))
        try manager.createSymbolicLink(atPath: root + "/file-link", withDestinationPath: root + "/folder/article.txt")
        try manager.createSymbolicLink(atPath: root + "/folder-link", withDestinationPath: "folder")
        try manager.createSymbolicLink(atPath: root + "/broken-link", withDestinationPath: root + "/nowhere")
        return (root as NSString).resolvingSymlinksInPath
    }

    private static func relativePaths(_ root: String) -> [String] {
        ["", "/", root, root + "/folder", root + "/folder/", root + "/folder/article.txt", root + "/folder//article.txt",
         root + "/folder/./article.txt", root + "/folder/inner/../article.txt", root + "/file-link", root + "/folder-link",
         root + "/folder-link/article.txt", root + "/folder-link/inner/..", root + "/broken-link", root + "/missing",
         root + "/missing/article.txt", "/private", "/private/tmp", "/var/automount/x", "relative/path"]
    }

    @Test func statusIsWhatFileManagerSays() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for path in Self.relativePaths(root) {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let expected: FileStatus = !exists ? .missing : isDirectory.boolValue ? .directory : .file
            #expect(FileStatus(path: path) == expected, "\(path)")
            #expect(FileStatus.isReadable(path) == FileManager.default.isReadableFile(atPath: path), "\(path)")
        }
        #expect(FileStatus.currentDirectory == FileManager.default.currentDirectoryPath)
    }

    @Test func pathsStandardizedAsIsAreWhatFoundationGives() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var asIs = 0
        for path in Self.relativePaths(root) {
            guard let standardized = FileStatus.standardizedAsIs(path) else { continue }
            asIs += 1
            #expect(standardized == (path as NSString).standardizingPath, "\(path)")
        }
        // The clean paths through real folders (the root, its folder, the article); links,
        // `.`, `..`, doubled or trailing slashes and missing files go to Foundation.
        #expect(asIs == 3)
        #expect(FileStatus.standardizedAsIs(root + "/folder-link/article.txt") == nil)
        #expect(FileStatus.standardizedAsIs(root + "/folder/article.txt") == root + "/folder/article.txt")
    }

    /// Relative paths, against the working directory the tests run in (not changed here:
    /// tests run side by side).
    @Test func absolutePathsOfRelativeOnesAreFoundations() {
        for path in ["Package.swift", "Sources/MTLintRuleFiles", "Sources//MTLintRuleFiles", "./Package.swift",
                     "Sources/../Package.swift", "missing/article.txt", "Sources/", "é/ü.txt"] {
            let foundation = ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
            #expect(Configuration.absolute(path) == foundation, "\(path)")
        }
    }
}

import Foundation
import MTLintRuleFiles

/// An input named on the command line, expanded: a file, or standard input.
enum Input: Sendable, Hashable {
    case file(String)
    case standardInput

    var displayPath: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        }
    }
}

/// A problem with an input that does not stop the other inputs.
struct InputProblem: Error, Sendable {
    let path: String
    let message: String

    var description: String { "\(path): \(message)" }
}

/// Expands paths: files as given, directories recursively (text, Markdown and HTML files),
/// `-` for standard input. Results are sorted by path so output order never depends on
/// the file system.
enum InputCollector {
    static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    static func collect(_ paths: [String]) -> (inputs: [Input], problems: [InputProblem]) {
        var files: [String] = []
        var problems: [InputProblem] = []
        var stdin = false
        for path in paths {
            if path == "-" { stdin = true; continue }
            let status = FileStatus(path: path)
            if status == .file {
                files.append(path)
                continue
            }
            let fileManager = FileManager.default
            guard status == .directory else {
                let isBrokenLink = (try? fileManager.destinationOfSymbolicLink(atPath: path)) != nil
                problems.append(InputProblem(path: path, message: isBrokenLink ? "broken symbolic link" : "no such file or directory"))
                continue
            }
            guard let walker = fileManager.enumerator(atPath: path) else {
                problems.append(InputProblem(path: path, message: "cannot read directory"))
                continue
            }
            for case let relative as String in walker {
                let components = relative.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(".") }) { continue }
                guard extensions.contains((relative as NSString).pathExtension.lowercased()) else { continue }
                let full = path == "." ? relative : (path as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                if fileManager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { files.append(full) }
            }
        }
        // Sorted, so a path named twice is next to itself.
        let sorted = files.sorted()
        var inputs = sorted.indices.filter { $0 == 0 || sorted[$0] != sorted[$0 - 1] }.map { Input.file(sorted[$0]) }
        if stdin { inputs.append(.standardInput) }
        return (inputs, problems)
    }
}

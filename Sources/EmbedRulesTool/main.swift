// Writes a Swift file that holds every file under a folder as (relative path, contents).
// Used by EmbedRulesPlugin at build time; usage: EmbedRulesTool RULES_DIR OUTPUT.swift
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedRulesTool RULES_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var files: [(String, String)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in walker {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("EmbedRulesTool: \(url.path) is not UTF-8 text\n".utf8))
            exit(1)
        }
        files.append((relative, text))
    }
}
files.sort { $0.0 < $1.0 }

/// A raw string literal whose delimiter cannot occur in the text.
func literal(_ text: String) -> String {
    var longest = 0, run = 0
    for character in text.unicodeScalars {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = "// Generated at build time by EmbedRulesTool from Rules/. Do not edit.\n"
source += "enum EmbeddedRuleFiles {\n    static let all: [(path: String, contents: String)] = [\n"
for (path, text) in files {
    let quotedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(quotedPath)\", \(literal(text))),\n"
}
source += "    ]\n}\n"
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedRulesTool: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}

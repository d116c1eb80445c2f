import Foundation
import MTLintCore
import MTLintEvaluation

/// Reads annotated folders for `mtlint eval`: every `NAME.expected.jsonl` with the excerpt
/// `NAME.txt` beside it (the format of the development set's README). A folder without
/// annotation files, an excerpt that cannot be read, or an annotation that does not fit its
/// excerpt is an error naming the file (and line).
enum AnnotatedSetReader {
    struct Entry {
        /// The excerpt's path, as findings will name it.
        var path: String
        var excerpt: AnnotatedExcerpt
        var bytes: [UInt8]
    }

    static let suffix = ".expected.jsonl"

    static func read(_ folders: [String]) throws(AnnotationError) -> [Entry] {
        var entries: [Entry] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw AnnotationError(file: folder, line: 0, reason: "not a folder of annotated excerpts")
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                throw AnnotationError(file: folder, line: 0, reason: "permission denied (cannot list the folder)")
            }
            let annotationFiles = names.filter { $0.hasSuffix(suffix) }.sorted()
            if annotationFiles.isEmpty {
                throw AnnotationError(file: folder, line: 0, reason: "no annotation files (NAME\(suffix) beside NAME.txt)")
            }
            for annotationFile in annotationFiles {
                let stem = String(annotationFile.dropLast(suffix.count))
                let name = stem + ".txt"
                let base = folder.hasSuffix("/") ? folder : folder + "/"
                let excerptPath = base + name, annotationPath = base + annotationFile
                let bytes = try readText(excerptPath, reason: "the excerpt of \(annotationFile)")
                let text = try decode(bytes, path: excerptPath)
                let excerptText = String(text.unicodeScalars.first == "\u{FEFF}" ? text.dropFirst() : Substring(text))
                let annotationText = try decode(readText(annotationPath, reason: "annotation file"), path: annotationPath)
                let lines = AnnotatedExcerpt(name: name, text: excerptText, annotations: []).lines
                let annotations = try AnnotationParser.parse(annotationText, file: annotationPath, excerptLines: lines)
                entries.append(Entry(path: excerptPath, excerpt: AnnotatedExcerpt(name: name, text: excerptText, annotations: annotations),
                                     bytes: bytes))
            }
        }
        return entries
    }

    private static func readText(_ path: String, reason: String) throws(AnnotationError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AnnotationError(file: path, line: 0, reason: "no such file (\(reason))")
        }
        guard let bytes = InputReader.readFile(path) else {
            throw AnnotationError(file: path, line: 0, reason: "permission denied (cannot read the file)")
        }
        return bytes
    }

    private static func decode(_ bytes: [UInt8], path: String) throws(AnnotationError) -> String {
        do {
            try Document.check(bytes: bytes)
        } catch {
            throw AnnotationError(file: path, line: 0, reason: error.description)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

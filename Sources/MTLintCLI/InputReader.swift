import Foundation
import MTLintCore

/// Reads an input into a document, or says clearly why it cannot.
enum InputReader {
    static func read(_ input: Input, format: DocumentFormat, console: Console) -> Result<Document, InputProblem> {
        let bytes: [UInt8]
        switch input {
        case .standardInput:
            bytes = console.readStandardInput()
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(InputProblem(path: path, message: "no such file"))
            }
            if isDirectory.boolValue { return .failure(InputProblem(path: path, message: "is a directory")) }
            guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
                return .failure(InputProblem(path: path, message: "permission denied (cannot read the file)"))
            }
            bytes = [UInt8](data)
        }
        do {
            return .success(try Document(bytes: bytes, format: format))
        } catch {
            return .failure(InputProblem(path: input.displayPath, message: error.description))
        }
    }
}

import Foundation
import MTLintCore
import MTLintRuleFiles

/// Reads an input into a document, or says clearly why it cannot.
enum InputReader {
    static func read(_ input: Input, format: DocumentFormat, console: Console) -> Result<Document, InputProblem> {
        readBytes(input, console: console).flatMap { bytes in
            do throws(InputError) {
                return .success(try Document(bytes: bytes, format: format))
            } catch {
                return .failure(InputProblem(path: input.displayPath, message: error.description))
            }
        }
    }

    /// The input's bytes, or why they cannot be read.
    static func readBytes(_ input: Input, console: Console) -> Result<[UInt8], InputProblem> {
        let bytes: [UInt8]
        switch input {
        case .standardInput:
            bytes = console.readStandardInput()
        case .file(let path):
            switch FileStatus(path: path) {
            case .missing: return .failure(InputProblem(path: path, message: "no such file"))
            case .directory: return .failure(InputProblem(path: path, message: "is a directory"))
            case .file: break
            }
            guard FileStatus.isReadable(path), let read = readFile(path) else {
                return .failure(InputProblem(path: path, message: "permission denied (cannot read the file)"))
            }
            bytes = read
        }
        return .success(bytes)
    }

    /// The file's bytes, read straight into one array (no second copy of a large file).
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

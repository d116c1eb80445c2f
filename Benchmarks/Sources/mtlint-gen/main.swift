import Foundation
import NewsGen

// mtlint-gen SIZE OUT                   one file of about SIZE bytes (2KB, 1MB, 20MB, ...)
// mtlint-gen SIZE DIR --files N         N files of about SIZE bytes each in DIR (doc-0000.txt, ...)
// mtlint-gen SIZE OUT --jsonl N         N JSON Lines records {"id":…,"text":…}, texts of about SIZE bytes
// --seed S                              another text (default: the benchmarks' seed)

let usage = "usage: mtlint-gen SIZE OUT [--files N | --jsonl N] [--seed S]"
var positional: [String] = []
var files: Int?
var records: Int?
var seed: UInt64 = NewsGeneratorDefaults.seed
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--files":
        guard let value = arguments.next().flatMap(Int.init) else { fatalError(usage) }
        files = value
    case "--jsonl":
        guard let value = arguments.next().flatMap(Int.init) else { fatalError(usage) }
        records = value
    case "--seed":
        guard let value = arguments.next().flatMap({ UInt64($0) }) else { fatalError(usage) }
        seed = value
    default:
        positional.append(argument)
    }
}
guard positional.count == 2, let size = parseSize(positional[0]) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
let out = positional[1]

func write(_ bytes: [UInt8], to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        FileHandle.standardError.write(Data("mtlint-gen: cannot write \(path)\n".utf8))
        exit(1)
    }
}

if let files {
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for index in 0..<files {
        var generator = NewsGenerator(seed: seed &+ UInt64(index))
        let name = "doc-" + String(index).leftPaddedForFileName(to: 4) + ".txt"
        write(generator.bytes(size: size), to: (out as NSString).appendingPathComponent(name))
    }
} else if let records {
    // One article per record, each from its own seed, as the files are.
    var lines: [UInt8] = []
    for index in 0..<records {
        var generator = NewsGenerator(seed: seed &+ UInt64(index))
        let text = String(decoding: generator.bytes(size: size), as: UTF8.self)
        let object: [String: Any] = ["id": index, "text": text]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            fatalError("mtlint-gen: cannot encode record \(index)")
        }
        lines += data
        lines.append(UInt8(ascii: "\n"))
    }
    write(lines, to: out)
} else {
    var generator = NewsGenerator(seed: seed)
    write(generator.bytes(size: size), to: out)
}

extension String {
    func leftPaddedForFileName(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

import MTLintCore

/// What the cross-document census (`CorpusCensus`) reads of each input before a batch is
/// linted: the repetition keys of its short lines. Standard input (read once, when linted) and
/// files linted in parts give none; an input that cannot be read gives none here and is
/// reported when it is linted.
enum CensusKeys {
    static func of(_ input: Input, format: DocumentFormat, console: Console) -> Set<UInt64> {
        guard case .file = input, case .success(let bytes) = InputReader.readBytes(input, console: console),
              !PartitionedLint.applies(to: bytes.count, format: format),
              let document = try? Document(bytes: bytes, format: format) else { return [] }
        return CorpusCensus.keys(of: document)
    }
}

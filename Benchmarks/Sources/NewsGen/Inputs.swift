import Foundation

/// A benchmark input: a name for reports and its UTF-8 bytes.
public struct BenchInput: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public var megabytes: Double { Double(bytes.count) / 1_000_000 }

    /// Generated news-like text of about `size` bytes (`2KB`, `1MB`, `20MB`, ...), default seed.
    public static func generated(_ size: String) -> BenchInput {
        var generator = NewsGenerator()
        return BenchInput(name: "gen-" + size, bytes: generator.bytes(size: parseSize(size) ?? 0))
    }

    /// The shared corpus of real machine-translated English, read in place from `../shared/corpus/`
    /// next to the repository (or `$MTLINT_CORPUS`); nil when it is not there.
    public static func corpus(repositoryRoot: String) -> BenchInput? {
        let path = ProcessInfo.processInfo.environment["MTLINT_CORPUS"]
            ?? ((repositoryRoot as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("shared/corpus/mqm-ted-zhen-en.txt")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return BenchInput(name: "mqm-ted-zhen-en", bytes: Array(data))
    }

    /// The repository root, from a source file's `#filePath` inside `Benchmarks/Benchmarks/<Name>/`.
    public static func repositoryRoot(fromBenchmarkSource filePath: String) -> String {
        var path = filePath as NSString
        for _ in 0..<4 { path = path.deletingLastPathComponent as NSString }
        return path as String
    }
}

/// Megabytes (10^6 bytes) per second for `bytes` processed in `duration`.
public func megabytesPerSecond(_ bytes: Int, _ duration: Duration) -> Double {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
}

import Foundation
import Synchronization

/// Where commands read and write. The real process uses the standard streams; tests use a
/// captured console to run commands in-process.
public final class Console: Sendable {
    private let capturing: Bool
    private let captured = Mutex((out: "", err: ""))
    private let input: [UInt8]?
    public let isTerminal: Bool
    /// Whether standard error is a terminal (never for a capturing console).
    public let isErrorTerminal: Bool
    /// How much of a capturing console's input `readStandardInput(upTo:)` has served.
    private let inputOffset = Mutex(0)

    /// The process's own stdin, stdout and stderr.
    public static let standard = Console()

    private init() {
        capturing = false
        input = nil
        isTerminal = isatty(STDOUT_FILENO) == 1
        isErrorTerminal = isatty(STDERR_FILENO) == 1
    }

    /// A console that records output and serves `stdin` as standard input.
    public init(capturingWithInput stdin: [UInt8] = []) {
        capturing = true
        input = stdin
        isTerminal = false
        isErrorTerminal = false
    }

    @TaskLocal public static var current: Console = .standard

    public func out(_ text: String) {
        if capturing { captured.withLock { $0.out += text } } else { FileHandle.standardOutput.write(Self.data(text)) }
    }

    public func err(_ text: String) {
        if capturing { captured.withLock { $0.err += text } } else { FileHandle.standardError.write(Self.data(text)) }
    }

    public func writeOut(_ bytes: [UInt8]) {
        if capturing {
            captured.withLock { $0.out += String(decoding: bytes, as: UTF8.self) }
        } else {
            FileHandle.standardOutput.write(bytes.withUnsafeBufferPointer(Self.data))
        }
    }

    /// The bytes copied into `Data` from a buffer: the generic `Data(_:)` of a sequence first
    /// asks at run time which protocols the sequence conforms to, which cost the first write
    /// of a run 0.1 ms in the static binary.
    private static func data(_ text: String) -> Data {
        var text = text
        return text.withUTF8(data)
    }

    private static func data(_ bytes: UnsafeBufferPointer<UInt8>) -> Data {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return Data() }
        return Data(bytes: base, count: bytes.count)
    }

    public func readStandardInput() -> [UInt8] {
        if let input { return input }
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    /// The next bytes of standard input, at most `maxCount` (at least 1); empty at the end.
    /// For reading a stream piece by piece instead of all at once.
    public func readStandardInput(upTo maxCount: Int) -> [UInt8] {
        let limit = max(1, maxCount)
        if let input {
            return inputOffset.withLock { offset in
                let end = min(input.count, offset + limit)
                defer { offset = end }
                return Array(input[offset..<end])
            }
        }
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, limit) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return [] }
            buffer.removeLast(limit - count)
            return buffer
        }
    }

    public var stdout: String { captured.withLock { $0.out } }
    public var stderr: String { captured.withLock { $0.err } }

    /// Whether to color output: on a terminal, unless NO_COLOR is set.
    public var wantsColor: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}

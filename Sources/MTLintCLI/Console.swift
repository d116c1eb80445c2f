import Foundation
import Synchronization

/// Where commands read and write. The real process uses the standard streams; tests use a
/// captured console to run commands in-process.
public final class Console: Sendable {
    private let capturing: Bool
    private let captured = Mutex((out: "", err: ""))
    private let input: [UInt8]?
    public let isTerminal: Bool

    /// The process's own stdin, stdout and stderr.
    public static let standard = Console()

    private init() {
        capturing = false
        input = nil
        isTerminal = isatty(STDOUT_FILENO) == 1
    }

    /// A console that records output and serves `stdin` as standard input.
    public init(capturingWithInput stdin: [UInt8] = []) {
        capturing = true
        input = stdin
        isTerminal = false
    }

    @TaskLocal public static var current: Console = .standard

    public func out(_ text: String) {
        if capturing { captured.withLock { $0.out += text } } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    public func err(_ text: String) {
        if capturing { captured.withLock { $0.err += text } } else { FileHandle.standardError.write(Data(text.utf8)) }
    }

    public func writeOut(_ bytes: [UInt8]) {
        if capturing { captured.withLock { $0.out += String(decoding: bytes, as: UTF8.self) } } else { FileHandle.standardOutput.write(Data(bytes)) }
    }

    public func readStandardInput() -> [UInt8] {
        if let input { return input }
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    public var stdout: String { captured.withLock { $0.out } }
    public var stderr: String { captured.withLock { $0.err } }

    /// Whether to color output: on a terminal, unless NO_COLOR is set.
    public var wantsColor: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}

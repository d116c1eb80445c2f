import Foundation

/// A fresh temporary folder for one test, removed with everything in it when the test process
/// exits (tests run in parallel and some hand their folder to code that outlives a `defer`).
func temporaryFolder(prefix: String = "mtlint-test-") throws -> String {
    let path = NSTemporaryDirectory() + prefix + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    TemporaryFolders.shared.register(path)
    return path
}

/// The temporary folders the tests made, removed at exit.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()

    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func register(_ path: String) {
        lock.withLock { paths.append(path) }
    }

    private func removeAll() {
        let made = lock.withLock { () -> [String] in
            defer { paths.removeAll() }
            return paths
        }
        for path in made { try? FileManager.default.removeItem(atPath: path) }
    }
}

import Foundation

/// Writes a file so that it is either the original or the complete new content, never a
/// mix: a temporary file in the same directory, flushed to disk, given the original's
/// permission bits, then renamed over it. A symbolic link stays a link: its target is written.
enum AtomicWriter {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// For tests: `MTLINT_INJECT_WRITE_FAILURE=write|sync|rename` fails that step, so the
    /// test can check that the original survives a full disk or a failed rename.
    static func injected(_ step: String) -> Bool {
        ProcessInfo.processInfo.environment["MTLINT_INJECT_WRITE_FAILURE"] == step
    }

    /// Writes `bytes` to `path` if its content is still `expected`.
    static func write(_ bytes: [UInt8], to path: String, expecting expected: [UInt8]) throws(Failure) {
        let target = resolveLinks(path)
        guard let current = FileManager.default.contents(atPath: target), [UInt8](current) == expected else {
            throw Failure(message: "changed on disk since it was read; not overwritten")
        }
        var info = stat()
        guard stat(target, &info) == 0 else { throw Failure(message: "cannot stat: \(String(cString: strerror(errno)))") }
        let directory = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(base).mtlint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw Failure(message: "cannot create a temporary file next to it: \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ what: String) -> Failure {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(temporary)
            return Failure(message: "\(what): \(reason); the original is untouched")
        }
        if injected("write") { errno = ENOSPC; throw fail("cannot write") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                raw.baseAddress.map { Glibc.write(fd, $0 + written, bytes.count - written) } ?? 0
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw fail("cannot write")
            }
            written += result
        }
        if fchmod(fd, info.st_mode & 0o7777) != 0 { throw fail("cannot set permissions") }
        if injected("sync") { errno = EIO; throw fail("cannot flush to disk") }
        if fsync(fd) != 0 { throw fail("cannot flush to disk") }
        close(fd)
        if injected("rename") || rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(message: "cannot replace the file: \(reason); the original is untouched")
        }
    }

    /// The file a path finally names, following symbolic links.
    static func resolveLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }
}

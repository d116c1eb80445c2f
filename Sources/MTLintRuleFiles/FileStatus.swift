#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, asked of the file system directly (`stat`, `lstat`, `access`, `getcwd`).
///
/// A plain `mtlint lint FILE` needs only these answers: where it would otherwise make
/// Foundation's `FileManager` for them, and standardize a path through it, which cost the main
/// thread of a start 0.2–0.3 ms before it could help decode the shipped rules. Each answer is
/// the one `FileManager` gives (`fileExists(atPath:isDirectory:)`, `isReadableFile(atPath:)`,
/// `currentDirectoryPath`); `FileStatusTests` compare them.
public enum FileStatus: Sendable, Equatable {
    case missing
    case file
    case directory

    /// The status of what `path` names, symbolic links followed (a broken link is missing).
    public init(path: String) {
        guard !path.isEmpty else {
            self = .missing
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = .missing
            return
        }
        self = (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// Whether this process may read `path`.
    public static func isReadable(_ path: String) -> Bool {
        !path.isEmpty && access(path, R_OK) == 0
    }

    /// The working directory, nil if it cannot be read.
    public static var currentDirectory: String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `path` as Foundation's `standardizingPath` gives it, when that is `path` itself: an
    /// absolute path without empty, `.` or `..` components, none of whose folders or itself is
    /// a symbolic link, and outside the folders that method rewrites (`/private`,
    /// `/var/automount`). Nil otherwise, for the caller to ask Foundation.
    public static func standardizedAsIs(_ path: String) -> String? {
        let bytes = Array(path.utf8)
        guard bytes.count > 1, bytes[0] == UInt8(ascii: "/"), bytes[bytes.count - 1] != UInt8(ascii: "/"),
              !path.hasPrefix("/private"), !path.hasPrefix("/var/automount") else { return nil }
        var start = 1
        for end in 1...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
            let component = bytes[start..<end]
            if component.isEmpty || component.elementsEqual([UInt8(ascii: ".")]) || component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                return nil
            }
            var info = stat()
            let prefix = String(decoding: bytes[0..<end], as: UTF8.self)
            guard lstat(prefix, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return nil }
            start = end + 1
        }
        return path
    }
}

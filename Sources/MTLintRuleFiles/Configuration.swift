import Foundation
import MTLintCore

/// Settings that a configuration file, an override in it, or the command line can give.
/// Nil means "not said here".
public struct SettingsLayer: Sendable, Hashable {
    public var select: [String]?
    public var ignore: [String]?
    public var severity: [String: Severity]?
    public var source: [String]?
    public var target: String?
    public var quotes: String?
    public var rules: [String]?

    public init(select: [String]? = nil, ignore: [String]? = nil, severity: [String: Severity]? = nil, source: [String]? = nil,
                target: String? = nil, quotes: String? = nil, rules: [String]? = nil) {
        self.select = select
        self.ignore = ignore
        self.severity = severity
        self.source = source
        self.target = target
        self.quotes = quotes
        self.rules = rules
    }

    /// `other`'s values where it has them, else this layer's.
    public func overridden(by other: SettingsLayer) -> SettingsLayer {
        SettingsLayer(select: other.select ?? select, ignore: other.ignore ?? ignore,
                      severity: other.severity.map { (severity ?? [:]).merging($0) { $1 } } ?? severity,
                      source: other.source ?? source, target: other.target ?? target, quotes: other.quotes ?? quotes,
                      rules: other.rules.map { (rules ?? []) + $0 } ?? rules)
    }
}

/// A `.mtlint.yml` file: settings, paths to exclude, and overrides for some paths.
public struct Configuration: Sendable {
    public struct Override: Sendable {
        public var paths: [Glob]
        public var settings: SettingsLayer
    }

    /// The file's path; globs and rule folders are relative to its folder.
    public var path: String
    public var settings: SettingsLayer
    public var exclude: [Glob]
    public var overrides: [Override]

    public var directory: String { (path as NSString).deletingLastPathComponent }

    public static let fileNames = [".mtlint.yml", ".mtlint.yaml"]
    static let settingKeys = ["select", "ignore", "severity", "source", "target", "quotes", "rules"]
    static let quoteStyles = ["locale", "curly", "straight"]

    /// Reads and checks a configuration file strictly: unknown keys and wrong types are
    /// errors at their place in the file.
    public static func load(path: String) throws(ConfigErrors) -> Configuration {
        let unreadable = ConfigSource(path: path, text: "")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ConfigErrors([ConfigError("is a directory, not a configuration file", at: ConfigMark(source: unreadable, line: 1, column: 1))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigErrors([ConfigError("cannot read configuration file", at: ConfigMark(source: unreadable, line: 1, column: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors([ConfigError("configuration file is not UTF-8", at: ConfigMark(source: unreadable, line: 1, column: 1))])
        }
        do {
            return try decode(ConfigSource(path: path, text: text))
        } catch {
            throw ConfigErrors([error])
        }
    }

    static func decode(_ source: ConfigSource) throws(ConfigError) -> Configuration {
        guard let root = try YAMLReader.parse(source) else {
            return Configuration(path: source.path, settings: SettingsLayer(), exclude: [], overrides: [])
        }
        let map = try root.mapping(allowed: settingKeys + ["exclude", "overrides"])
        let directory = (source.path as NSString).deletingLastPathComponent
        let settings = try layer(map, relativeTo: directory)
        var exclude: [Glob] = []
        if let node = map["exclude"] { exclude = try node.stringList().map(Glob.init) }
        var overrides: [Override] = []
        if let node = map["overrides"] {
            for item in try node.list() {
                let entry = try item.mapping(allowed: ["paths"] + settingKeys)
                let paths = try entry.required("paths").stringList().map(Glob.init)
                overrides.append(Override(paths: paths, settings: try layer(entry, relativeTo: directory)))
            }
        }
        return Configuration(path: source.path, settings: settings, exclude: exclude, overrides: overrides)
    }

    static func layer(_ map: ConfigMapping, relativeTo directory: String) throws(ConfigError) -> SettingsLayer {
        var layer = SettingsLayer()
        layer.select = try map["select"]?.stringList()
        layer.ignore = try map["ignore"]?.stringList()
        if let node = map["severity"] {
            guard case .mapping(let pairs) = node.value else { throw ConfigError("expected a mapping of rule id: severity, found \(node.kindName)", at: node.mark) }
            var severities: [String: Severity] = [:]
            for pair in pairs { severities[try pair.key.string("a rule id")] = try pair.value.oneOf(Severity.self) }
            layer.severity = severities
        }
        layer.source = try map["source"]?.stringList()
        layer.target = try map["target"]?.string("a locale such as en-US")
        if let node = map["quotes"] {
            let style = try node.string()
            guard quoteStyles.contains(style) else {
                throw ConfigError("unknown value '\(style)'; expected one of: \(quoteStyles.joined(separator: ", "))", at: node.mark)
            }
            layer.quotes = style
        }
        if let node = map["rules"] {
            layer.rules = try node.stringList().map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) }
        }
        return layer
    }

    /// The path of `file` relative to this configuration's folder, if it is inside it.
    public func relativePath(of file: String) -> String? {
        let absolute = Self.absolute(file), base = Self.absolute(directory)
        guard absolute.hasPrefix(base + "/") else { return nil }
        return String(absolute.dropFirst(base.count + 1))
    }

    public func excludes(_ file: String) -> Bool {
        guard let relative = relativePath(of: file) else { return false }
        return exclude.contains { $0.matches(relative) }
    }

    /// The file's settings: the file's own, then each matching override in order.
    public func settings(for file: String) -> SettingsLayer {
        guard let relative = relativePath(of: file) else { return settings }
        return overrides.filter { $0.paths.contains { $0.matches(relative) } }.reduce(settings) { $0.overridden(by: $1.settings) }
    }

    /// `path` made absolute and standardized (symbolic links resolved) as Foundation does it;
    /// a path with nothing to resolve is checked with a few `lstat` calls instead (see
    /// `FileStatus.standardizedAsIs`).
    static func absolute(_ path: String) -> String {
        let full: String
        if path.hasPrefix("/") {
            full = path
        } else if let directory = FileStatus.currentDirectory, directory.hasPrefix("/"), !directory.dropFirst().hasSuffix("/"),
                  !path.isEmpty, !path.hasSuffix("/"), !path.contains("//") {
            // What `appendingPathComponent` gives for a clean relative path.
            full = directory == "/" ? "/" + path : directory + "/" + path
        } else {
            full = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        }
        return FileStatus.standardizedAsIs(full) ?? (full as NSString).standardizingPath
    }

    /// The configuration that governs `file`: the nearest `.mtlint.yml` in its folder or above.
    public static func discover(for file: String, cache: inout [String: String?]) -> String? {
        var directory = (absolute(file) as NSString).deletingLastPathComponent
        var visited: [String] = []
        while true {
            if let known = cache[directory] {
                for v in visited { cache[v] = known }
                return known
            }
            visited.append(directory)
            for name in fileNames {
                let candidate = (directory as NSString).appendingPathComponent(name)
                if FileStatus(path: candidate) != .missing {
                    for v in visited { cache[v] = candidate }
                    return candidate
                }
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || directory.isEmpty {
                for v in visited { cache[v] = .some(nil) }
                return nil
            }
            directory = parent
        }
    }
}

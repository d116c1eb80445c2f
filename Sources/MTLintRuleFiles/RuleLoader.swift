import Foundation
import MTLintCore
import WordTables

/// Loads rule sets: the rules built into the binary and rule folders on disk. Every file is
/// read and checked; if any has an error, nothing is returned but all the errors.
public enum RuleLoader {
    /// The rules shipped in `Rules/`, embedded in the binary at build time.
    public static func builtinFiles() -> [RuleFile] {
        zip(EmbeddedRuleFiles.all, EmbeddedRuleFiles.preparsed).map { file, preparsed in
            var builtin = RuleFile(path: "Rules/" + file.path, text: file.contents, isBuiltin: true)
            builtin.preparsed = preparsed
            return builtin
        }
    }

    /// Rule files found under `directory` (recursively), sorted by path.
    public static func files(inDirectory directory: String) throws(ConfigErrors) -> [RuleFile] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let empty = ConfigSource(path: directory, text: "")
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw ConfigErrors([ConfigError("rule folder does not exist", at: ConfigMark(source: empty, line: 1, column: 1))])
        }
        let paths: [String]
        if isDirectory.boolValue {
            guard let walker = fileManager.enumerator(atPath: directory) else {
                throw ConfigErrors([ConfigError("cannot read rule folder", at: ConfigMark(source: empty, line: 1, column: 1))])
            }
            paths = walker.compactMap { $0 as? String }.map { (directory as NSString).appendingPathComponent($0) }.sorted()
        } else {
            guard RuleFile.isRuleFile(directory) else {
                throw ConfigErrors([ConfigError("not a rule file (rule files end in .yml or .yaml) or a folder of them",
                                                at: ConfigMark(source: empty, line: 1, column: 1))])
            }
            paths = [directory]
        }
        var files: [RuleFile] = []
        var errors: [ConfigError] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            guard let data = fileManager.contents(atPath: path) else {
                errors.append(ConfigError("cannot read file", at: ConfigMark(source: ConfigSource(path: path, text: ""), line: 1, column: 1)))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append(ConfigError("not UTF-8 text", at: ConfigMark(source: ConfigSource(path: path, text: ""), line: 1, column: 1)))
                continue
            }
            files.append(RuleFile(path: path, text: text))
        }
        if !errors.isEmpty { throw ConfigErrors(errors) }
        return files
    }

    /// Decodes every rule file among `files` (others are data for resolvers), checks that ids
    /// are unique, and returns the rules sorted by id.
    public static func rules(from files: [RuleFile]) throws(ConfigErrors) -> [Rule] {
        try RuleFileDecoding(files: files).rules()
    }

    /// The shipped rules plus the rules in `directories`.
    public static func load(builtin: Bool = true, directories: [String] = []) throws(ConfigErrors) -> [Rule] {
        var files = builtin ? builtinFiles() : []
        var errors: [ConfigError] = []
        for directory in directories {
            do { files += try self.files(inDirectory: directory) } catch { errors += error.errors }
        }
        if !errors.isEmpty { throw ConfigErrors(errors) }
        return try rules(from: files)
    }

    static func idMark(_ id: String, in source: ConfigSource) -> ConfigMark {
        var line = 1
        while let text = source.line(line) {
            if let range = text.firstRange(of: id), text.contains("id:") {
                return ConfigMark(source: source, line: line, column: text[..<range.lowerBound].unicodeScalars.count + 1)
            }
            line += 1
        }
        return ConfigMark(source: source, line: 1, column: 1)
    }
}

/// Resolves data files (word lists) named by a rule file, relative to its folder, among a
/// set of loaded files.
struct FileSetResolver: RuleFileResolver {
    let byPath: [String: String]
    var base: String = ""
    /// Whether `base` is the folder of a shipped rule file, whose names resolve among the
    /// shipped paths as they are.
    var baseIsBuiltin = false
    /// Word lists and vocabularies laid out once for all the rule files of this set.
    let derivedValues = DerivedFileValues()

    /// Files on disk are keyed by their standardized path (symbolic links resolved), as
    /// lookups are. Shipped files live in the binary, not on disk: their paths (`Rules/…`)
    /// are already standard and are used as they are, which spares a file-system walk per
    /// shipped file at every start.
    init(files: [RuleFile]) {
        var map: [String: String] = [:]
        map.reserveCapacity(files.count)
        for file in files { map[file.isBuiltin ? file.path : (file.path as NSString).standardizingPath] = file.text }
        byPath = map
    }

    func relative(to ruleFile: RuleFile) -> FileSetResolver {
        var copy = self
        // A shipped file's path is already standard (`Rules/…`): its folder is what precedes
        // the last slash, found without Foundation's path handling.
        copy.base = ruleFile.isBuiltin ? String(ruleFile.path[..<(ruleFile.path.lastIndex(of: "/") ?? ruleFile.path.startIndex)])
                                       : (ruleFile.path as NSString).deletingLastPathComponent
        copy.baseIsBuiltin = ruleFile.isBuiltin
        return copy
    }

    func lines(of name: String) -> [String]? {
        guard let text = byPath[path(of: name)] else { return nil }
        return Self.lines(in: text)
    }

    func derived<Value: Sendable>(from name: String, purpose: String,
                                  _ make: ([String]) throws(ConfigError) -> Value) throws(ConfigError) -> Value? {
        let path = path(of: name)
        return try derivedValues.value(purpose: purpose, path: path) { () throws(ConfigError) -> Value? in
            // A shipped list's value laid out at build time, where there is one for the purpose.
            if baseIsBuiltin, path.hasPrefix("Rules/"),
               let laidOut = EmbeddedLayouts.value(purpose: purpose, path: String(path.dropFirst(6))) as? Value {
                return laidOut
            }
            guard let text = byPath[path] else { return nil }
            return try make(Self.lines(in: text))
        }
    }

    /// A shipped word list is the table laid out at build time, read where it lies in the
    /// binary; a list on disk is laid out now, once per file and text (see `DiskWordTables`).
    func wordTable(of name: String) -> WordTable? {
        let path = path(of: name)
        if baseIsBuiltin, path.hasPrefix("Rules/") { return EmbeddedWordTables.table(at: String(path.dropFirst(6))) }
        guard let text = byPath[path] else { return nil }
        return DiskWordTables.table(path: path, text: text)
    }

    /// `name` relative to the rule file's folder, as the files are keyed, with `..` resolved
    /// (so a rule may name a list in a sibling folder: `../glued/dictionary/en.words`).
    private func path(of name: String) -> String {
        if baseIsBuiltin { return RelativePath.resolvingParents(base.isEmpty ? name : base + "/" + name) }
        return RelativePath.resolvingParents(((base as NSString).appendingPathComponent(name) as NSString).standardizingPath)
    }

    /// The text split into lines, as word lists are read (see `ListLines`).
    static func lines(in text: String) -> [String] { ListLines.split(text) }
}

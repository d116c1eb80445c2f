import MTLintCore

/// Decoding a set of rule files on as many threads as call `help()`: each file is decoded on
/// its own (they share only the read-only resolver), handed out one at a time, largest first
/// so that the last one taken is short, and the results are put together in path order, so
/// the rules and errors are those decoding the files one after the other gives.
///
/// mtlint starts the shipped rules' decoding on another thread while the command line is
/// parsed; the main thread helps once it needs the rules (see `ShippedRulesPrefetch`).
public final class RuleFileDecoding: Sendable {
    private struct Progress {
        /// How many files of `order` have been handed out.
        var taken = 0
        /// How many handed-out files are decoded.
        var done = 0
        /// Each file's rules or error, by index into `files`.
        var results: [Result<[Rule], ConfigError>?]
        /// The rules, once put together.
        var merged: Result<[Rule], ConfigErrors>?
        /// Set by `finish()`: `help()` takes no more files.
        var closed = false
        /// The decoded files' parsed trees, released with the decoding rather than file by file:
        /// a tree is thousands of nodes freed one by one (7 M instructions for the shipped
        /// files, a tenth of a 2 KB lint's), and mtlint holds the decoding of the shipped rules
        /// until the process exits (see `MTLintCommand.runAsProcess`), when the kernel takes
        /// the memory back at once.
        var trees: [ConfigNode] = []
    }

    private let files: [RuleFile]
    private let resolver: FileSetResolver
    /// Indices of the rule files among `files`, largest first.
    private let order: [Int]
    private let progress: Locked<Progress>

    public init(files: [RuleFile]) {
        self.files = files
        resolver = FileSetResolver(files: files)
        order = files.indices.filter { RuleFile.isRuleFile(files[$0].path) }
            .sorted { (files[$0].text.utf8.count, $1) > (files[$1].text.utf8.count, $0) }
        progress = Locked(Progress(results: Array(repeating: nil, count: files.count)))
    }

    /// Decodes files until none is left to hand out.
    public func help() { decode(evenIfFinished: false) }

    private func decode(evenIfFinished: Bool) {
        while let index = progress.withLock({ progress -> Int? in
            guard progress.taken < order.count, evenIfFinished || !progress.closed else { return nil }
            progress.taken += 1
            return order[progress.taken - 1]
        }) {
            let file = files[index]
            var tree: ConfigNode?
            let result = Result { () throws(ConfigError) -> [Rule] in
                let decoded = try file.rulesAndTree(resolver: resolver.relative(to: file))
                tree = decoded.tree
                return decoded.rules
            }
            progress.withLock {
                $0.results[index] = result
                if let tree { $0.trees.append(tree) }
                $0.done += 1
            }
        }
    }

    /// The rules of every file, sorted by id; all the errors if any file has one (a duplicate
    /// id is an error too). Helps with the files not yet handed out, then waits for those
    /// other threads are decoding.
    public func rules() throws(ConfigErrors) -> [Rule] {
        decode(evenIfFinished: true)
        return try progress.withLock(when: { $0.done == $0.taken }) { progress in
            if let merged = progress.merged { return merged }
            let merged = Self.merge(files: files, results: progress.results)
            progress.merged = merged
            return merged
        }.get()
    }

    /// How many parsed trees the decoding holds (one per decoded rule file).
    var heldTreeCount: Int { progress.withLock { $0.trees.count } }

    /// Hands out no more files and waits for those being decoded, when the rules are no longer
    /// needed (so no decoding outlives the caller).
    public func finish() {
        progress.withLock(when: { $0.done == $0.taken }) { $0.closed = true }
    }

    /// The files' rules in path order, each id once, sorted by id; or every error.
    private static func merge(files: [RuleFile], results: [Result<[Rule], ConfigError>?]) -> Result<[Rule], ConfigErrors> {
        var rules: [Rule] = []
        var errors: [ConfigError] = []
        var firstSeen: [String: String] = [:]
        let ruleCount = results.reduce(0) { $0 + ((try? $1?.get())?.count ?? 0) }
        rules.reserveCapacity(ruleCount)
        firstSeen.reserveCapacity(ruleCount)
        for (file, result) in zip(files, results) {
            guard let result else { continue }
            switch result {
            case .success(let decoded):
                for rule in decoded {
                    if let earlier = firstSeen[rule.id] {
                        let source = ConfigSource(path: file.path, text: file.text)
                        errors.append(ConfigError("duplicate rule id '\(rule.id)' (also in \(earlier))", at: RuleLoader.idMark(rule.id, in: source)))
                    } else {
                        firstSeen[rule.id] = file.path
                        rules.append(rule)
                    }
                }
            case .failure(let error):
                errors.append(error)
            }
        }
        if !errors.isEmpty { return .failure(ConfigErrors(errors)) }
        return .success(rules.sorted { $0.id < $1.id })
    }
}

import ICUText
import MTLintCore
import MTLintRuleFiles

/// What a worker's `work` gets for its input: a way to emit output pieces (they go out in input
/// order) and to wait until every earlier input is done.
struct InputTurn<Piece> {
    let index: Int
    let delivery: OrderedDelivery<Piece>

    func emit(_ piece: Piece) { delivery.emit(piece, for: index) }

    /// Blocks until every earlier input is delivered; from then on pieces go straight out.
    func waitForTurn() { delivery.waitForTurn(index) }
}

/// Which settings govern each input: the nearest `.mtlint.yml` (or `--config`), its
/// overrides for the file's path, then the command line. Inputs with the same settings share
/// one linter; excluded files are dropped.
struct RunPlan {
    struct Group {
        var settings: SettingsLayer
        var linter: Linter
        var inputs: [Input]
    }

    var groups: [Group]
    /// Input order (sorted by path, standard input last), for deterministic output.
    var order: [Input]

    init(inputs: [Input], rules: RuleSettings, console: Console) throws {
        // ICU sets itself up now if the shipped rules are decoding on the other core, otherwise
        // there while the configuration and rules load.
        let warmUp = ICUWarmUp(sentenceLocale: rules.sentenceLocale, onCallingThread: ShippedRulesPrefetch.current != nil)
        defer { warmUp.finish() }
        let commandLine = rules.commandLineLayer
        var configurations: [String: Configuration] = [:]
        var discovered: [String: String?] = [:]

        func configuration(at path: String) throws -> Configuration {
            if let known = configurations[path] { return known }
            do {
                let loaded = try Configuration.load(path: path)
                configurations[path] = loaded
                return loaded
            } catch {
                console.err(error.description + "\nmtlint: configuration error; nothing was linted.\n")
                throw CommandExit(status: .error)
            }
        }

        var settingsByInput: [(Input, SettingsLayer)] = []
        for input in inputs {
            var base = SettingsLayer()
            var configPath: String?
            if let explicit = rules.config {
                configPath = explicit
            } else if !rules.noConfig {
                let anchor: String
                if case .file(let path) = input { anchor = path } else { anchor = "./-" }
                configPath = Configuration.discover(for: anchor, cache: &discovered)
            }
            if let configPath {
                let config = try configuration(at: configPath)
                if case .file(let path) = input {
                    if config.excludes(path) { continue }
                    base = config.settings(for: path)
                } else {
                    base = config.settings
                }
            }
            settingsByInput.append((input, base.overridden(by: commandLine)))
        }

        let factory = RuleSetFactory(builtin: !rules.noBuiltinRules, sentenceLocale: rules.sentenceLocale)
        var groups: [Group] = []
        for (input, settings) in settingsByInput {
            if let index = groups.firstIndex(where: { $0.settings == settings }) {
                groups[index].inputs.append(input)
            } else {
                groups.append(Group(settings: settings, linter: try factory.linter(for: settings, console: console), inputs: [input]))
            }
        }
        // With no inputs at all, still load the command line's rules so rule errors surface.
        if groups.isEmpty { _ = try factory.linter(for: commandLine, console: console) }
        self.groups = groups
        self.order = settingsByInput.map(\.0)
        HeldUntilExit.current?.hold(groups.map(\.linter))
    }

    /// Every rule that runs on some input, once each, by id.
    var rules: [Rule] {
        var seen = Set<String>()
        return groups.flatMap(\.linter.rules).filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// Runs `work` over every input on all cores, each worker with linters of its own, and hands
    /// what `work` emits to `deliver` in input order (sorted by path, standard input last) as
    /// soon as each input's turn comes, so output streams and findings are not all held.
    ///
    /// When a rule counts lines across documents (`CorpusCensus`) and there are several inputs,
    /// they go in batches of `CorpusCensus.batchSize`: `censusKeys` reads each input of a batch
    /// first (on all cores), and every linter gets the batch's census before the batch is linted.
    func stream<Piece>(jobs: Int, censusKeys: (@Sendable (Input) -> Set<UInt64>)? = nil,
                       _ work: @escaping (Input, Linter, InputTurn<Piece>) -> Void,
                       deliver: @escaping (Piece) -> Void) {
        // One file alone: its rules (or its parts) share the cores instead.
        if order.count == 1, let group = groups.first { group.linter.ruleParallelism = jobs }
        var groupOf: [Input: Int] = [:]
        for (index, group) in groups.enumerated() { for input in group.inputs { groupOf[input] = index } }
        let originals = groups.map(\.linter)
        // A copy that fails (no ICU state) just means one worker fewer.
        let wanted = max(1, min(jobs, order.count))
        let states = [originals] + (1..<wanted).compactMap { _ in try? originals.map { linter throws(ICUError) in try linter.copy() } }
        let delivery = OrderedDelivery<Piece>(window: states.count * 4, deliver: deliver)
        let order = self.order
        let counting = censusKeys != nil && order.count >= 3 && originals.contains(where: \.usesCorpusCensus)
        let batch = counting ? CorpusCensus.batchSize : max(order.count, 1)
        var previous: [Set<UInt64>] = []
        for batchStart in stride(from: 0, to: order.count, by: batch) {
            let inputs = batchStart..<min(batchStart + batch, order.count)
            if counting, let censusKeys {
                let keys = WorkQueue.map(inputs.count, states: states) { _, k in censusKeys(order[inputs.lowerBound + k]) }
                let census = CorpusCensus(batch: keys, previous: previous)
                previous = keys
                for state in states { for linter in state { linter.corpusCensus = census } }
            }
            _ = WorkQueue.map(inputs.count, states: states) { linters, k in
                let index = inputs.lowerBound + k
                delivery.waitForRoom(index)
                let input = order[index]
                if let group = groupOf[input] { work(input, linters[group], InputTurn(index: index, delivery: delivery)) }
                delivery.finish(index)
            }
        }
    }
}

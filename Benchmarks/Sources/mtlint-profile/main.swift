import Foundation
import ICUText
import MTLintCore
import MTLintRuleFiles
import NewsGen

// mtlint-profile [SIZE | FILE] [--repeat N] [--no-rules-alone] [--startup | --filters | --compile]
//
// Where linting time goes, rule by rule: document preparation, each segmentation scope, ICU's
// bare sentence breaks (the reference line), then each shipped rule alone on a document whose
// segments are already computed (so a rule's time is its own matching), sorted by cost. Each
// figure is the median of N runs (default 3). Input: generated text of SIZE (default 1MB) or FILE.

var arguments = Array(CommandLine.arguments.dropFirst())
var repeatCount = 3
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repeatCount = Int(arguments[index + 1]) ?? 3
    arguments.removeSubrange(index...(index + 1))
}
let repeats = repeatCount
// `--no-rules-alone`: stop after the whole set and the rules inside it (the slow last table
// times each rule on its own).
let rulesAlone = !arguments.contains("--no-rules-alone")
arguments.removeAll { $0 == "--no-rules-alone" }
let startup = arguments.contains("--startup")
arguments.removeAll { $0 == "--startup" }
let source = arguments.first ?? "1MB"
let bytes: [UInt8]
if let size = parseSize(source) {
    var generator = NewsGenerator()
    bytes = generator.bytes(size: size)
} else if let data = FileManager.default.contents(atPath: source) {
    bytes = Array(data)
} else {
    FileHandle.standardError.write(Data("mtlint-profile: cannot read \(source)\n".utf8))
    exit(2)
}
let megabytes = Double(bytes.count) / 1_000_000
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Median seconds of `repeats` runs of `work` (after `prepare`, which is not timed).
func time<State>(_ prepare: () -> State, _ work: (State) -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let state = prepare()
        let start = clock.now
        work(state)
        times.append(seconds(clock.now - start))
    }
    return times.sorted()[times.count / 2]
}

func document() -> Document {
    do { return try Document(bytes: bytes) } catch { fatalError("\(error)") }
}

func row(_ name: String, _ time: Double, total: Double? = nil, extra: String = "") {
    let share = total.map { String(format: "%5.1f%%", 100 * time / $0) } ?? "      "
    let padded = name.count < 46 ? name + String(repeating: " ", count: 46 - name.count) : name
    print(padded + String(format: " %9.1f ms %9.1f MB/s ", time * 1000, megabytes / time) + share + " " + extra)
}

// `--startup`: what a short run spends before and around linting, in this process: the first
// decoding of the shipped rules (one thread, one-time runtime costs included), later decodings,
// the linter's construction, and the first and later lints of a 2 KB generated article.
if startup {
    func milliseconds(_ work: () throws -> Void) -> Double {
        let start = clock.now
        do { try work() } catch { fatalError("\(error)") }
        return seconds(clock.now - start) * 1000
    }
    var decoded: [Rule] = []
    let first = milliseconds { decoded = try RuleLoader.rules(from: RuleLoader.builtinFiles()) }
    let later = (0..<max(repeats, 3)).map { _ in milliseconds { decoded = try RuleLoader.rules(from: RuleLoader.builtinFiles()) } }.sorted()
    var linter: Linter?
    let firstLinter = milliseconds { linter = try Linter(rules: decoded) }
    let laterLinter = (0..<max(repeats, 3)).map { _ in milliseconds { linter = try Linter(rules: decoded) } }.sorted()
    // The input named on the command line when it is a file, else a generated 2 KB article.
    var generator = NewsGenerator()
    let article = parseSize(source) == nil ? bytes : generator.bytes(size: 2_000)
    linter?.measuresRuleTimes = true
    let firstLint = milliseconds { _ = linter?.lint(try Document(bytes: article)) }
    let firstRuleTimes = linter?.ruleTimes ?? []
    linter?.measuresRuleTimes = false
    let laterLint = (0..<max(repeats, 3)).map { _ in milliseconds { _ = linter?.lint(try Document(bytes: article)) } }.sorted()
    print(String(format: "decode %d shipped rules, one thread: first %.2f ms, then %.2f ms", decoded.count, first, later[later.count / 2]))
    // Two threads, as mtlint decodes them: another thread starts, this one helps.
    let twoThreads = (0..<max(repeats, 3)).map { _ in
        milliseconds {
            let decoding = RuleFileDecoding(files: RuleLoader.builtinFiles())
            Thread { decoding.help() }.start()
            decoded = try decoding.rules()
        }
    }.sorted()
    print(String(format: "decode on two threads: %.2f ms", twoThreads[twoThreads.count / 2]))
    // Each rule file decoded alone (with the word lists it may name), the costliest first.
    let builtin = RuleLoader.builtinFiles()
    let lists = builtin.filter { !$0.path.hasSuffix(".yml") }
    var perFile: [(String, Double)] = []
    for file in builtin where file.path.hasSuffix(".yml") {
        let times = (0..<max(repeats, 3)).map { _ in milliseconds { _ = try RuleLoader.rules(from: [file] + lists) } }.sorted()
        perFile.append((file.path, times[times.count / 2]))
    }
    for (path, time) in perFile.sorted(by: { $0.1 > $1.1 }).prefix(12) { print(String(format: "  %6.2f ms  %@", time, path)) }
    print(String(format: "Linter(rules:): first %.2f ms, then %.2f ms", firstLinter, laterLinter[laterLinter.count / 2]))
    print(String(format: "lint %@: first %.2f ms, then %.2f ms", parseSize(source) == nil ? source : "a 2 KB article", firstLint,
                 laterLint[laterLint.count / 2]))
    // The first lint's costliest rules (one thread): regexes compile then, on first use.
    let firstByRule = zip(decoded.map(\.id), firstRuleTimes).map { ($0, seconds($1) * 1000) }.sorted { $0.1 > $1.1 }
    for (id, time) in firstByRule.prefix(12) { print(String(format: "  %6.2f ms  %@ (first lint)", time, id)) }
    exit(0)
}

let rules: [Rule]
do { rules = try RuleLoader.load() } catch { fatalError("\(error)") }
print(String(format: "input: %@, %.2f MB, %d rules, median of %d runs", source, megabytes, rules.count, repeats))
print("")

// Start-up pieces: the regex analysis every run does (and the detailed one large inputs get).
let patterns = rules.flatMap(\.matcher.filteredRegexes).map { ($0.pattern, $0.options.contains(.caseInsensitive)) }
for properties in [false, true] {
    let analysis = time({ () }) { _ in
        for _ in 0..<20 {
            for (pattern, caseInsensitive) in patterns {
                _ = RequiredCharacters.requirement(of: pattern, caseInsensitive: caseInsensitive, properties: properties)
            }
        }
    }
    print(String(format: "regex analysis of the %d shipped patterns%@: %.3f ms", patterns.count,
                 properties ? " (detailed)" : "", analysis * 1000 / 20))
}

// `--filters`: each shipped regex's prefilter (what every match needs in its segment).
if arguments.contains("--filters") || CommandLine.arguments.contains("--filters") {
    for rule in rules {
        for regex in rule.matcher.filteredRegexes {
            let requirement = RequiredCharacters.requirement(of: regex.pattern, caseInsensitive: regex.options.contains(.caseInsensitive),
                                                             properties: true)
            // Every requirement a line must meet (all of them), each set shown by its first characters.
            func shown(_ set: Set<UInt16>) -> String {
                let sorted = set.sorted()
                let text = String(decoding: sorted.prefix(10), as: UTF16.self).replacingOccurrences(of: "\n", with: "\\n")
                return "[" + text + (sorted.count > 10 ? "…(\(sorted.count))" : "") + "]"
            }
            var parts: [String] = []
            if let characters = requirement.characters { parts.append("characters " + shown(characters)) }
            if let transitions = requirement.transitions { parts.append(String(format: "transitions %04x", transitions)) }
            if let run = requirement.digitRun { parts.append("a run of \(run) digits") }
            if let pairs = requirement.pairs {
                parts.append("pairs " + pairs.map { pair in
                    shown(pair.first) + (pair.gap.isEmpty ? "" : shown(pair.gap) + (pair.gapRequired ? "+" : "*")) + shown(pair.second)
                }.joined(separator: " | "))
            }
            print("\(rule.id): \(parts.isEmpty ? "NONE" : parts.joined(separator: "; "))")
        }
    }
    exit(0)
}

// `--compile`: what compiling each shipped regex costs ICU (median of the repeats), costliest
// first, and which of them a first lint of the input compiles (a rule's patterns are compiled
// when a line may match them; generated phrase patterns are not in this list).
if arguments.contains("--compile") || CommandLine.arguments.contains("--compile") {
    var costs: [(id: String, cost: Double, properties: Int, regex: SharedRegex)] = []
    for rule in rules {
        for regex in rule.matcher.filteredRegexes {
            let cost = time({ () }) { _ in _ = try? Regex(regex.pattern, options: regex.options) }
            let properties = regex.pattern.components(separatedBy: "\\p{").count + regex.pattern.components(separatedBy: "\\P{").count - 2
            costs.append((rule.id, cost, properties, regex))
        }
    }
    let linter: Linter
    do { linter = try Linter(rules: rules) } catch { fatalError("\(error)") }
    _ = linter.lint(document())
    let total = costs.reduce(0) { $0 + $1.cost }
    let compiled = costs.filter { $0.regex.isCompiled }
    print(String(format: "compiling the %d shipped regexes: %.2f ms; a first lint of the input compiles %d of them: %.2f ms",
                 costs.count, total * 1000, compiled.count, compiled.reduce(0) { $0 + $1.cost } * 1000))
    // The required-character analysis every start does for each of them, costliest first.
    let analyses = costs.map { entry in
        (entry.id, entry.regex.pattern.utf16.count, time({ () }) { _ in
            _ = RequiredCharacters.requirement(of: entry.regex.pattern, caseInsensitive: entry.regex.options.contains(.caseInsensitive))
        })
    }
    print(String(format: "analysing them: %.2f ms", analyses.reduce(0) { $0 + $1.2 } * 1000))
    for (id, length, cost) in analyses.sorted(by: { $0.2 > $1.2 }).prefix(5) {
        print(String(format: "  %7.3f ms  %@ (%d units)", cost * 1000, id, length))
    }
    // Every regex the first lint compiled, with the prefilter that let it through.
    for entry in compiled.sorted(by: { $0.cost > $1.cost }) {
        let requirement = RequiredCharacters.requirement(of: entry.regex.pattern, caseInsensitive: entry.regex.options.contains(.caseInsensitive),
                                                         properties: true)
        let kind = requirement.characters.map { "characters \($0.count)" }
            ?? requirement.pairs.map { "pairs \($0.count)" }
            ?? requirement.transitions.map { String(format: "transitions %04x", $0) } ?? "no prefilter"
        print(String(format: "  compiled  %7.3f ms  %@ (%@)", entry.cost * 1000, entry.id, kind))
    }
    for entry in costs.sorted(by: { $0.cost > $1.cost }).prefix(15) {
        print(String(format: "  %7.3f ms  %@ (%d units, %d property escapes)%@", entry.cost * 1000, entry.id,
                     entry.regex.pattern.utf16.count, entry.properties, entry.regex.isCompiled ? ", compiled by the lint" : ""))
    }
    exit(0)
}

let prepare = time({ () }) { _ in _ = document() }
row("prepare (Document(bytes:))", prepare)
row("segment paragraphs", time(document) { _ = $0.paragraphs })
row("segment sentences (en_US@ss=standard)", time(document) { _ = $0.sentences(using: Segmenter()) })
row("segment words", time(document) { _ = $0.words(using: Segmenter()) })
let text = document().text
var icuStandard = 1.0, icuBare = 1.0
for locale in ["en_US", "en_US@ss=standard"] {
    let iterator: BreakIterator
    do { iterator = try BreakIterator(kind: .sentence, locale: locale) } catch { fatalError("\(error)") }
    let icu = time({ () }) { _ in _ = try? iterator.boundaries(of: text, in: 0..<text.count) }
    row("ICU bare sentence breaks (\(locale))", icu)
    if locale.hasSuffix("standard") { icuStandard = icu } else { icuBare = icu }
}
let wholeLinter: Linter
do { wholeLinter = try Linter(rules: rules) } catch { fatalError("\(error)") }
let whole = time(document) { _ = wholeLinter.lint($0) }
row("whole default rule set (lint only)", whole)
// As `mtlint lint` runs a file over 4 MB: bytes cut into 256 KB parts, each part's document
// made and linted (preparation included), on one thread and on every core.
for threads in Set([1, ProcessInfo.processInfo.activeProcessorCount]).sorted() {
    let linters: [Linter]
    do { linters = try [wholeLinter] + (1..<threads).map { _ in try wholeLinter.copy() } } catch { fatalError("\(error)") }
    let parts = time({ () }) { _ in
        PartitionedLint.run(DocumentPartition(bytes: bytes), linters: linters, transform: { $0.result.findings.count }, deliver: { _ in })
    }
    row("whole default rule set in parts, \(threads) thread\(threads == 1 ? "" : "s")", parts,
        extra: String(format: "(%.3f x ICU ss=standard, %.3f x ICU en_US)", icuStandard / parts, icuBare / parts))
}
print("")

// Each rule inside the whole set (one thread, in parts as above): the rule's own matching and
// findings, with the scans every rule shares already made. What remains is the shared work.
do {
    let linter: Linter
    do { linter = try wholeLinter.copy() } catch { fatalError("\(error)") }
    linter.measuresRuleTimes = true
    var total = 0.0
    for _ in 0..<repeats {
        let start = clock.now
        PartitionedLint.run(DocumentPartition(bytes: bytes), linters: [linter], transform: { $0.result.findings.count }, deliver: { _ in })
        total += seconds(clock.now - start)
    }
    let average = total / Double(repeats)
    let times = linter.ruleTimes.map { seconds($0) / Double(repeats) }
    let ruleSum = times.reduce(0, +)
    print(String(format: "each rule inside the whole set, one thread (mean of %d runs, %.1f ms):", repeats, average * 1000))
    let shared = linter.sharedTimes.mapValues { seconds($0) / Double(repeats) }
    let sharedSum = shared.values.reduce(0, +)
    row("  documents, partition, findings sorted", average - ruleSum - sharedSum, total: average)
    row("  segments and scans rules share", sharedSum, total: average)
    for (name, time) in shared.sorted(by: { $0.value > $1.value }) { row("    " + name, time, total: average) }
    var byPack: [String: Double] = [:]
    for (rule, time) in zip(rules, times) { byPack[String(rule.id.prefix { $0 != "/" }), default: 0] += time }
    for (pack, time) in byPack.sorted(by: { $0.value > $1.value }) { row("  pack " + pack, time, total: average) }
    for (rule, time) in zip(rules, times).sorted(by: { $0.1 > $1.1 }).prefix(40) { row("  " + rule.id, time, total: average) }
}
print("")

// Each rule alone, segments precomputed.
if !rulesAlone { exit(0) }
var perRule: [(id: String, scope: Scope, time: Double, findings: Int)] = []
for rule in rules {
    let linter: Linter
    do { linter = try Linter(rules: [rule]) } catch { fatalError("\(error)") }
    var findings = 0
    let elapsed = time({ () -> Document in
        let document = document()
        _ = document.paragraphs
        _ = document.sentences(using: linter.segmenter)
        if rule.needs.contains(.words) { _ = document.words(using: linter.segmenter) }
        return document
    }) { findings = linter.lint($0).findings.count }
    perRule.append((rule.id, rule.scope, elapsed, findings))
}
let sum = perRule.map(\.time).reduce(0, +)
print("rules alone (sum \(String(format: "%.1f", sum * 1000)) ms):")
for entry in perRule.sorted(by: { $0.time > $1.time }) {
    let filters = rules.first { $0.id == entry.id }.map { rule in
        rule.matcher.filteredRegexes.map { regex -> String in
            // A linter alone on this input uses the detailed analysis (it has seen enough text).
            let requirement = regex.detailedRequirement
            if let characters = requirement.characters { return "\(characters.count) characters" }
            if let pairs = requirement.pairs { return "\(pairs.count) pair set\(pairs.count == 1 ? "" : "s")" }
            if requirement.transitions != nil { return "transitions" }
            return "no filter"
        }.joined(separator: "; ")
    } ?? ""
    row("  " + entry.id, entry.time, total: sum, extra: "\(entry.scope.rawValue), \(entry.findings) findings, \(filters)")
}

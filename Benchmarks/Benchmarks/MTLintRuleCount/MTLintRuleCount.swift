// Cost of linting as a function of the number of rules, with rules of kinds that rarely fire
// (their literals never occur in the input), so the numbers show what a rule costs when it has
// nothing to report. Input: the generated 1 MB text. Names are `<kind> x<count>/gen-1MB`.
//
//   pattern   a line-scope ICU regex led by a rare literal:      \bzorblax7\w*\b
//   phrases   a sentence-scope phrase list of three rare phrases
//   quote     a paragraph-scope regex that needs a rare mark:    (?<=\p{L}) ‹(?=\p{L})
import Benchmark
import MTLintCore
import MTLintRuleFiles
import NewsGen

final class Slot: @unchecked Sendable {
    var document: Document?
    var linter: Linter?
}

let throughput = BenchmarkMetric.custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)

/// `count` rules of one kind, as YAML rule files like the shipped ones.
func rules(_ kind: String, count: Int) -> [Rule] {
    let files = (0..<count).map { index -> RuleFile in
        let match: String
        let scope: String
        let flag: String
        switch kind {
        case "pattern":
            scope = "line"
            match = "  pattern: '\\bzorblax\(index)\\w*\\b'"
            flag = "a ⟨zorblax\(index)⟩ b"
        case "phrases":
            scope = "sentence"
            match = "  phrases:\n    - quibbering flonk \(index)\n    - the grand \(index)-vexillate\n    - snorkwise \(index)"
            flag = "a ⟨snorkwise \(index)⟩ b"
        default:
            scope = "paragraph"
            match = "  pattern: '(?<=\\p{L}) ‹(?=\\p{L}{\(index + 1)})'"
            flag = "ab⟨ ‹⟩" + String(repeating: "x", count: index + 1)
        }
        let text = """
            id: bench/\(kind)-\(index)
            category: calque
            severity: info
            summary: A rule that rarely fires.
            why: Benchmark rule.
            scope: \(scope)
            match:
            \(match)
            message: Rare.
            examples:
              flag: ['\(flag)']
              pass: ['The minister spoke on Monday.']

            """
        return RuleFile(path: "bench/\(kind)-\(index).yml", text: text)
    }
    do { return try RuleLoader.rules(from: files) } catch { fatalError("\(kind) x\(count): \(error)") }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, throughput],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 100
    )
    let input = BenchInput.generated("1MB")

    func measure(_ name: String, _ rules: [Rule]) {
        let slot = Slot()
        Benchmark("\(name)/\(input.name)") { benchmark in
            do {
                if slot.linter == nil { slot.linter = try Linter(rules: rules) }
                slot.document = try Document(bytes: input.bytes)
            } catch { fatalError("\(error)") }
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let start = clock.now
            blackHole(slot.linter!.lint(slot.document!).findings.count)
            let elapsed = clock.now - start
            benchmark.stopMeasurement()
            benchmark.measurement(throughput, Int((megabytesPerSecond(input.bytes.count, elapsed) * 1000).rounded()))
        }
    }

    measure("none x0", [])
    for kind in ["pattern", "phrases", "quote"] {
        for count in [1, 5, 10, 20, 40] {
            measure("\(kind) x\(count)", rules(kind, count: count))
        }
    }
}

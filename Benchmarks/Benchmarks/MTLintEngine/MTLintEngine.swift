// Throughput (MB/s of UTF-8 input) and allocations of each stage of mtlint's engine, next to
// ICU's bare sentence segmentation of the same input as the reference line.
//
// Every benchmark also reports a custom metric `kB/s` (thousands of bytes of UTF-8 input per second), computed from the time of the measured
// region of each iteration (preparation of a fresh document is outside it, except for
// `prepare` itself). Names are `<stage>/<input>`.
import Benchmark
import Foundation
import ICUText
import MTLintCore
import MTLintRuleFiles
import NewsGen

/// Holds non-Sendable engine objects for benchmarks, which run one at a time on one thread.
final class Box<T>: @unchecked Sendable {
    private let make: () -> T
    private var made: T?
    init(_ make: @escaping () -> T) { self.make = make }
    var value: T {
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}

/// The document an iteration works on, made outside the measured region.
final class Slot: @unchecked Sendable {
    var document: Document?
}

let throughput = BenchmarkMetric.custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, throughput],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 200
    )

    let root = BenchInput.repositoryRoot(fromBenchmarkSource: #filePath)
    var inputs: [Box<BenchInput>] = [
        Box { BenchInput.generated("2KB") },
        Box { BenchInput.generated("1MB") },
        Box { BenchInput.generated("20MB") },
    ]
    var names = ["gen-2KB", "gen-1MB", "gen-20MB"]
    if let corpus = BenchInput.corpus(repositoryRoot: root) {
        inputs.append(Box { corpus })
        names.append(corpus.name)
    }

    // Rules: the default set and each pack alone.
    let allRules: [Rule]
    do { allRules = try RuleLoader.load() } catch { fatalError("cannot load the shipped rules: \(error)") }
    var ruleSets: [(name: String, rules: [Rule])] = [("rules.default", allRules)]
    for pack in Set(allRules.map(\.pack)).sorted() {
        ruleSets.append(("pack." + pack, allRules.filter { $0.pack == pack }))
    }

    for (input, name) in zip(inputs, names) {
        let big = name == "gen-20MB"
        // Big inputs: one or two iterations, no warm-up (a whole-set lint of 20 MB takes seconds).
        let configuration = Benchmark.Configuration(warmupIterations: big ? 0 : 1, maxDuration: .seconds(big ? 1 : 2),
                                                    maxIterations: big ? 2 : 200)

        func measure(_ stage: String, prepare: @escaping () -> Void = {}, _ work: @escaping () -> Void) {
            Benchmark("\(stage)/\(name)", configuration: configuration) { benchmark in
                prepare()
                let size = input.value.bytes.count
                let clock = ContinuousClock()
                benchmark.startMeasurement()
                let start = clock.now
                work()
                let elapsed = clock.now - start
                benchmark.stopMeasurement()
                benchmark.measurement(throughput, Int((megabytesPerSecond(size, elapsed) * 1000).rounded()))
            }
        }

        func document() -> Document {
            do { return try Document(bytes: input.value.bytes) } catch { fatalError("\(name): \(error)") }
        }

        // Document preparation: UTF-8 check and UTF-16 conversion, lines, position index.
        measure("prepare") { blackHole(document()) }

        // Each segmentation scope on a fresh document (segments are cached per document).
        let fresh = Slot()
        func segmentation(_ scope: String, _ run: @escaping (Document, Segmenter) -> Int) {
            let segmenter = Box { Segmenter() }
            measure("segment.\(scope)", prepare: { fresh.document = document() }) {
                blackHole(run(fresh.document!, segmenter.value))
            }
        }
        segmentation("paragraphs") { document, _ in document.paragraphs.count }
        segmentation("sentences") { document, segmenter in document.sentences(using: segmenter).count }
        segmentation("words") { document, segmenter in document.words(using: segmenter).count }

        // The reference line: ICU's bare sentence breaking over the same text, already in UTF-16.
        for locale in ["en_US", "en_US@ss=standard"] {
            let state = Box { () -> (BreakIterator, UTF16Text) in
                do {
                    let text = try Document(bytes: input.value.bytes).text
                    return (try BreakIterator(kind: .sentence, locale: locale), text)
                } catch { fatalError("\(error)") }
            }
            measure("icu.sentences(\(locale))") {
                let (iterator, text) = state.value
                do { blackHole(try iterator.boundaries(of: text, in: 0..<text.count).offsets.count) } catch { fatalError("\(error)") }
            }
        }

        // Each pack alone and the whole default set, on a fresh document each time.
        for (setName, rules) in ruleSets {
            let linter = Box { () -> Linter in
                do { return try Linter(rules: rules) } catch { fatalError("\(error)") }
            }
            measure(setName, prepare: { fresh.document = document(); _ = linter.value }) {
                blackHole(linter.value.lint(fresh.document!).findings.count)
            }
        }

        // The whole default set as `mtlint lint` runs a file over 4 MB: the bytes cut into parts,
        // each part's document made and linted, on one thread and on every core. Document
        // preparation is inside the measured region here.
        for threads in Set([1, ProcessInfo.processInfo.activeProcessorCount]).sorted() {
            let linters = Box { () -> [Linter] in
                do {
                    let first = try Linter(rules: allRules)
                    return try [first] + (1..<threads).map { _ in try first.copy() }
                } catch { fatalError("\(error)") }
            }
            measure("rules.default.parts(\(threads) threads)", prepare: { _ = linters.value }) {
                var findings = 0
                PartitionedLint.run(DocumentPartition(bytes: input.value.bytes), linters: linters.value,
                                    transform: { $0.result.findings.count }, deliver: { findings += $0 })
                blackHole(findings)
            }
        }

        // The fixer with the default set (safe fixes, rounds until stable).
        let fixLinter = Box { () -> Linter in
            do { return try Linter(rules: allRules) } catch { fatalError("\(error)") }
        }
        measure("fix.default", prepare: { fresh.document = document(); _ = fixLinter.value }) {
            blackHole(Fixer().fix(fresh.document!, with: fixLinter.value).bytes.count)
        }
    }
}

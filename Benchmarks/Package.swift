// swift-tools-version: 6.1
// Benchmarks for mtlint, kept in their own package so that the main package's
// `swift build` / `swift test` never build the benchmark dependency.
//
//   cd Benchmarks && swift package benchmark            # all benchmarks
//   swift run -c release mtlint-gen --size 20MB out.txt  # a generated input file
import Foundation
import PackageDescription

// A path dependency's identity is the name of its folder (`main`, `mtlint`, ...),
// whatever the checkout is called: work it out from where this manifest lives.
let mainPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "mtlint-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Deterministic news-like English with machine-translation and scraping artifacts.
        .target(name: "NewsGen", path: "Sources/NewsGen"),
        // Writes generated inputs to files (for the end-to-end script).
        .executableTarget(name: "mtlint-gen", dependencies: ["NewsGen"], path: "Sources/mtlint-gen"),
        // Where linting time goes: each stage and each shipped rule alone, sorted by cost.
        .executableTarget(
            name: "mtlint-profile",
            dependencies: [
                "NewsGen",
                .product(name: "MTLintCore", package: mainPackage),
                .product(name: "MTLintRuleFiles", package: mainPackage),
            ],
            path: "Sources/mtlint-profile"
        ),
        .executableTarget(
            name: "MTLintEngine",
            dependencies: [
                "NewsGen",
                .product(name: "MTLintCore", package: mainPackage),
                .product(name: "MTLintRuleFiles", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MTLintEngine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MTLintRuleCount",
            dependencies: [
                "NewsGen",
                .product(name: "MTLintCore", package: mainPackage),
                .product(name: "MTLintRuleFiles", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MTLintRuleCount",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

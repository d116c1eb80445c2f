// swift-tools-version: 6.1
import PackageDescription

// Release builds reach type metadata through accessor calls rather than mangled names: a start
// then demangles less and scans the conformance records less often (measured in Benchmarks/RESULTS.md).
let metadataAccessors: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))
]

let package = Package(
    name: "mtlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mtlint", targets: ["mtlint"]),
        .library(name: "MTLintCore", targets: ["MTLintCore"]),
        .library(name: "MTLintRuleFiles", targets: ["MTLintRuleFiles"]),
        .library(name: "MTLintCLI", targets: ["MTLintCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System ICU (Debian's libicu-dev) through pkg-config. Nothing in Swift imports it:
        // it only carries compiler and linker flags for CICU.
        .systemLibrary(
            name: "CICUSys",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // The C bridge. Its public header exposes no ICU type, so it builds next to Foundation.
        .target(name: "CICU", dependencies: ["CICUSys"]),
        // Operating-system calls Swift's Glibc module lacks (placing a thread on a spare core).
        .target(name: "CPlatform"),
        // Swift wrappers over the bridge: the only Swift module that talks to ICU.
        .target(name: "ICUText", dependencies: ["CICU"], swiftSettings: metadataAccessors),
        // Documents, rules, matchers, findings, the linter and the fixer. No I/O, no YAML.
        .target(name: "MTLintCore", dependencies: ["ICUText", "WordTables", "CPlatform"], swiftSettings: metadataAccessors),
        // Word lists laid out as hash tables: shared by the linter and the build-time tool.
        .target(name: "WordTables", swiftSettings: metadataAccessors),
        // YAML rule files and configuration: the only module that imports Yams.
        .target(
            name: "MTLintRuleFiles",
            dependencies: ["MTLintCore", "ICUText", "WordTables", .product(name: "Yams", package: "Yams")],
            swiftSettings: metadataAccessors,
            plugins: ["EmbedRulesPlugin"]
        ),
        .target(name: "MTLintReporters", dependencies: ["MTLintCore", "ICUText"], swiftSettings: metadataAccessors),
        // Scoring rules on annotated articles (`mtlint eval`): annotations, the scorer, the
        // figures and the quality ratchet. No file I/O: the command reads the folders.
        .target(name: "MTLintEvaluation", dependencies: ["MTLintCore"], swiftSettings: metadataAccessors),
        .target(
            name: "MTLintCLI",
            dependencies: [
                "MTLintCore", "MTLintRuleFiles", "MTLintReporters", "MTLintEvaluation", "ICUText", "CPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: metadataAccessors
        ),
        .executableTarget(name: "mtlint", dependencies: ["MTLintCLI"], swiftSettings: metadataAccessors),
        // Build-time tool that turns Rules/ into a Swift source file, so the shipped rules
        // live inside the binary and are found wherever it runs from.
        // It also parses the rule files' YAML, so it is the other place that imports Yams, and
        // lays out the shipped lists with the engine's own code (MTLintCore).
        .executableTarget(
            name: "EmbedRulesTool",
            dependencies: ["MTLintCore", "ICUText", "WordTables", .product(name: "Yams", package: "Yams")],
            path: "Sources/EmbedRulesTool"
        ),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),

        .testTarget(
            name: "ICUTextTests",
            dependencies: ["ICUText", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "WordTablesTests", dependencies: ["WordTables"]),
        .testTarget(
            name: "MTLintCoreTests",
            dependencies: [
                "MTLintCore",
                "ICUText",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MTLintRuleFilesTests",
            dependencies: ["MTLintRuleFiles", "MTLintCore", "ICUText", "WordTables", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "MTLintCLITests",
            dependencies: ["MTLintCLI", "MTLintCore", "MTLintRuleFiles", "MTLintReporters", "MTLintEvaluation", "CPlatform"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
// libFuzzer targets for mtlint, in their own package: a fuzz executable has libFuzzer's entry
// point and breaks the main package's plain `swift build` / `swift test`.
//
//   Fuzz/run.sh            # builds and runs each target for 60 s; fails on a crash
//   Fuzz/run.sh 3600       # an hour each
//
// run.sh builds everything with `-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=...`
// (so mtlint's own modules are instrumented and guide the fuzzer) and lld; only the fuzz
// targets add `-sanitize=fuzzer`, which links libFuzzer. (A global -sanitize=fuzzer would
// also reach mtlint's build-time tool, EmbedRulesTool, whose link then fails for want of
// LLVMFuzzerTestOneInput; -Xbuild-tools-swiftc does not keep it away.) See docs/robustness.md.
import Foundation
import PackageDescription

// A path dependency's identity is the name of its folder (`main`, `mtlint`, ...), whatever the
// checkout is called: work it out from where this manifest lives.
let mainPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// The fuzz targets have no Swift entry point: SwiftPM links `<Target>_main` as the program's
// entry, and they define it to call libFuzzer's driver. So their sources are parsed as a library.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzLinking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "mtlint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "FuzzSupport"),
        // Arbitrary bytes → Document (plain, Markdown or HTML by the first byte) → lint with the
        // shipped rules → fix (safe and unsafe), checking the fixer's invariants.
        .executableTarget(
            name: "FuzzLintFix",
            dependencies: [
                "FuzzSupport",
                .product(name: "MTLintCore", package: mainPackage),
                .product(name: "MTLintRuleFiles", package: mainPackage),
            ],
            swiftSettings: fuzzSettings,
            linkerSettings: fuzzLinking
        ),
        // Arbitrary bytes as a YAML rule file → RuleLoader: loads or throws ConfigErrors; a rule
        // that loads is run on a sample text.
        .executableTarget(
            name: "FuzzRuleLoader",
            dependencies: [
                "FuzzSupport",
                .product(name: "MTLintCore", package: mainPackage),
                .product(name: "MTLintRuleFiles", package: mainPackage),
            ],
            swiftSettings: fuzzSettings,
            linkerSettings: fuzzLinking
        ),
    ],
    swiftLanguageModes: [.v6]
)

import FuzzSupport
import MTLintCore
import MTLintRuleFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libFuzzer target: arbitrary bytes as a user's YAML rule file. RuleLoader.rules(from:) must
// either return rules or throw ConfigErrors (whose description renders), never crash or hang
// (run with -timeout). A rule that loads is then run on a sample text, where a hostile
// pattern must stop at ICU's time and stack limits and come back as a RuleFailure.

/// A word list next to the rule file, for rules that name one.
private let wordList = RuleFile(path: "fuzz/words.txt", text: "advertisement\nread more\nmust read\n")

private let sample = """
    \u{FEFF}Zoe\u{301} 👍🏽 北约秘书长。\r
    Must read\r
    \r
    stop it now, ”he said.  Advertisement  The the word.\r
    “help”. very quick ”to the region — aaaaaaaaaaaaaaaaaaaaaaaaaaaaab
    """

private func run(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let file = RuleFile(path: "fuzz/rule.yml", text: text)
    let rules: [Rule]
    do {
        rules = try RuleLoader.rules(from: [file, wordList])
    } catch {
        // Every error must render as a diagnostic with a place in the file.
        let rendered = error.description
        if error.errors.isEmpty || !rendered.hasPrefix("fuzz/") {
            report("FuzzRuleLoader: ConfigErrors without a located error: \(rendered)\n")
            abort()
        }
        return
    }
    guard !rules.isEmpty else { return }
    guard let linter = try? Linter(rules: rules) else { return }
    for format in [DocumentFormat.plain, .markdown] {
        let document = Document(sample, format: format)
        let result = linter.lint(document)
        for finding in result.findings where finding.range.upperBound > document.text.count {
            report("FuzzRuleLoader: finding of \(finding.ruleID) at \(finding.range) outside the text\n")
            abort()
        }
        _ = Fixer(includeUnsafe: true, maxRounds: 3).fix(document, with: linter)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// SwiftPM links an executable target's entry point under this name.
@_cdecl("FuzzRuleLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}

/// Writes to standard error (file descriptor 2) before the abort that libFuzzer records.
private func report(_ message: String) {
    let bytes = Array(message.utf8)
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        _ = write(2, base, raw.count)
    }
}

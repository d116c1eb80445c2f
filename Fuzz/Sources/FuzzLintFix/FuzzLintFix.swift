import FuzzSupport
import MTLintCore
import MTLintRuleFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libFuzzer target: arbitrary bytes → Document → lint with every shipped rule → fix (safe and
// unsafe), checking what must always hold:
//   - every finding and edit lies inside the document;
//   - one round of fixing leaves the bytes before the first edit and after the last one as
//     they were (line deletions may take the neighbouring blank line or line break);
//   - a BOM stays;
//   - fixing is idempotent: fixing the fixed text again changes nothing (unless the fixer
//     reported rules that did not settle within its round limit);
//   - nothing crashes (AddressSanitizer watches memory).
// The first byte chooses the format (plain, Markdown, HTML); the rest is the file.

/// Everything is built once: libFuzzer calls the target from one thread.
nonisolated(unsafe) private var linter: Linter?

private func sharedLinter() -> Linter {
    if let linter { return linter }
    do {
        let made = try Linter(rules: try RuleLoader.load())
        linter = made
        return made
    } catch {
        fail("cannot load the shipped rules: \(error)")
    }
}

private func fail(_ message: String) -> Never {
    report("FuzzLintFix invariant failed: \(message)\n")
    abort()
}

private func check(_ document: Document, _ result: LintResult, stage: String) {
    let count = document.text.count
    for finding in result.findings {
        if finding.range.lowerBound < 0 || finding.range.upperBound > count {
            fail("\(stage): finding \(finding.ruleID) at \(finding.range) outside 0..<\(count)")
        }
        for edit in finding.fix?.edits ?? [] where edit.range.lowerBound < 0 || edit.range.upperBound > count {
            fail("\(stage): edit of \(finding.ruleID) at \(edit.range) outside 0..<\(count)")
        }
    }
}

/// The UTF-16 span one round of fixing may touch: the applicable edits, widened by a line on
/// each side when a fix deletes lines (deletions merge and take a neighbouring blank line).
private func touchedSpan(_ document: Document, _ result: LintResult, fixer: Fixer) -> Range<Int>? {
    let fixes = result.findings.compactMap(\.fix).filter(fixer.isApplicable)
    let edits = fixes.flatMap(\.edits)
    guard let low = edits.map(\.range.lowerBound).min(), let high = edits.map(\.range.upperBound).max() else { return nil }
    guard fixes.contains(where: \.deletesLines), !document.lines.isEmpty else { return low..<high }
    var first = document.lineIndex(containing: low)
    while first > 0, document.isBlank(document.lines[first - 1]) { first -= 1 }
    first = max(0, first - 1)
    let last = min(document.lines.count - 1, document.lineIndex(containing: max(low, high - 1)) + 1)
    return document.lines[first].content.lowerBound..<max(high, document.lines[last].end)
}

private func run(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let formats: [DocumentFormat] = [.plain, .markdown, .html]
    let format = formats[Int(selector) % formats.count]
    let content = Array(bytes.dropFirst())
    let document: Document
    do { document = try Document(bytes: content, format: format) } catch { return }
    let linter = sharedLinter()

    let first = linter.lint(document)
    check(document, first, stage: "lint")

    // One round: the bytes outside the edits stay.
    let oneRound = Fixer(includeUnsafe: true, maxRounds: 1)
    let once = oneRound.fix(document, with: linter)
    if let span = touchedSpan(document, first, fixer: oneRound) {
        let low = document.byteOffset(of: span.lowerBound), high = document.byteOffset(of: span.upperBound)
        if !once.bytes.starts(with: content[..<low]) {
            fail("one round changed bytes before the first edit (byte \(low))")
        }
        let tail = content[high...]
        if once.bytes.count < tail.count || !once.bytes.suffix(tail.count).elementsEqual(tail) {
            fail("one round changed bytes after the last edit (byte \(high))")
        }
    } else if once.bytes != content {
        fail("no applicable fix, yet the bytes changed")
    }

    // All rounds, then again: nothing more to do.
    let fixer = Fixer(includeUnsafe: true)
    let outcome = fixer.fix(document, with: linter)
    if document.bomLength > 0, !outcome.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { fail("the BOM was lost") }
    let fixed: Document
    do { fixed = try Document(bytes: outcome.bytes, format: format) } catch {
        fail("the fixed text is not a document: \(error)")
    }
    check(fixed, outcome.remaining, stage: "remaining")
    guard outcome.unstableRules.isEmpty else { return }
    let again = fixer.fix(fixed, with: linter)
    if again.bytes != outcome.bytes {
        fail("not idempotent: a second fix changed the text again (rules: \(again.applied.keys.sorted().joined(separator: ", ")))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// SwiftPM links an executable target's entry point under this name.
@_cdecl("FuzzLintFix_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    _ = sharedLinter()
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

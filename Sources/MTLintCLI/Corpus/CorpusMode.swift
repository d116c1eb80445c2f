import ArgumentParser
import Foundation
import MTLintCore
import MTLintReporters

/// `--jsonl FIELD`: corpus mode for `lint` and `fix`.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("jsonl"), help: ArgumentHelp(
        "Corpus mode: read JSON Lines from standard input, each record's text in string field FIELD, and write one JSON line per input line, in order (see docs/corpus.md).",
        valueName: "FIELD"))
    var field: String?

    @Option(name: .customLong("jsonl-id"), help: ArgumentHelp(
        "Corpus mode, lint: the record field copied into each output line to identify it.",
        valueName: "KEY"))
    var idField: String = CorpusSettings().idField

    /// The values parsed, as plain values.
    var settings: CorpusSettings { CorpusSettings(field: field, idField: idField) }

    /// Usage errors: corpus mode reads standard input only and writes its own format.
    /// `conflicts` are options the command was given that corpus mode does not take.
    func check(paths: [String], conflicts: [String]) throws {
        guard !paths.isEmpty || field != nil else { throw ValidationError("give at least one PATH (or - for standard input)") }
        guard field != nil else { return }
        guard paths.isEmpty else { throw ValidationError("--jsonl reads standard input; give no PATH") }
        if let first = conflicts.first { throw ValidationError("\(first) does not apply with --jsonl") }
    }
}

/// Streams JSON Lines from standard input to standard output: reads a batch of records,
/// lints (or fixes) it on all cores, one linter per worker, writes the batch's lines in
/// input order, then reads the next. Memory holds one batch, never the whole stream.
struct CorpusMode {
    enum Action {
        case lint
        case fix(Fixer)
    }

    var field: String
    var idField: String
    var action: Action
    var format: DocumentFormat
    var jobs: Int
    var batchLines = 256
    var batchBytes = 4 << 20

    /// Key of the fix count added to each record by `fix`.
    static let fixesKey = "mtlint_fixes"
    /// Key of the count of findings left in the fixed text.
    static let remainingKey = "mtlint_remaining"

    /// What became of one input line.
    struct Outcome: Sendable {
        /// The output line, without its line feed.
        var line: [UInt8]
        /// Messages for standard error, complete lines.
        var messages: [String] = []
        /// Not a usable record: passed through as it was.
        var bad = false
        /// A rule failed on this record.
        var failed = false
        /// Findings (lint) or findings left after fixing (fix).
        var findings = 0
    }

    func run(linter: Linter, console: Console) throws {
        var reader = JSONLinesReader { console.readStandardInput(upTo: $0) }
        let workers = Workers(linter: linter, count: max(1, jobs))
        let progress = Progress(console: console, unit: "records")
        var bad = 0, failed = false, findings = 0
        // Rules that count lines across documents get the census of each batch (and the one before).
        let counting = linter.usesCorpusCensus
        var previous: [Set<UInt64>] = []
        while true {
            let batch = reader.nextBatch(maxLines: batchLines, maxBytes: batchBytes)
            if batch.isEmpty { break }
            if counting {
                let keys = workers.map(batch) { line, _ in censusKeys(line) }
                workers.setCensus(CorpusCensus(batch: keys, previous: previous))
                previous = keys
            }
            let outcomes = workers.map(batch) { line, linter in process(line, linter: linter) }
            var out: [UInt8] = []
            out.reserveCapacity(outcomes.reduce(0) { $0 + $1.line.count + 1 })
            var messages = ""
            for outcome in outcomes {
                out.append(contentsOf: outcome.line)
                out.append(0x0A)
                for message in outcome.messages { messages += message }
                if outcome.bad { bad += 1 }
                failed = failed || outcome.failed
                findings += outcome.findings
            }
            console.writeOut(out)
            if !messages.isEmpty { console.err(messages) }
            progress.advance(items: batch.count, bytes: batch.reduce(0) { $0 + $1.bytes.count + 1 })
        }
        progress.finish()
        if bad > 0 || failed { throw CommandExit(status: .error) }
        if findings > 0 { throw CommandExit(status: .findings) }
    }

    // MARK: One record

    /// The record's text's repetition keys for the census (none for a record that is not usable:
    /// it is reported when processed).
    func censusKeys(_ raw: RawLine) -> Set<UInt64> {
        guard let layout = try? JSONObjectScanner.scan(raw.bytes), let member = layout.member(Array(field.utf8)),
              layout.count(of: Array(field.utf8)) == 1, raw.bytes[member.value.lowerBound] == UInt8(ascii: "\""),
              let text = try? JSONObjectScanner.decodeString(raw.bytes[member.value]),
              let document = try? Document(bytes: text, format: format) else { return [] }
        return CorpusCensus.keys(of: document)
    }

    func process(_ raw: RawLine, linter: Linter) -> Outcome {
        let bytes = raw.bytes
        func rejected(_ reason: String) -> Outcome {
            Outcome(line: bytes, messages: ["mtlint: stdin:\(raw.number): \(reason)\n"], bad: true)
        }
        let layout: JSONObjectLayout
        do { layout = try JSONObjectScanner.scan(bytes) } catch { return rejected(error.reason) }
        let key = Array(field.utf8)
        let quoted = "field \"\(field)\""
        guard let member = layout.member(key) else { return rejected("no \(quoted)") }
        guard layout.count(of: key) == 1 else { return rejected("\(quoted) appears more than once") }
        guard bytes[member.value.lowerBound] == UInt8(ascii: "\"") else {
            return rejected("\(quoted) is not a string (a JSON \(JSONObjectScanner.kind(of: bytes[member.value.lowerBound])))")
        }
        let text: [UInt8]
        do { text = try JSONObjectScanner.decodeString(bytes[member.value]) } catch {
            return rejected("\(quoted): \(error.reason)")
        }
        let document: Document
        do { document = try Document(bytes: text, format: format) } catch {
            switch error {
            case .binary(let offset): return rejected("\(quoted) contains NUL (U+0000) at byte \(offset)")
            case .invalidUTF8(let offset): return rejected("\(quoted): invalid UTF-8 at byte \(offset)")
            case .tooLarge: return rejected("\(quoted): \(error.description)")
            }
        }
        switch action {
        case .lint: return lint(raw, layout: layout, document: document, linter: linter)
        case .fix(let fixer): return fix(raw, layout: layout, member: member, document: document, fixer: fixer, linter: linter)
        }
    }

    /// `{"line":N,"id":…,"findings":[…]}`: the findings are `--format jsonl`'s records with
    /// path `-:N`; `id` is copied byte for byte when the record has one.
    private func lint(_ raw: RawLine, layout: JSONObjectLayout, document: Document, linter: Linter) -> Outcome {
        let result = linter.lint(document)
        let report = FileReport(path: "-:\(raw.number)", document: document, result: result)
        let records = JSONLinesReporter().records(report)
        var line: [UInt8] = Array("{\"line\":\(raw.number)".utf8)
        if let id = layout.member(Array(idField.utf8)), let key = Self.jsonString(idField) {
            line += [UInt8(ascii: ",")] + key + [UInt8(ascii: ":")] + raw.bytes[id.value]
        }
        line += Array(",\"findings\":[".utf8)
        line += Array(records.joined(separator: ",").utf8)
        line += Array("]}".utf8)
        var outcome = Outcome(line: line, findings: report.items.count)
        record(result.failures, of: raw, in: &outcome)
        return outcome
    }

    /// The record as it came, FIELD replaced by the fixed text (only when it changed) and
    /// the counts added (or replaced, when the record already has them).
    private func fix(_ raw: RawLine, layout: JSONObjectLayout, member: JSONObjectLayout.Member, document: Document,
                     fixer: Fixer, linter: Linter) -> Outcome {
        let outcome = fixer.fix(document, with: linter)
        let fixes = outcome.applied.values.reduce(0, +)
        let remaining = outcome.remaining.findings.count
        var splices: [(range: Range<Int>, bytes: [UInt8])] = []
        if outcome.bytes != document.bytes {
            guard let encoded = Self.jsonString(String(decoding: outcome.bytes, as: UTF8.self)) else {
                return Outcome(line: raw.bytes, messages: ["mtlint: stdin:\(raw.number): cannot encode the fixed text\n"], bad: true)
            }
            splices.append((member.value, encoded))
        }
        var added: [UInt8] = []
        for (key, value) in [(Self.fixesKey, fixes), (Self.remainingKey, remaining)] {
            let number = Array(String(value).utf8)
            if let existing = layout.member(Array(key.utf8)) {
                splices.append((existing.value, number))
            } else if let encodedKey = Self.jsonString(key) {
                added += [UInt8(ascii: ",")] + encodedKey + [UInt8(ascii: ":")] + number
            }
        }
        splices.append((layout.closingBrace..<layout.closingBrace, added))
        splices.sort { $0.range.lowerBound < $1.range.lowerBound }
        var line: [UInt8] = []
        line.reserveCapacity(raw.bytes.count + splices.reduce(0) { $0 + $1.bytes.count })
        var position = 0
        for splice in splices {
            line += raw.bytes[position..<splice.range.lowerBound]
            line += splice.bytes
            position = splice.range.upperBound
        }
        line += raw.bytes[position...]
        var result = Outcome(line: line, findings: remaining)
        if !outcome.unstableRules.isEmpty {
            result.messages.append("mtlint: stdin:\(raw.number): fixes did not settle after \(fixer.maxRounds) rounds; rules still changing the text: \(outcome.unstableRules.joined(separator: ", "))\n")
        }
        record(outcome.remaining.failures, of: raw, in: &result)
        return result
    }

    private func record(_ failures: [RuleFailure], of raw: RawLine, in outcome: inout Outcome) {
        guard !failures.isEmpty else { return }
        outcome.failed = true
        for failure in failures { outcome.messages.append("mtlint: stdin:\(raw.number): \(failure.description)\n") }
    }

    /// A JSON string literal (quotes included), as JSONEncoder writes it.
    static func jsonString(_ string: String) -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(string)).map { [UInt8]($0) }
    }
}

/// One linter per worker, made once for the whole stream, each used by one thread at a time.
private final class Workers: @unchecked Sendable {
    private let linters: [Linter]

    init(linter: Linter, count: Int) {
        // A copy that failed (no ICU state) just means one worker fewer.
        linters = [linter] + (1..<max(count, 1)).compactMap { _ in try? linter.copy() }
    }

    /// `work` over `lines` on all workers; results in input order.
    func map<Value>(_ lines: [RawLine], _ work: @Sendable @escaping (RawLine, Linter) -> Value) -> [Value] {
        WorkQueue.map(lines.count, states: linters) { linter, index in work(lines[index], linter) }
    }

    /// Gives every worker's linter the census of the batch about to be linted.
    func setCensus(_ census: CorpusCensus) {
        for linter in linters { linter.corpusCensus = census }
    }
}

import ArgumentParser
import Foundation
import MTLintCore
import MTLintEvaluation

/// `mtlint eval DIR...`: scores the rules on annotated excerpts (recall, precision and fix
/// accuracy per category, the mechanical summary, precision per rule), fixing in memory.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the rules on annotated articles: recall, precision and fix accuracy.",
        discussion: """
        Each DIR holds excerpts NAME.txt with annotations NAME.expected.jsonl, one JSON object \
        per artifact: {"line": N, "category": "...", "text": "exact text on that line", \
        "fix": null | "" | "?" | "replacement", "alt_categories": [...]} (docs/rules.md, \
        "Scoring rules on your own articles"). An annotation is found when a finding of its \
        category touches its text; a finding is right when it touches any annotation; a fix is \
        right when, after every fix (unsafe ones too) is applied in memory, the text is gone and \
        the repair is in place. Files on disk are never changed. Exit status: 0 scored, 1 a \
        figure fell below --baseline, 2 usage, annotation or rule-file error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum Listing: String, ExpressibleByArgument, CaseIterable {
        case missed
        case falseAlarms = "false-alarms"
    }

    @Argument(help: ArgumentHelp("Folders of annotated excerpts.", valueName: "DIR"))
    var folders: [String]

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: text (tables) or json (one object).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also list the annotations no finding found (missed) or the findings that touch no annotation (false-alarms); repeatable.", valueName: "WHAT"))
    var show: [Listing] = []

    @Option(help: ArgumentHelp("Fail (exit 1) when mechanical recall, precision or a category's recall falls more than 0.005 below this file's figures.", valueName: "FILE"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write the figures to this file, as the new baseline.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(help: "Excerpts scored in parallel (default: all cores).")
    var jobs: Int = InputSettings.allCores

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("name at least one folder of annotated excerpts") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let console = Console.current
        let entries: [AnnotatedSetReader.Entry]
        do {
            entries = try AnnotatedSetReader.read(folders)
        } catch {
            console.err("\(error.description)\nmtlint: annotation error; nothing was scored.\n")
            throw CommandExit(status: .error)
        }
        let scores = try score(entries, console: console)
        let evaluation = Evaluation(scores)

        var listings: EvaluationTable.Listings = []
        if show.contains(.missed) { listings.insert(.missed) }
        if show.contains(.falseAlarms) { listings.insert(.falseAlarms) }
        switch format {
        case .text: console.out(EvaluationTable.render(evaluation, listings: listings))
        case .json: console.out(EvaluationJSON.render(evaluation))
        }

        if let writeBaseline {
            let data = QualityBaseline(evaluation, set: folders.joined(separator: " ")).encoded()
            guard FileManager.default.createFile(atPath: writeBaseline, contents: data) else {
                console.err("mtlint: \(writeBaseline): cannot write the baseline\n")
                throw CommandExit(status: .error)
            }
        }
        if let baseline {
            let known: QualityBaseline
            do {
                guard let data = FileManager.default.contents(atPath: baseline) else {
                    console.err("mtlint: \(baseline): no such file or cannot read it\n")
                    throw CommandExit(status: .error)
                }
                known = try QualityBaseline.decode(data)
            } catch let exit as CommandExit {
                throw exit
            } catch {
                console.err("mtlint: \(baseline): not a quality baseline (\(error))\n")
                throw CommandExit(status: .error)
            }
            let drops = known.drops(in: evaluation)
            if !drops.isEmpty {
                for drop in drops { console.err("mtlint: quality fell: \(drop.description) (baseline \(baseline))\n") }
                throw CommandExit(status: .findings)
            }
        }
    }

    /// Lints and fixes every excerpt with the rules its settings give (as `lint` and
    /// `fix --unsafe-fixes` would), on all cores, in memory.
    func score(_ entries: [AnnotatedSetReader.Entry], console: Console) throws -> [(excerpt: AnnotatedExcerpt, score: ExcerptScore)] {
        let plan = try RunPlan(inputs: entries.map { .file($0.path) }, rules: rules.settings, console: console)
        let byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let fixer = Fixer(includeUnsafe: true)
        var scores: [(excerpt: AnnotatedExcerpt, score: ExcerptScore)] = []
        var problems: [String] = []
        plan.stream(jobs: jobs, { (input: Input, linter: Linter, turn: InputTurn<Result<(AnnotatedExcerpt, ExcerptScore), InputProblem>>) in
            guard case .file(let path) = input, let entry = byPath[path] else { return }
            do throws(InputError) {
                let document = try Document(bytes: entry.bytes, format: .plain)
                let result = linter.lint(document)
                let findings = result.findings.map { finding in
                    let range = document.sourceRange(of: finding.range)
                    return ScoredFinding(rule: finding.ruleID, category: finding.category, line: range.start.line,
                                         column: range.start.column, endLine: range.end.line, endColumn: range.end.column)
                }
                let fixed = fixer.fix(document, with: linter).bytes
                let fixedText = String(decoding: fixed.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(fixed.dropFirst(3)) : fixed, as: UTF8.self)
                turn.emit(.success((entry.excerpt, ExcerptScore(excerpt: entry.excerpt, findings: findings, fixedText: fixedText))))
            } catch {
                turn.emit(.failure(InputProblem(path: path, message: error.description)))
            }
        }, deliver: { piece in
            switch piece {
            case .success(let scored): scores.append(scored)
            case .failure(let problem): problems.append(problem.description)
            }
        })
        if !problems.isEmpty {
            for problem in problems { console.err("mtlint: \(problem)\n") }
            console.err("mtlint: excerpts could not be read; nothing was scored.\n")
            throw CommandExit(status: .error)
        }
        return scores
    }
}

import MTLintCore
import MTLintReporters

/// The code actions for a range of a linted document: a quick fix per finding there that has a
/// fix (unsafe ones say so and are not preferred), "disable this rule on this line" in Markdown
/// and HTML, and fixing every safe artifact of the file (`source.fixAll.mtlint`), which is what
/// `mtlint fix` does to the file.
struct CodeActionBuilder {
    static let fixAllKind = "source.fixAll.mtlint"

    var snapshot: OpenDocument
    var document: Document
    var result: LintResult
    var linter: Linter
    var diagnostics: DiagnosticBuilder
    /// Whether the client takes `documentChanges` (edits tied to a document version).
    var versionedEdits: Bool

    private var positions: DocumentPositions { diagnostics.positions }

    /// The actions for `range` (client positions); `only`: the kinds the client asked for.
    func actions(for range: PositionRange, only: [String]?) -> [LSPAny] {
        var actions: [LSPAny] = []
        let encoding = positions.encoding
        let start = positions.documentOffset(ofClientOffset: snapshot.buffer.offset(of: range.start, encoding: encoding))
        let end = positions.documentOffset(ofClientOffset: snapshot.buffer.offset(of: range.end, encoding: encoding))
        if Self.wants("quickfix", only: only) {
            let report = FileReport(path: snapshot.uri, document: document, result: result, sourceLines: false)
            let rulesByID = Dictionary(linter.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let here = report.items.filter { $0.finding.range.lowerBound <= end && start <= $0.finding.range.upperBound }
            for item in here {
                let diagnostic = diagnostics.diagnostic(for: item.finding, rule: rulesByID[item.finding.ruleID])
                if let fix = item.finding.fix, let action = FixDescription.action(of: item) {
                    let unsafe = fix.applicability == .unsafe
                    actions.append([
                        "title": .string("\(unsafe ? "Fix (unsafe)" : "Fix"): \(action)"),
                        "kind": "quickfix",
                        "diagnostics": [diagnostic],
                        "isPreferred": .bool(!unsafe),
                        "edit": workspaceEdit(fix.edits.map { textEdit(replacing: $0.range, with: $0.replacement) }),
                    ])
                }
            }
            if document.format != .plain {
                var seen = Set<String>()
                for item in here where item.finding.ruleID != SuppressionFilter.unusedRuleID {
                    let line = document.lineIndex(containing: item.finding.range.lowerBound)
                    guard seen.insert("\(line) \(item.finding.ruleID)").inserted, let edit = disableEdit(item.finding.ruleID, line: line) else { continue }
                    actions.append([
                        "title": .string("Disable \(item.finding.ruleID) on this line"),
                        "kind": "quickfix",
                        "diagnostics": [diagnostics.diagnostic(for: item.finding, rule: rulesByID[item.finding.ruleID])],
                        "edit": workspaceEdit([edit]),
                    ])
                }
            }
        }
        if Self.wants(Self.fixAllKind, only: only), let edits = fixAllEdits() {
            actions.append([
                "title": "Fix all safe artifacts in this file (mtlint)",
                "kind": .string(Self.fixAllKind),
                "edit": workspaceEdit(edits),
            ])
        }
        return actions
    }

    /// Whether `kind` is among those asked for: kinds are dotted hierarchies, and asking for
    /// `source.fixAll` takes in `source.fixAll.mtlint`.
    static func wants(_ kind: String, only: [String]?) -> Bool {
        guard let only, !only.isEmpty else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    // MARK: Edits

    private func textEdit(replacing range: Range<Int>, with text: String) -> LSPAny {
        ["range": positions.range(of: range).json, "newText": .string(text)]
    }

    private func workspaceEdit(_ edits: [LSPAny]) -> LSPAny {
        if versionedEdits {
            return ["documentChanges": [[
                "textDocument": ["uri": .string(snapshot.uri), "version": .int(snapshot.version)],
                "edits": .array(edits),
            ]]]
        }
        return ["changes": .object([snapshot.uri: .array(edits)])]
    }

    /// The edit that puts `<!-- mtlint-disable-next-line RULE -->` on its own line before
    /// line `line` (with that line's indentation), or adds the rule to such a comment already
    /// there.
    func disableEdit(_ ruleID: String, line: Int) -> LSPAny? {
        guard line < document.lines.count else { return nil }
        if line > 0 {
            let previous = document.lines[line - 1]
            let existing = document.suppressions.first { suppression in
                suppression.kind == .nextLine && previous.content.contains(suppression.range.lowerBound)
                    && document.sourceString(previous.content).trimmedWhitespace == document.sourceString(suppression.range)
            }
            if let existing {
                guard !existing.selectors.isEmpty, !existing.selectors.contains(ruleID) else { return nil }
                return textEdit(replacing: existing.range,
                                with: "<!-- mtlint-disable-next-line \((existing.selectors + [ruleID]).joined(separator: " ")) -->")
            }
        }
        let target = document.lines[line]
        let text = document.sourceString(target.content)
        let indentation = String(text.prefix { $0 == " " || $0 == "\t" })
        let lineBreak = target.hasLineBreak ? document.sourceString(target.content.upperBound..<target.end)
            : line > 0 ? document.sourceString(document.lines[line - 1].content.upperBound..<document.lines[line - 1].end) : "\n"
        let start = target.content.lowerBound
        return textEdit(replacing: start..<start, with: "\(indentation)<!-- mtlint-disable-next-line \(ruleID) -->\(lineBreak.isEmpty ? "\n" : lineBreak)")
    }

    /// The edits that turn the file into what `mtlint fix` makes of it, one per run of changed
    /// lines (so the rest of the text, and the cursor in it, stay put); nil when it changes nothing.
    func fixAllEdits() -> [LSPAny]? {
        guard result.findings.contains(where: { $0.fix?.applicability == .safe }) else { return nil }
        let outcome = Fixer(includeUnsafe: false).fix(document, with: linter)
        guard outcome.changed else { return nil }
        let new = String(decoding: outcome.bytes, as: UTF8.self)
        let old = snapshot.buffer.string
        guard snapshot.buffer.lineCount <= Self.largestLineDiff else { return [wholeChange(to: new)] }
        let (lines, changes) = UnifiedDiff.lineChanges(old: old, new: new)
        var starts = [0]
        var offset = 0
        for line in lines {
            offset += line.utf16.count
            starts.append(offset)
        }
        let encoding = positions.encoding
        return changes.map { change in
            let range = PositionRange(start: snapshot.buffer.position(of: starts[change.oldLines.lowerBound], encoding: encoding),
                                      end: snapshot.buffer.position(of: starts[change.oldLines.upperBound], encoding: encoding))
            return ["range": range.json, "newText": .string(change.replacement)]
        }
    }

    /// Files with more lines get one edit from the first to the last changed character (the
    /// line diff's memory grows with lines times changes).
    static let largestLineDiff = 5_000

    /// One edit from the first to the last unit that differs.
    private func wholeChange(to newText: String) -> LSPAny {
        let old = snapshot.buffer.units
        let new = Array(newText.utf16)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        // Never split a surrogate pair or a CRLF (a position cannot fall between their halves).
        func splits(_ offset: Int) -> Bool {
            offset > 0 && offset < old.count
                && ((UTF16.isTrailSurrogate(old[offset]) && UTF16.isLeadSurrogate(old[offset - 1])) || (old[offset] == 0x0A && old[offset - 1] == 0x0D))
        }
        if splits(prefix) { prefix -= 1 }
        if suffix > 0, splits(old.count - suffix) { suffix -= 1 }
        let encoding = positions.encoding
        let range = PositionRange(start: snapshot.buffer.position(of: prefix, encoding: encoding),
                                  end: snapshot.buffer.position(of: old.count - suffix, encoding: encoding))
        return ["range": range.json, "newText": .string(String(decoding: new[prefix..<(new.count - suffix)], as: UTF16.self))]
    }
}

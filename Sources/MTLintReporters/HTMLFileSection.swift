import MTLintCore

/// One file's part of the HTML report: its text with every artifact highlighted in its
/// category's colour (message and fix on hover), and beside it the list of artifacts with
/// their fixes (before → after), safe and unsafe told apart.
struct HTMLFileSection {
    let file: FileReport

    /// The id of the file's section (its path, made safe).
    static func anchor(of path: String) -> String { "file-" + HTMLEscaping.identifier(path) }

    /// `<details>` with the file's text and list; empty for a file without findings.
    func render() -> String {
        guard !file.items.isEmpty else { return "" }
        let fileID = Self.anchor(of: file.path)
        let noun = file.items.count == 1 ? "artifact" : "artifacts"
        let safe = file.items.filter { $0.finding.fix?.applicability == .safe }.count
        let unsafe = file.items.filter { $0.finding.fix?.applicability == .unsafe }.count
        var out = "<details class=\"file\">\n<summary><span class=\"path\">\(HTMLEscaping.escape(file.path))</span>"
        if file.isContinuation, let first = file.items.first { out += " <span class=\"count\">from line \(first.range.start.line)</span>" }
        out += "<span class=\"count\">\(file.items.count) \(noun) · \(safe) safe · \(unsafe) unsafe fixes</span></summary>\n"
        // The id sits inside the details, so following a link to it opens them.
        let partID = file.isContinuation ? fileID + "-" + String(file.items.first?.range.start.byteOffset ?? 0) : fileID
        out += "<div class=\"file-body\" id=\"\(partID)\">\n"
        out += "<div class=\"text\">" + highlightedText(fileID: fileID) + "</div>\n"
        out += "<ol class=\"findings\">\n"
        for (index, item) in file.items.enumerated() { out += listEntry(item, id: Self.itemID(fileID, item, index)) }
        out += "</ol>\n</div>\n</details>\n"
        return out
    }

    static func itemID(_ fileID: String, _ item: FileReport.Item, _ index: Int) -> String {
        "at-\(fileID)-\(item.range.start.byteOffset)-\(index)"
    }

    /// Classes shared by a finding's highlight and its list entry.
    static func classes(_ item: FileReport.Item) -> String {
        let fix = item.finding.fix.map { "fix-" + $0.applicability.rawValue } ?? "fix-none"
        return "c-\(item.finding.category.rawValue) sev-\(item.finding.severity.rawValue) \(fix)"
    }

    /// What hovering a highlight shows: rule, message, fix.
    static func tip(_ item: FileReport.Item) -> String {
        var tip = "[\(item.finding.ruleID)] \(item.finding.message)"
        if let fix = item.finding.fix, let action = FixDescription.action(of: item) { tip += "\nfix (\(fix.applicability.rawValue)): \(action)" }
        return tip
    }

    /// The text, cut at every start and end of a finding; each piece that findings cover is a
    /// `<mark>` (of the innermost one's category, `multi` when several overlap), and an empty
    /// `<a class="at">` anchor stands where each finding starts, for the list to link to.
    func highlightedText(fileID: String) -> String {
        guard let shown = file.text else { return "" }
        let units = Array(shown.string.utf16)
        let count = units.count
        func local(_ range: Range<Int>) -> Range<Int> {
            let lower = min(max(range.lowerBound - shown.start, 0), count)
            return lower..<min(max(range.upperBound - shown.start, lower), count)
        }
        let spans = file.items.map { local($0.finding.range) }
        var cuts = Set([0, count])
        for span in spans { cuts.insert(span.lowerBound); cuts.insert(span.upperBound) }
        let boundaries = cuts.sorted()
        // Findings by start, for the anchors.
        var startingAt: [Int: [Int]] = [:]
        for (index, span) in spans.enumerated() { startingAt[span.lowerBound, default: []].append(index) }

        func text(_ range: Range<Int>) -> String {
            // Cuts are at finding boundaries, which are scalar boundaries: no surrogate is split.
            HTMLEscaping.escape(String(decoding: units[range], as: UTF16.self))
        }
        var out = ""
        // The findings covering the piece that starts at the current boundary (a sweep, so a
        // file with many findings costs no more than its findings and pieces).
        var active: [Int] = []
        for (position, boundary) in boundaries.enumerated() {
            active.removeAll { spans[$0].upperBound <= boundary }
            for index in startingAt[boundary] ?? [] {
                let item = file.items[index]
                out += "<a class=\"at\" id=\"\(Self.itemID(fileID, item, index))\"></a>"
                if spans[index].isEmpty {
                    out += "<mark class=\"point \(Self.classes(item))\" data-tip=\"\(HTMLEscaping.escape(Self.tip(item)))\" title=\"\(HTMLEscaping.escape(Self.tip(item)))\"></mark>"
                } else {
                    active.append(index)
                }
            }
            guard position + 1 < boundaries.count else { break }
            let piece = boundary..<boundaries[position + 1]
            let covering = active
            if covering.isEmpty {
                out += text(piece)
                continue
            }
            // The innermost (shortest) finding gives the colour, the more severe of equals;
            // every one gives its tip.
            let innermost = covering.min { a, b in
                spans[a].count != spans[b].count ? spans[a].count < spans[b].count : file.items[a].finding.severity > file.items[b].finding.severity
            } ?? covering[0]
            let tip = covering.map { Self.tip(file.items[$0]) }.joined(separator: "\n\n")
            let multi = covering.count > 1 ? " multi" : ""
            out += "<mark class=\"\(Self.classes(file.items[innermost]))\(multi)\" data-tip=\"\(HTMLEscaping.escape(tip))\" title=\"\(HTMLEscaping.escape(tip))\">"
            out += text(piece) + "</mark>"
        }
        return out
    }

    func listEntry(_ item: FileReport.Item, id: String) -> String {
        let f = item.finding
        var out = "<li class=\"finding \(Self.classes(item))\">"
        out += "<a class=\"where\" href=\"#\(id)\">\(item.range.start.line):\(item.range.start.column)</a>"
        out += "<span class=\"sev\">\(f.severity.rawValue)</span><span class=\"rule\">\(HTMLEscaping.escape(f.ruleID))</span><br>"
        out += "<span class=\"message\">\(HTMLEscaping.escape(f.message))</span>"
        if let fix = f.fix {
            out += "<div class=\"fix\"><span class=\"badge \(fix.applicability.rawValue)\">\(fix.applicability.rawValue) fix</span>"
            if item.deletesLines {
                out += "delete this line"
            } else {
                out += item.edits.map { edit in
                    let before = edit.original.isEmpty ? "" : "<del>\(HTMLEscaping.escape(FixDescription.visible(edit.original)))</del>"
                    let after = edit.replacement.isEmpty ? "∅" : "<ins>\(HTMLEscaping.escape(FixDescription.visible(edit.replacement)))</ins>"
                    return "<span class=\"edit\">\(before) → \(after)</span>"
                }.joined(separator: "; ")
            }
            out += "</div>"
        } else {
            out += "<div class=\"fix\"><span class=\"badge none\">no fix</span></div>"
        }
        return out + "</li>\n"
    }
}

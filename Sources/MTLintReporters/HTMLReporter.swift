import MTLintCore

/// `--format html`: one self-contained page (inline CSS, no script, nothing fetched) with a
/// summary by category and by file, an index, then each file's text with every artifact
/// highlighted by category, its message and fix on hover and in a list beside the text.
///
/// Files are written as the run goes, like every format; the summary, which needs every
/// count, is written last and shown first (the page is a flex column and the summary comes
/// first in its order). Files after the first few start collapsed, so a report of 1,000 files
/// opens on its summary and index.
public struct HTMLReporter: StreamingReporter, Sendable {
    public var toolVersion: String
    /// How many files start open.
    public var openFiles: Int
    private var totals = RunTotals()
    private var files: [(path: String, findings: Int, safe: Int, unsafe: Int)] = []
    private var categories: [Category: Int] = [:]
    /// File sections written so far (files with findings).
    private var sections = 0

    public init(toolVersion: String, openFiles: Int = 5) {
        self.toolVersion = toolVersion
        self.openFiles = openFiles
    }

    public func start() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="mtlint \(HTMLEscaping.escape(toolVersion))">
        <title>mtlint report</title>
        <style>
        \(HTMLStyle.sheet)</style>
        </head>
        <body>
        <div class="page">
        <header><h1>mtlint report</h1><p>Machine-translation and scraping artifacts, highlighted by category. Hover a highlight for its message and fix; solid underline: safe fix, dashed: unsafe fix, dotted: no fix.</p></header>

        """
    }

    public func body(of file: FileReport) -> String? { HTMLFileSection(file: file).render() }

    public mutating func add(_ file: FileReport, body: String?) -> String {
        totals.add(file)
        let safe = file.items.filter { $0.finding.fix?.applicability == .safe }.count
        let unsafe = file.items.filter { $0.finding.fix?.applicability == .unsafe }.count
        for item in file.items { categories[item.finding.category, default: 0] += 1 }
        if file.isContinuation, let last = files.last, last.path == file.path {
            files[files.count - 1] = (last.path, last.findings + file.items.count, last.safe + safe, last.unsafe + unsafe)
        } else {
            files.append((file.path, file.items.count, safe, unsafe))
        }
        let section = body ?? HTMLFileSection(file: file).render()
        guard !file.isContinuation, section.hasPrefix("<details class=\"file\">") else { return section }
        // The first files start open.
        sections += 1
        guard sections <= openFiles else { return section }
        return "<details class=\"file\" open>" + section.dropFirst("<details class=\"file\">".count)
    }

    public func finish() -> String {
        var out = "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n"
        let noun = totals.findings == 1 ? "artifact" : "artifacts"
        let fileCount = files.count
        if totals.findings == 0 {
            out += "<p class=\"totals clean\">No artifacts found in \(fileCount) \(fileCount == 1 ? "file" : "files").</p>\n"
        } else {
            out += "<p class=\"totals\"><span class=\"total\">\(totals.findings)</span> \(noun) in \(totals.filesWithFindings) of \(fileCount) \(fileCount == 1 ? "file" : "files"): "
            out += "\(totals.safeFixes) with a safe fix (<code>mtlint fix</code>), \(totals.unsafeFixes) with an unsafe one (<code>--unsafe-fixes</code>).</p>\n"
        }
        out += "<div class=\"tables\">\n"
        if !categories.isEmpty {
            out += "<table class=\"by-category\">\n<thead><tr><th>category</th><th class=\"n\">artifacts</th></tr></thead>\n<tbody>\n"
            let ordered = categories.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
            for (category, count) in ordered {
                out += "<tr class=\"c-\(category.rawValue)\"><td><span class=\"swatch\"></span>\(category.rawValue)</td><td class=\"n\">\(count)</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<table class=\"by-file index\">\n<thead><tr><th>file</th><th class=\"n\">artifacts</th><th class=\"n\">safe</th><th class=\"n\">unsafe</th></tr></thead>\n<tbody>\n"
        for file in files {
            let name = HTMLEscaping.escape(file.path)
            let link = file.findings > 0 ? "<a href=\"#\(HTMLFileSection.anchor(of: file.path))\">\(name)</a>" : "<span class=\"clean\">\(name)</span>"
            out += "<tr><td>\(link)</td><td class=\"n\">\(file.findings)</td><td class=\"n\">\(file.safe)</td><td class=\"n\">\(file.unsafe)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n</section>\n</div>\n</body>\n</html>\n"
        return out
    }
}

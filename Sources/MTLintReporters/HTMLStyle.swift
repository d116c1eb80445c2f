import MTLintCore

/// The HTML report's style sheet, inline in the page (nothing is fetched from anywhere): a
/// colour per category, safe fixes with a solid underline and unsafe ones dashed, the summary
/// shown first although it is written last (the report streams file by file).
enum HTMLStyle {
    /// One colour per category, in `Category.allCases` order.
    static let palette = [
        "#d9480f", "#c2255c", "#9c36b5", "#6741d9", "#3b5bdb", "#1971c2", "#0c8599", "#099268",
        "#2f9e44", "#66a80f", "#e67700", "#a61e4d", "#5f3dc4", "#364fc7", "#0b7285", "#868e96", "#495057",
    ]

    static func colour(of category: Category) -> String {
        let index = Category.allCases.firstIndex(of: category) ?? 0
        return palette[index % palette.count]
    }

    static let sheet: String = {
        var css = """
        :root { color-scheme: light; --ink: #1d2125; --muted: #5c636a; --line: #dee2e6; --safe: #2b8a3e; --unsafe: #b35c00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #f8f9fa; }
        .page { display: flex; flex-direction: column; gap: 1rem; max-width: 90rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        header { order: -2; } header h1 { font-size: 1.4rem; margin: 0; } header p { margin: .2rem 0 0; color: var(--muted); }
        .summary { order: -1; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
        .summary h2 { font-size: 1.05rem; margin: .2rem 0 .5rem; }
        .summary .totals { font-weight: 600; margin: 0 0 .6rem; }
        .tables { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
        table { border-collapse: collapse; font-size: .9rem; }
        th, td { text-align: left; padding: .15rem .6rem; border-bottom: 1px solid var(--line); }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .index { max-height: 26rem; overflow: auto; display: block; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; background: var(--c); }
        details.file { background: #fff; border: 1px solid var(--line); border-radius: 8px; }
        details.file > summary { cursor: pointer; padding: .55rem 1rem; font-weight: 600; }
        details.file > summary .count { font-weight: 400; color: var(--muted); margin-left: .5rem; }
        .file-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1rem; padding: 0 1rem 1rem; }
        @media (max-width: 60rem) { .file-body { grid-template-columns: minmax(0, 1fr); } }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; background: #fcfcfd; border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; margin: 0; }
        mark { position: relative; background: rgba(255, 212, 59, .3); background: color-mix(in srgb, var(--c) 16%, transparent); color: inherit; border-bottom: 2px dotted var(--c); border-radius: 2px; }
        mark.fix-safe { border-bottom-style: solid; } mark.fix-unsafe { border-bottom-style: dashed; }
        mark.multi { background: color-mix(in srgb, var(--c) 30%, transparent); }
        mark.point::after { content: "‸"; color: var(--c); font-weight: 700; }
        mark[data-tip]:hover::before { content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10; width: max-content; max-width: 32rem; white-space: pre-wrap; font: 13px/1.4 system-ui, sans-serif; background: #212529; color: #fff; padding: .45rem .6rem; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
        a.at:target + mark, a.at:target + * mark { outline: 2px solid var(--c, #000); }
        ol.findings { list-style: none; margin: 0; padding: 0; font-size: .88rem; max-height: 48rem; overflow: auto; }
        ol.findings li { border-left: 4px solid var(--c); background: #fff; border: 1px solid var(--line); border-left-width: 4px; border-left-color: var(--c); border-radius: 4px; padding: .35rem .55rem; margin-bottom: .4rem; }
        ol.findings .where { font-variant-numeric: tabular-nums; color: var(--muted); text-decoration: none; margin-right: .35rem; }
        ol.findings .rule { font-family: ui-monospace, monospace; font-size: .8rem; color: var(--muted); }
        .fix { margin-top: .2rem; } .fix del { background: #ffe3e3; text-decoration: line-through; } .fix ins { background: #d3f9d8; text-decoration: none; }
        .badge { display: inline-block; font-size: .72rem; font-weight: 600; border-radius: 999px; padding: 0 .45rem; margin-right: .3rem; color: #fff; }
        .badge.safe { background: var(--safe); } .badge.unsafe { background: var(--unsafe); } .badge.none { background: #adb5bd; }
        .sev { font-size: .72rem; text-transform: uppercase; letter-spacing: .03em; margin-right: .3rem; color: var(--muted); }
        .clean { color: var(--safe); }

        """
        for category in Category.allCases {
            css += ".c-\(category.rawValue) { --c: \(colour(of: category)); }\n"
        }
        return css
    }()
}

/// Masks HTML: comments (reading mtlint directives in them), `<script>`, `<style>`, `<pre>`
/// and `<code>` elements whole, every other tag with its attributes; decodes entities.
enum HTMLMasker {
    static func mask(_ text: inout MaskedText) {
        maskComments(&text)
        for element in ["script", "style", "pre", "code"] { maskElements(element, in: &text) }
        maskTags(&text)
        HTMLEntities.decode(in: &text)
    }

    /// `<!-- … -->`, parsing `mtlint-disable…` directives. Shared with Markdown.
    static func maskComments(_ text: inout MaskedText) {
        var i = 0
        while let start = text.units.find("<!--", from: i) {
            let close = text.units.find("-->", from: start + 4)
            let end = close.map { $0 + 3 } ?? text.units.count
            let body = String(decoding: text.units[(start + 4)..<(close ?? text.units.count)], as: UTF16.self)
            if let directive = Suppression.parse(body, range: start..<end) { text.suppressions.append(directive) }
            text.mask(start..<end)
            i = end
        }
    }

    /// `<name …>…</name>` whole, case-insensitively.
    static func maskElements(_ name: String, in text: inout MaskedText) {
        var i = 0
        while let start = text.units.find("<" + name, from: i, caseInsensitive: true) {
            let after = start + name.utf16.count + 1
            guard after < text.units.count, [0x3E, 0x20, 0x09, 0x0A, 0x0D, 0x2F].contains(text.units[after]) else { i = after; continue }
            let close = text.units.find("</" + name, from: after, caseInsensitive: true)
            var end = text.units.count
            if let close { end = (text.units.find(">", from: close) ?? (text.units.count - 1)) + 1 }
            text.mask(start..<end)
            i = end
        }
    }

    /// Any `<tag …>` or `</tag>` (quoted attribute values may hold `>`).
    static func maskTags(_ text: inout MaskedText) {
        let units = text.units
        var i = 0
        while i < units.count {
            guard units[i] == 0x3C, i + 1 < units.count, isTagStart(units[i + 1]) else { i += 1; continue }
            var j = i + 1
            var quote: UInt16 = 0
            while j < units.count {
                let u = units[j]
                if quote != 0 { if u == quote { quote = 0 } } else if u == 0x22 || u == 0x27 { quote = u } else if u == 0x3E { break }
                j += 1
            }
            guard j < units.count else { break }
            text.mask(i..<(j + 1))
            i = j + 1
        }
    }

    static func isTagStart(_ u: UInt16) -> Bool {
        (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || u == 0x2F || u == 0x21 || u == 0x3F
    }
}

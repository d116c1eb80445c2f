/// Masks Markdown: YAML front matter, fenced and indented code blocks, inline code, HTML
/// comments (reading mtlint directives in them) and tags, autolinks, link and image
/// destinations, reference definitions and bare URLs; decodes HTML entities. Link text and
/// image alt text stay visible to rules.
enum MarkdownMasker {
    static func mask(_ text: inout MaskedText) {
        let lines = lineRanges(text.units)
        maskBlocks(&text, lines: lines)
        HTMLMasker.maskComments(&text)
        maskInlineCode(&text)
        maskAutolinksAndTags(&text)
        maskLinkDestinations(&text)
        maskReferenceDefinitions(&text, lines: lines)
        maskBareURLs(&text)
        HTMLEntities.decode(in: &text)
    }

    static func lineRanges(_ units: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0, i = 0
        while i < units.count {
            if units[i] == 0x0A || units[i] == 0x0D {
                result.append(start..<i)
                i += (units[i] == 0x0D && i + 1 < units.count && units[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        result.append(start..<units.count)
        return result
    }

    static func isBlank(_ units: [UInt16], _ line: Range<Int>) -> Bool {
        line.allSatisfy { units[$0] == 0x20 || units[$0] == 0x09 }
    }

    static func indent(_ units: [UInt16], _ line: Range<Int>) -> Int {
        var width = 0
        for i in line {
            if units[i] == 0x20 { width += 1 } else if units[i] == 0x09 { width += 4 - width % 4 } else { break }
        }
        return width
    }

    /// Front matter, fences and indented code, line by line.
    static func maskBlocks(_ text: inout MaskedText, lines: [Range<Int>]) {
        let units = text.units
        var index = 0
        // YAML front matter: `---` on the first line up to the next `---` or `...`.
        if let first = lines.first, String(decoding: units[first], as: UTF16.self) == "---" {
            if let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains(String(decoding: units[$0], as: UTF16.self)) }) {
                text.mask(first.lowerBound..<lines[close].upperBound)
                index = close + 1
            }
        }
        var previousBlank = true
        var inList = false
        while index < lines.count {
            let line = lines[index]
            let content = String(decoding: units[line], as: UTF16.self)
            let trimmed = content.drop { $0 == " " }
            let leading = content.count - trimmed.count
            if leading <= 3, let fence = fenceMarker(trimmed) {
                var close = index + 1
                while close < lines.count {
                    let candidate = String(decoding: units[lines[close]], as: UTF16.self).drop { $0 == " " }
                    if candidate.hasPrefix(fence), candidate.allSatisfy({ $0 == fence.first || $0 == " " }) { break }
                    close += 1
                }
                let last = min(close, lines.count - 1)
                text.mask(line.lowerBound..<lines[last].upperBound)
                index = last + 1
                previousBlank = false
                continue
            }
            let blank = isBlank(units, line)
            if !blank, indent(units, line) >= 4, previousBlank, !inList {
                // An indented code block runs over indented and blank lines.
                var end = index
                while end + 1 < lines.count, isBlank(units, lines[end + 1]) || indent(units, lines[end + 1]) >= 4 { end += 1 }
                while end > index, isBlank(units, lines[end]) { end -= 1 }
                text.mask(line.lowerBound..<lines[end].upperBound)
                index = end + 1
                previousBlank = false
                continue
            }
            if !blank {
                let first = trimmed.first
                let startsList = (first == "-" || first == "*" || first == "+") && trimmed.dropFirst().first == " "
                    || trimmed.prefix { $0.isNumber }.count > 0 && [".", ")"].contains(trimmed.drop { $0.isNumber }.first)
                if startsList { inList = true } else if leading == 0 { inList = false }
            }
            previousBlank = blank
            index += 1
        }
    }

    static func fenceMarker(_ line: Substring) -> String? {
        for marker in ["```", "~~~"] where line.hasPrefix(marker) {
            return String(line.prefix { $0 == marker.first })
        }
        return nil
    }

    /// `code` spans: a run of backticks up to the next run of the same length.
    static func maskInlineCode(_ text: inout MaskedText) {
        let units = text.units
        var i = 0
        while i < units.count {
            guard units[i] == 0x60 else { i += 1; continue }
            var run = 0
            while i + run < units.count, units[i + run] == 0x60 { run += 1 }
            var j = i + run
            var closed: Int?
            while j < units.count {
                if units[j] == 0x60 {
                    var other = 0
                    while j + other < units.count, units[j + other] == 0x60 { other += 1 }
                    if other == run { closed = j + other; break }
                    j += other
                } else {
                    j += 1
                }
            }
            if let closed {
                text.mask(i..<closed)
                i = closed
            } else {
                i += run
            }
        }
    }

    /// `<https://…>`, `<name@host>` and inline HTML tags.
    static func maskAutolinksAndTags(_ text: inout MaskedText) {
        HTMLMasker.maskTags(&text)
    }

    /// `](destination "title")` after link text or image alt text.
    static func maskLinkDestinations(_ text: inout MaskedText) {
        let units = text.units
        var i = 0
        while let start = units.find("](", from: i) {
            var depth = 0, j = start + 2
            while j < units.count {
                if units[j] == 0x28 { depth += 1 } else if units[j] == 0x29 { if depth == 0 { break }; depth -= 1 } else if units[j] == 0x0A { break }
                j += 1
            }
            guard j < units.count, units[j] == 0x29 else { i = start + 2; continue }
            text.mask((start + 1)..<(j + 1))
            i = j + 1
        }
    }

    /// `[label]: destination "title"` lines.
    static func maskReferenceDefinitions(_ text: inout MaskedText, lines: [Range<Int>]) {
        for line in lines {
            let content = String(decoding: text.units[line], as: UTF16.self)
            let trimmed = content.drop { $0 == " " }
            guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]"),
                  trimmed[trimmed.index(after: close)...].hasPrefix("]:") == false,
                  trimmed[trimmed.index(after: close)...].hasPrefix(":") else { continue }
            text.mask(line)
        }
    }

    /// `http://…`, `https://…` and `www.…` up to white space or a closing bracket.
    static func maskBareURLs(_ text: inout MaskedText) {
        let units = text.units
        for prefix in ["https://", "http://", "www."] {
            var i = 0
            while let start = units.find(prefix, from: i, caseInsensitive: true) {
                if start > 0, HTMLEntities.isNameUnit(units[start - 1]), prefix == "www." { i = start + 4; continue }
                var end = start
                while end < units.count, !isURLTerminator(units[end]) { end += 1 }
                // Trailing punctuation belongs to the sentence, not the URL.
                while end > start, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22].contains(units[end - 1]) { end -= 1 }
                text.mask(start..<end)
                i = max(end, start + 1)
            }
        }
    }

    static func isURLTerminator(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x3C || u == 0x3E || u == 0x29 || u == 0x5D
            || u == 0x201D || u == 0x201C || u == 0xA0
    }
}

import ICUText

/// The blocks quotations are read in: paragraphs. A blank line always ends one; a single line
/// break ends one when the line before it ends a sentence (scraped pages put each paragraph on
/// a line of its own), and is read as a space otherwise (hard-wrapped text).
enum QuoteBlocks {
    static func of(_ document: Document) -> [Range<Int>] {
        let text = document.text
        var blocks: [Range<Int>] = []
        var start: Int?
        var end = 0
        for line in document.lines {
            let content = document.trimmed(line.content)
            if content.isEmpty {
                if let s = start { blocks.append(s..<end) }
                start = nil
                continue
            }
            if start == nil { start = content.lowerBound }
            end = content.upperBound
            if endsSentence(text, content) {
                blocks.append((start ?? content.lowerBound)..<end)
                start = nil
            }
        }
        if let s = start { blocks.append(s..<end) }
        return blocks
    }

    /// Whether the line ends with sentence punctuation, possibly followed by closing marks and
    /// brackets (`… he said.`, `… “Yes.”`), or is long enough to be a paragraph of its own.
    static func endsSentence(_ text: UTF16Text, _ content: Range<Int>) -> Bool {
        if content.count > 150 { return true }
        var i = content.upperBound
        while i > content.lowerBound {
            let unit = text[i - 1]
            switch unit {
            case 0x2E, 0x21, 0x3F, 0x2026, 0x3A: return true
            case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x203A, 0x201C, 0x29, 0x5D: i -= 1
            default: return false
            }
        }
        return false
    }
}

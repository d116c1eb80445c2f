extension Document {
    /// The edit that deletes the lines `range` touches, with their line breaks.
    ///
    /// So that deleting a line between two blank lines does not leave two blank lines where
    /// there was one paragraph break, the blank line after it goes too (or, at the end of the
    /// text, the break before it, keeping a missing final newline missing).
    public func lineDeletion(covering range: Range<Int>) -> Edit {
        guard !lines.isEmpty else { return Edit(range: 0..<0, replacement: "") }
        let first = lineIndex(containing: range.lowerBound)
        var last = lineIndex(containing: max(range.lowerBound, range.upperBound - 1))
        last = max(first, last)
        var start = lines[first].content.lowerBound
        var end = lines[last].end
        let blankBefore = first == 0 || isBlank(lines[first - 1])
        let hasNext = last + 1 < lines.count
        if !lines[last].hasLineBreak {
            // The last line of a text without a final newline: take the break before it
            // (and the blank lines above) so the text still ends without one.
            var k = first
            while k > 0, isBlank(lines[k - 1]), k - 1 > 0 { k -= 1 }
            if k > 0 { start = lines[k - 1].content.upperBound }
        } else if blankBefore, hasNext, isBlank(lines[last + 1]) {
            end = lines[last + 1].end
        } else if blankBefore, !hasNext, first > 0 {
            // Last line, after a blank line: drop the blank line's break instead.
            start = lines[first - 1].content.lowerBound
        }
        return Edit(range: start..<end, replacement: "")
    }
}

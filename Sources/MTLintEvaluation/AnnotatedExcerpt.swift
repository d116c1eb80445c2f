/// An excerpt and its annotations: `NAME.txt` beside `NAME.expected.jsonl`.
public struct AnnotatedExcerpt: Sendable {
    /// The excerpt's file name (`a01.txt`), as findings and listings name it.
    public var name: String
    /// The excerpt's text, as read.
    public var text: String
    /// The text's lines, split at line feeds as the reference scorer splits them.
    public let lines: [String]
    public var annotations: [Annotation]

    public init(name: String, text: String, annotations: [Annotation]) {
        self.name = name
        self.text = text
        self.lines = Self.lines(of: text)
        self.annotations = annotations
    }

    /// `text` split at every line feed (a carriage return before it stays on the line, which
    /// moves no column before it).
    static func lines(of text: String) -> [String] {
        // By scalars: "\r\n" is one Character, so a split by Characters would not see its "\n".
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }

    /// The line with 1-based number `number`, or "" past the end.
    func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Where an annotation's text sits on its line: 1-based Unicode-scalar columns, end
    /// exclusive; the whole line when the text is not on it.
    func span(of annotation: Annotation) -> Range<Int> {
        let line = Array(self.line(annotation.line).unicodeScalars)
        let needle = Array(annotation.text.unicodeScalars)
        guard let start = ScalarSearch.firstIndex(of: needle, in: line) else { return 1..<(line.count + 1) }
        return (start + 1)..<(start + 1 + needle.count)
    }
}

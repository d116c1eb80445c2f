import MTLintCore

/// One artifact a person marked in an excerpt: a line of `NAME.expected.jsonl`, in the format of
/// the development set's README (`line`, `category`, `text`, `fix`, `alt_categories`).
public struct Annotation: Sendable, Hashable {
    /// What the annotator says the repair is.
    public enum Repair: Sendable, Hashable {
        /// `null`: delete the whole line.
        case deleteLine
        /// `""`: delete `text`.
        case deleteText
        /// `"?"`: no mechanical fix (needs a human or the source); not counted for fix accuracy.
        case none
        /// Any other string: replace `text` with it.
        case replace(String)
    }

    /// 1-based line of the excerpt.
    public var line: Int
    public var category: Category
    /// The exact text of the artifact: a substring of its line, occurring once on it.
    public var text: String
    public var repair: Repair
    /// Other categories that are also defensible; a finding in any of them counts.
    public var alternativeCategories: [Category]

    public init(line: Int, category: Category, text: String, repair: Repair, alternativeCategories: [Category] = []) {
        self.line = line
        self.category = category
        self.text = text
        self.repair = repair
        self.alternativeCategories = alternativeCategories
    }

    /// The categories a finding may have to count for this annotation.
    public var acceptedCategories: Set<Category> { Set([category] + alternativeCategories) }
}

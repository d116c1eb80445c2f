/// A problem in an annotation file, reported as `file:line: reason`.
public struct AnnotationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the annotation file (0: the file as a whole).
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

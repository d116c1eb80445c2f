import Foundation
import MTLintCore

/// Reads an annotation file (`NAME.expected.jsonl`: one JSON object per line, blank lines
/// allowed) against its excerpt, strictly: every problem names the file and line.
public enum AnnotationParser {
    static let keys: Set<String> = ["line", "category", "text", "fix", "alt_categories"]

    /// The annotations of `excerptLines` (the excerpt split as `AnnotatedExcerpt` splits it).
    public static func parse(_ contents: String, file: String, excerptLines: [String]) throws(AnnotationError) -> [Annotation] {
        var annotations: [Annotation] = []
        for (index, rawLine) in AnnotatedExcerpt.lines(of: contents).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            func fail(_ reason: String) -> AnnotationError { AnnotationError(file: file, line: index + 1, reason: reason) }
            let record: Record
            do {
                record = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
            } catch let error as RecordError {
                throw fail(error.reason)
            } catch {
                throw fail("not a JSON object")
            }
            guard let category = Category(rawValue: record.category) else { throw fail("unknown category '\(record.category)'") }
            guard !record.text.isEmpty else { throw fail("'text' must not be empty") }
            let repair: Annotation.Repair
            switch record.fix {
            case nil: repair = .deleteLine
            case ""?: repair = .deleteText
            case "?"?: repair = .none
            case let value?: repair = .replace(value)
            }
            var alternatives: [Category] = []
            for name in record.alternatives {
                guard let alternative = Category(rawValue: name) else { throw fail("unknown category '\(name)' in alt_categories") }
                alternatives.append(alternative)
            }
            let number = record.line, text = record.text
            guard number >= 1 && number <= excerptLines.count else {
                throw fail("line \(number) is not in the excerpt (it has \(excerptLines.count) lines)")
            }
            let occurrences = ScalarSearch.occurrences(of: Array(text.unicodeScalars), in: Array(excerptLines[number - 1].unicodeScalars))
            if occurrences == 0 { throw fail("'text' is not on line \(number) of the excerpt") }
            if occurrences > 1 { throw fail("'text' occurs \(occurrences) times on line \(number) of the excerpt; it must occur once") }
            annotations.append(Annotation(line: number, category: category, text: text, repair: repair, alternativeCategories: alternatives))
        }
        return annotations
    }

    /// One line of an annotation file, decoded strictly: known keys only, each of its type.
    struct Record: Decodable {
        var line: Int
        var category: String
        var text: String
        /// nil: JSON null (delete the line).
        var fix: String?
        var alternatives: [String]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            if let unknown = container.allKeys.map(\.stringValue).filter({ !keys.contains($0) }).sorted().first {
                throw RecordError(reason: "unknown key '\(unknown)' (expected line, category, text, fix, alt_categories)")
            }
            func value<T: Decodable>(_ type: T.Type, _ name: String, _ what: String) throws -> T {
                let key = Key(stringValue: name)
                guard container.contains(key) else { throw RecordError(reason: "'\(name)' is missing") }
                guard let value = try? container.decode(type, forKey: key) else { throw RecordError(reason: "'\(name)' must be \(what)") }
                return value
            }
            line = try value(Int.self, "line", "a whole number")
            category = try value(String.self, "category", "a string")
            text = try value(String.self, "text", "a string")
            let fixKey = Key(stringValue: "fix")
            guard container.contains(fixKey) else {
                throw RecordError(reason: "'fix' is missing (null deletes the line, \"\" the text, \"?\" means no mechanical fix)")
            }
            if try container.decodeNil(forKey: fixKey) {
                fix = nil
            } else {
                fix = try value(String.self, "fix", "null or a string")
            }
            alternatives = container.contains(Key(stringValue: "alt_categories"))
                ? try value([String].self, "alt_categories", "a list of strings") : []
        }
    }

    struct RecordError: Error {
        var reason: String
    }
}

/// A JSON value written by hand, for the formats that write one record per finding (`json`,
/// `jsonl`): several times faster than `JSONEncoder`, which matters with a million findings,
/// and byte for byte what `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`
/// (compact, or `.prettyPrinted`), which a test checks. Object keys are written in the order
/// given: callers give them sorted.
enum JSONValue {
    case string(String)
    case int(Int)
    case null
    case object([(String, JSONValue)])
    case array([JSONValue])

    /// `{"a":1}`.
    var compact: String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    /// Two-space indentation, `"key" : value`, as `JSONEncoder`'s `.prettyPrinted`; `indent`:
    /// where the value sits in an enclosing document (its first line is not indented).
    func pretty(indent: Int = 0) -> String {
        var out = ""
        writePretty(into: &out, indent: indent)
        return out
    }

    func writeCompact(into out: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, into: &out)
        case .int(let value): out += String(value)
        case .null: out += "null"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                value.writeCompact(into: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.writeCompact(into: &out)
            }
            out += "]"
        }
    }

    func writePretty(into out: inout String, indent: Int) {
        switch self {
        case .string, .int, .null: writeCompact(into: &out)
        case .object(let members):
            let inner = String(repeating: " ", count: indent + 2)
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += ",\n" }
                out += inner
                Self.writeString(key, into: &out)
                out += " : "
                value.writePretty(into: &out, indent: indent + 2)
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        case .array(let elements):
            let inner = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ",\n" }
                out += inner
                element.writePretty(into: &out, indent: indent + 2)
            }
            // An empty array is `[`, an empty line, `]`, as JSONEncoder writes it.
            out += "\n" + String(repeating: " ", count: indent) + "]"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    static func writeString(_ value: String, into out: inout String) {
        out += "\""
        let utf8 = value.utf8
        // Most strings need no escaping: copy them whole.
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{8}": out += "\\b"
                case "\u{C}": out += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Text made safe for HTML: whatever an article holds (`<script>`, `</textarea>`, quotes,
/// entities) renders as the characters it is, in element content and in quoted attributes.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        // Most text needs nothing: check the bytes before rewriting anything.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0x7F })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            // Other control characters are not allowed in HTML: shown as their control pictures.
            case _ where scalar.value < 0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case "\u{7F}": out += "\u{2421}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A string usable as (part of) an `id` and in a `#fragment`: ASCII letters, digits, `-`
    /// kept, every other byte as `_XX`, so different paths never give the same id.
    static func identifier(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let isPlain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
            if isPlain {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "_" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}

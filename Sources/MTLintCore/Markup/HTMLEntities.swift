/// HTML character references: `&nbsp;`, `&#8239;`, `&#x201C;`.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "bdquo": "„",
        "sbquo": "‚", "ndash": "–", "mdash": "—", "hellip": "…", "thinsp": "\u{2009}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{00AD}", "copy": "©", "reg": "®",
        "euro": "€", "deg": "°", "middot": "·", "times": "×", "eacute": "é", "egrave": "è", "agrave": "à",
        "aacute": "á", "ccedil": "ç", "ocirc": "ô", "ecirc": "ê", "iuml": "ï", "ouml": "ö", "uuml": "ü",
        "auml": "ä", "szlig": "ß", "ntilde": "ñ", "Eacute": "É", "oacute": "ó", "iacute": "í", "uacute": "ú",
    ]

    /// Decodes every reference in `text` that is not masked.
    static func decode(in text: inout MaskedText) {
        let units = text.units
        var i = 0
        while i < units.count {
            guard units[i] == 0x26 /* & */ else { i += 1; continue }
            var end = i + 1
            while end < units.count, end - i <= 10, units[end] != 0x3B /* ; */, isNameUnit(units[end]) { end += 1 }
            guard end < units.count, units[end] == 0x3B, end > i + 1 else { i += 1; continue }
            let name = String(decoding: units[(i + 1)..<end], as: UTF16.self)
            if let scalar = scalar(for: name) { text.decode(i..<(end + 1), as: scalar) }
            i = end + 1
        }
    }

    static func isNameUnit(_ u: UInt16) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || u == 0x23
    }

    static func scalar(for name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[name]
    }
}

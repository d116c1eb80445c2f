extension StringProtocol {
    /// Without leading and trailing Unicode white space.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Substring {
    /// Without leading and trailing Unicode white space. The same scalars as the generic
    /// version, copied as one slice of UTF-8 rather than scalar by scalar.
    public var trimmedWhitespace: String {
        // Most lines start and end with a printable ASCII character: nothing to trim.
        if let head = utf8.first, let tail = utf8.last, (0x21...0x7E).contains(head), (0x21...0x7E).contains(tail) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

extension String {
    /// Whether every byte is ASCII: then each byte is a scalar and each scalar a Character
    /// (CR LF aside), so byte-level reading gives what Character-level reading gives.
    public var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

    /// Without leading and trailing Unicode white space (see `Substring.trimmedWhitespace`).
    public var trimmedWhitespace: String { self[...].trimmedWhitespace }
}

import MTLintCore

/// One line of a JSON Lines stream, without its line feed.
struct RawLine: Sendable {
    /// 1-based line number in the stream.
    var number: Int
    var bytes: [UInt8]
}

/// Splits a byte stream into lines, batch by batch, reading only as much as a batch needs:
/// memory holds one batch, one read chunk and the unfinished line.
struct JSONLinesReader {
    /// Reads up to the given number of bytes; returns no bytes at the end of the stream.
    private let read: (Int) -> [UInt8]
    private let chunkSize: Int
    private var pending: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var nextNumber = 1

    init(chunkSize: Int = 1 << 20, read: @escaping (Int) -> [UInt8]) {
        self.chunkSize = chunkSize
        self.read = read
    }

    /// The next lines, at most `maxLines` and stopping once `maxBytes` are reached (a line is
    /// never split); empty at the end of the stream. A last line without a line feed counts.
    mutating func nextBatch(maxLines: Int, maxBytes: Int) -> [RawLine] {
        var batch: [RawLine] = []
        var bytes = 0
        while batch.count < maxLines, bytes < maxBytes {
            if let newline = pending[start...].firstIndex(of: 0x0A) {
                batch.append(RawLine(number: nextNumber, bytes: Array(pending[start..<newline])))
                nextNumber += 1
                bytes += newline - start + 1
                start = newline + 1
                continue
            }
            if atEnd {
                if start < pending.count {
                    batch.append(RawLine(number: nextNumber, bytes: Array(pending[start...])))
                    nextNumber += 1
                }
                pending = []
                start = 0
                break
            }
            // Keep only the unfinished line, then read more.
            if start > 0 {
                pending.removeFirst(start)
                start = 0
            }
            let chunk = read(chunkSize)
            if chunk.isEmpty { atEnd = true } else { pending.append(contentsOf: chunk) }
        }
        return batch
    }
}

/// A JSON object's top-level members, located in the line's bytes, so a record can be
/// rewritten by splicing: everything not replaced stays byte for byte as it was.
struct JSONObjectLayout {
    struct Member {
        /// The key, decoded.
        var key: [UInt8]
        /// The value's bytes in the line (for a string, quotes included).
        var value: Range<Int>
    }

    var members: [Member]
    /// Index of the object's closing brace.
    var closingBrace: Int

    func member(_ key: [UInt8]) -> Member? { members.last { $0.key == key } }
    func count(of key: [UInt8]) -> Int { members.reduce(0) { $0 + ($1.key == key ? 1 : 0) } }
}

/// Why a line is not a usable record.
struct JSONScanError: Error, Equatable {
    var reason: String
}

/// A strict JSON (RFC 8259) validator that also checks the UTF-8 of every string and
/// records the top-level members of an object.
struct JSONObjectScanner {
    private let bytes: [UInt8]
    private var i = 0
    private static let maxDepth = 512

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The layout of `bytes` if it is exactly one JSON object (white space around it allowed).
    static func scan(_ bytes: [UInt8]) throws(JSONScanError) -> JSONObjectLayout {
        var scanner = JSONObjectScanner(bytes)
        scanner.skipSpace()
        guard scanner.i < bytes.count else { throw JSONScanError(reason: "empty line, not a JSON object") }
        let first = bytes[scanner.i]
        if first != UInt8(ascii: "{") {
            // Name what it is when it is valid JSON of another kind.
            var probe = scanner
            if (try? probe.value(depth: 0)) != nil, probe.atEndAfterSpace() {
                throw JSONScanError(reason: "not a JSON object (a JSON \(Self.kind(of: first)))")
            }
            try scanner.fail("not JSON")
        }
        let layout = try scanner.object(depth: 0, recording: true)
        guard scanner.atEndAfterSpace() else { try scanner.fail("not JSON: text after the object") }
        guard let layout else { try scanner.fail("not JSON") }
        return layout
    }

    static func kind(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "["): "array"
        case UInt8(ascii: "\""): "string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "boolean"
        case UInt8(ascii: "n"): "null"
        default: "number"
        }
    }

    private func fail(_ reason: String) throws(JSONScanError) -> Never {
        if i < bytes.count, bytes[i] >= 0x80, Self.utf8SequenceLength(bytes, at: i) == nil {
            throw JSONScanError(reason: "invalid UTF-8 at byte \(i)")
        }
        throw JSONScanError(reason: i < bytes.count ? "\(reason) (at byte \(i))" : "\(reason) (line ends too early)")
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func atEndAfterSpace() -> Bool {
        skipSpace()
        return i == bytes.count
    }

    private mutating func expect(_ byte: UInt8) throws(JSONScanError) {
        guard i < bytes.count, bytes[i] == byte else { try fail("not JSON: expected '\(Character(Unicode.Scalar(byte)))'") }
        i += 1
    }

    private mutating func value(depth: Int) throws(JSONScanError) {
        guard depth < Self.maxDepth else { try fail("JSON nested too deeply") }
        skipSpace()
        guard i < bytes.count else { try fail("not JSON") }
        switch bytes[i] {
        case UInt8(ascii: "{"): _ = try object(depth: depth + 1, recording: false)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: try fail("not JSON")
        }
    }

    private mutating func object(depth: Int, recording: Bool) throws(JSONScanError) -> JSONObjectLayout? {
        try expect(UInt8(ascii: "{"))
        var members: [JSONObjectLayout.Member] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return recording ? JSONObjectLayout(members: [], closingBrace: i - 1) : nil
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { try fail("not JSON: expected a key") }
            let keyStart = i
            try string()
            let keyRange = keyStart..<i
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            let valueStart = i
            try value(depth: depth)
            if recording {
                let key = try Self.decodeString(bytes[keyRange])
                members.append(.init(key: key, value: valueStart..<i))
            }
            skipSpace()
            guard i < bytes.count else { try fail("not JSON") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return recording ? JSONObjectLayout(members: members, closingBrace: i - 1) : nil
            }
            try fail("not JSON: expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(JSONScanError) {
        try expect(UInt8(ascii: "["))
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return }
        while true {
            try value(depth: depth)
            skipSpace()
            guard i < bytes.count else { try fail("not JSON") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return }
            try fail("not JSON: expected ',' or ']'")
        }
    }

    private mutating func literal(_ word: String) throws(JSONScanError) {
        let count = word.utf8.count
        guard i + count <= bytes.count, bytes[i..<i + count].elementsEqual(word.utf8) else { try fail("not JSON") }
        i += count
    }

    private mutating func digits() -> Int {
        let from = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        return i - from
    }

    private mutating func number() throws(JSONScanError) {
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { try fail("not JSON: bad number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { try fail("not JSON: bad number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { try fail("not JSON: bad number") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { try fail("not JSON: bad number") }
        }
    }

    /// Skips a string, checking its escapes and its UTF-8.
    private mutating func string() throws(JSONScanError) {
        try expect(UInt8(ascii: "\""))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { break }
                switch bytes[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= bytes.count, bytes[i + 2..<i + 6].allSatisfy({ Self.hexValue($0) != nil }) else {
                        try fail("not JSON: bad \\u escape")
                    }
                    i += 6
                default:
                    try fail("not JSON: bad escape")
                }
                continue
            }
            if b < 0x20 { try fail("not JSON: control character in a string") }
            if b < 0x80 { i += 1; continue }
            guard let length = Self.utf8SequenceLength(bytes, at: i) else {
                throw JSONScanError(reason: "invalid UTF-8 at byte \(i)")
            }
            i += length
        }
        try fail("not JSON: unterminated string")
    }

    /// The length of the valid UTF-8 sequence starting at `i` (RFC 3629), or nil.
    private static func utf8SequenceLength(_ bytes: [UInt8], at i: Int) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.sequenceLength(in: $0, at: i) }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The UTF-8 of a JSON string already validated by `string()` (quotes included).
    /// Throws for an escaped lone surrogate, which has no UTF-8 form.
    static func decodeString(_ token: ArraySlice<UInt8>) throws(JSONScanError) -> [UInt8] {
        let body = token.dropFirst().dropLast()
        guard body.contains(UInt8(ascii: "\\")) else { return Array(body) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        func hex4(_ at: Int) -> UInt32 {
            body[at..<at + 4].reduce(UInt32(0)) { $0 << 4 | (hexValue($1) ?? 0) }
        }
        while i < body.endIndex {
            let b = body[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let e = body[i + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08); i += 2
            case UInt8(ascii: "f"): out.append(0x0C); i += 2
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "u"):
                var code = hex4(i + 2)
                i += 6
                if (0xD800...0xDBFF).contains(code) {
                    guard i + 6 <= body.endIndex, body[i] == UInt8(ascii: "\\"), body[i + 1] == UInt8(ascii: "u"),
                          case let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw JSONScanError(reason: "lone surrogate escape \\u\(String(code, radix: 16, uppercase: true))")
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw JSONScanError(reason: "lone surrogate escape \\u\(String(code, radix: 16, uppercase: true))")
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw JSONScanError(reason: "bad \\u escape")
                }
                UTF8.encode(scalar) { out.append($0) }
            default: out.append(e); i += 2  // \" \\ \/
            }
        }
        return out
    }
}

import Foundation

/// Reads Language Server Protocol messages from a file descriptor: a header of
/// `Name: value` lines (`Content-Length` required), an empty line, then that many bytes of
/// JSON. A broken header is reported and skipped, so one bad message does not end the session.
final class MessageReader {
    enum Item {
        /// One message's content (not yet parsed).
        case message(Data)
        /// A header that could not be read, and why; reading goes on after it.
        case malformed(String)
    }

    /// The largest message read; a larger one is skipped unread.
    static let maximumLength = 256 << 20
    /// The longest header taken before it is called broken.
    static let maximumHeaderLength = 8 << 10

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (consumed bytes are dropped in chunks).
    private var start = 0
    private var atEnd = false
    /// Bytes of an oversized message still to skip.
    private var skipping = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next message, or nil at the end of the input.
    func next() -> Item? {
        while true {
            if skipping > 0 {
                let available = buffer.count - start
                let dropped = min(skipping, available)
                start += dropped
                skipping -= dropped
                if skipping > 0 {
                    guard fill() else { return nil }
                    continue
                }
            }
            if let item = takeMessage() { return item }
            guard fill() else {
                // Bytes left that are not a message: say so once, then end.
                if start < buffer.count, !isBlank(buffer[start...]) {
                    start = buffer.count
                    return .malformed("the input ended inside a message")
                }
                return nil
            }
        }
    }

    /// A whole message from the buffer, or nil when more bytes are needed.
    private func takeMessage() -> Item? {
        guard let headerEnd = headerEnd() else {
            if buffer.count - start > Self.maximumHeaderLength {
                resynchronize()
                return .malformed("a message header longer than \(Self.maximumHeaderLength) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd.lowerBound], as: UTF8.self)
        var length: Int?
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                start = headerEnd.upperBound
                return .malformed("a header line without a colon: \(line.prefix(80))")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let parsed = Int(value), parsed >= 0 else {
                    start = headerEnd.upperBound
                    return .malformed("Content-Length is not a length: \(value.prefix(40))")
                }
                length = parsed
            }
        }
        guard let length else {
            start = headerEnd.upperBound
            return .malformed("a message without Content-Length")
        }
        if length > Self.maximumLength {
            start = headerEnd.upperBound
            skipping = length
            return .malformed("a message of \(length) bytes, more than the \(Self.maximumLength) accepted")
        }
        guard buffer.count - headerEnd.upperBound >= length else { return nil }
        let body = Data(buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)])
        start = headerEnd.upperBound + length
        compact()
        return .message(body)
    }

    /// Where the header ends: at the first empty line, after CRLF CRLF as the protocol says,
    /// or a bare `\n\n` (as some hand-written clients send).
    private func headerEnd() -> Range<Int>? {
        let crlf = find([13, 10, 13, 10], from: start)
        let bare = find([10, 10], from: start)
        switch (crlf, bare) {
        case (let a?, let b?): return a.lowerBound <= b.lowerBound ? a : b
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return nil
        }
    }

    /// After a broken header: drop bytes up to the next `Content-Length` (or all but a few).
    private func resynchronize() {
        let marker = Array("Content-Length".utf8)
        if let next = find(marker, from: start + 1) {
            start = next.lowerBound
        } else {
            start = max(start, buffer.count - marker.count)
        }
        compact()
    }

    private func find(_ needle: [UInt8], from: Int) -> Range<Int>? {
        guard needle.count > 0, buffer.count - from >= needle.count else { return nil }
        var i = from
        let last = buffer.count - needle.count
        while i <= last {
            if buffer[i] == needle[0] {
                var j = 1
                while j < needle.count, buffer[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i..<(i + needle.count) }
            }
            i += 1
        }
        return nil
    }

    private func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    }

    /// Drops consumed bytes once they are a good part of the buffer.
    private func compact() {
        if start > 0, start >= buffer.count / 2 || start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Reads more bytes; false at the end of the input.
    private func fill() -> Bool {
        guard !atEnd else { return false }
        compact()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                atEnd = true
                return false
            }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }
}

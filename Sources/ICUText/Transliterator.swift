import CICU

/// An ICU transliterator, e.g. `Latin-ASCII` to fold `secrétaire` to `secretaire`.
public final class Transliterator: @unchecked Sendable {
    // utrans_transUChars only reads the transliterator, but ICU documents it as not
    // thread-safe for concurrent use; calls are serialised by callers holding one per task.
    private let handle: OpaquePointer

    public init(id: String) throws(ICUError) {
        let units = Array(id.utf16)
        var status: Int32 = 0
        let opened = units.withUnsafeBufferPointer { mt_translit_open($0.baseAddress, Int32($0.count), &status) }
        try ICUError.check(status)
        guard let opened else { throw ICUError(status: 1) }
        handle = opened
    }

    deinit { mt_translit_close(handle) }

    public func apply(_ text: String) throws(ICUError) -> String {
        var units = Array(text.utf16)
        var capacity = max(units.count * 2, 16)
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                mt_translit_apply(handle, $0.baseAddress, Int32(units.count), Int32(capacity), &status)
            }
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
                capacity = Int(length) + 16
                continue
            }
            try ICUError.check(status)
            units = Array(buffer[0..<Int(length)])
            return String(decoding: units, as: UTF16.self)
        }
    }
}

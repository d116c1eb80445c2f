import CICU

public enum Normalization {
    /// NFC form of `text` (ICU's normalizer).
    public static func nfc(_ text: String) throws(ICUError) -> String {
        let units = Array(text.utf16)
        var capacity = units.count + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let written = units.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer {
                    mt_normalize_nfc(source.baseAddress, Int32(source.count), $0.baseAddress, Int32(capacity), &status)
                }
            }
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
                capacity = Int(written) + 16
                continue
            }
            try ICUError.check(status)
            return String(decoding: output[0..<Int(written)], as: UTF16.self)
        }
    }
}

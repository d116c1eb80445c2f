import CICU

/// A locale's quotation marks from CLDR via ICU: outer and inner pairs.
public struct LocaleQuotes: Sendable, Equatable {
    public var open: String
    public var close: String
    public var innerOpen: String
    public var innerClose: String

    public init(open: String, close: String, innerOpen: String, innerClose: String) {
        self.open = open
        self.close = close
        self.innerOpen = innerOpen
        self.innerClose = innerClose
    }

    /// Straight ASCII quotes, for targets that want them.
    public static let straight = LocaleQuotes(open: "\"", close: "\"", innerOpen: "'", innerClose: "'")

    /// The delimiters ICU's locale data gives for `locale` (e.g. `en_US`: “ ” ‘ ’).
    public init(locale: String) throws(ICUError) {
        func delimiter(_ kind: Int32) throws(ICUError) -> String {
            var buffer = [UInt16](repeating: 0, count: 8)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                mt_locale_quote(locale, kind, $0.baseAddress, Int32($0.count), &status)
            }
            try ICUError.check(status)
            return buffer.withUnsafeBufferPointer { UTF16Text.string(UnsafeBufferPointer(rebasing: $0[0..<Int(max(0, min(length, 8)))])) }
        }
        self.init(open: try delimiter(0), close: try delimiter(1), innerOpen: try delimiter(2), innerClose: try delimiter(3))
    }
}

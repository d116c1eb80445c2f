import CICU

/// A failure reported by ICU, with ICU's own status name (e.g. `U_REGEX_TIME_OUT`).
public struct ICUError: Error, Equatable, Sendable, CustomStringConvertible {
    public let status: Int32

    public init(status: Int32) { self.status = status }

    public var name: String { String(cString: mt_error_name(status)) }
    public var description: String { name }

    /// ICU warnings are negative; only a positive status is a failure.
    static func check(_ status: Int32) throws(ICUError) {
        if status > 0 { throw ICUError(status: status) }
    }

    public static let regexTimeOut = ICUError(status: 66_322)  // U_REGEX_TIME_OUT
    public static let regexStackOverflow = ICUError(status: 66_324)  // U_REGEX_STACK_OVERFLOW
}

/// ICU's version string, e.g. "72.1".
public var icuVersion: String { versionText(mt_icu_version) }

/// The version of Unicode whose data ICU holds, e.g. "15.0".
public var unicodeVersion: String { versionText(mt_unicode_version) }

/// The text a version call writes into a buffer.
private func versionText(_ write: (UnsafeMutablePointer<CChar>?, Int32) -> Void) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    write(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

import CICU

/// Unicode properties as ICU's data defines them. ASCII, most of any text, is answered inline
/// (the same answers ICU gives) without a call into ICU.
public enum CharacterProperties {
    public static func isQuotationMark(_ c: UInt32) -> Bool { mt_is_quotation_mark(Int32(bitPattern: c)) }

    @inlinable public static func isAlphabetic(_ c: UInt32) -> Bool {
        c < 0x80 ? isASCIIUppercase(c) || isASCIILowercase(c) : mt_is_alphabetic(Int32(bitPattern: c))
    }

    @inlinable public static func isUppercase(_ c: UInt32) -> Bool {
        c < 0x80 ? isASCIIUppercase(c) : mt_is_uppercase(Int32(bitPattern: c))
    }

    @inlinable public static func isLowercase(_ c: UInt32) -> Bool {
        c < 0x80 ? isASCIILowercase(c) : mt_is_lowercase(Int32(bitPattern: c))
    }

    /// White_Space: in ASCII, tab to carriage return and the space.
    @inlinable public static func isWhiteSpace(_ c: UInt32) -> Bool {
        c < 0x80 ? c == 0x20 || (c >= 0x09 && c <= 0x0D) : mt_is_white_space(Int32(bitPattern: c))
    }

    @inlinable static func isASCIIUppercase(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
    @inlinable static func isASCIILowercase(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
    /// Terminal columns the character takes: 2 for East Asian wide, 0 for marks, else 1.
    public static func displayWidth(_ c: UInt32) -> Int { Int(mt_display_width(Int32(bitPattern: c))) }

    /// Display width of a string, for aligning carets under source lines.
    public static func displayWidth(_ s: some StringProtocol) -> Int {
        s.unicodeScalars.reduce(0) { $0 + displayWidth($1.value) }
    }
}

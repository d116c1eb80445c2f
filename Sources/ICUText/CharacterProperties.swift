import CICU

/// Unicode properties as ICU's data defines them.
public enum CharacterProperties {
    public static func isQuotationMark(_ c: UInt32) -> Bool { mt_is_quotation_mark(Int32(bitPattern: c)) }
    public static func isAlphabetic(_ c: UInt32) -> Bool { mt_is_alphabetic(Int32(bitPattern: c)) }
    public static func isUppercase(_ c: UInt32) -> Bool { mt_is_uppercase(Int32(bitPattern: c)) }
    public static func isLowercase(_ c: UInt32) -> Bool { mt_is_lowercase(Int32(bitPattern: c)) }
    public static func isWhiteSpace(_ c: UInt32) -> Bool { mt_is_white_space(Int32(bitPattern: c)) }
    /// Terminal columns the character takes: 2 for East Asian wide, 0 for marks, else 1.
    public static func displayWidth(_ c: UInt32) -> Int { Int(mt_display_width(Int32(bitPattern: c))) }

    /// Display width of a string, for aligning carets under source lines.
    public static func displayWidth(_ s: some StringProtocol) -> Int {
        s.unicodeScalars.reduce(0) { $0 + displayWidth($1.value) }
    }
}

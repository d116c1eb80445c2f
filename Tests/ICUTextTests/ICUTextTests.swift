import Testing
@testable import ICUText

@Suite struct ICUTextTests {
    @Test func convertsValidUTF8AndRefusesInvalid() throws {
        let good = Array("Zoë 👍🏽 北约".utf8)
        let text = try #require(good.withUnsafeBufferPointer { UTF16Text(utf8: $0) })
        #expect(text.string == "Zoë 👍🏽 北约")
        #expect(text.count == "Zoë 👍🏽 北约".utf16.count)
        let bad: [UInt8] = [0x61, 0xC3, 0x28]
        #expect(bad.withUnsafeBufferPointer { UTF16Text(utf8: $0) } == nil)
        let surrogate: [UInt8] = [0xED, 0xA0, 0x80]  // CESU-style U+D800 is not UTF-8
        #expect(surrogate.withUnsafeBufferPointer { UTF16Text(utf8: $0) } == nil)
    }

    @Test func substringsMatchTheStandardLibrarysDecoding() {
        // ASCII, two- and three-byte scalars, a surrogate pair, and lone surrogates (repaired to
        // U+FFFD as `String(decoding:as:)` repairs them), cut at every range.
        let units: [UInt16] = Array("a é € 😀 ü".utf16) + [0xD800, 0x41, 0xDC00, 0xD83D]
        let text = UTF16Text(units: units)
        for lower in 0...units.count {
            for upper in lower...units.count {
                let decoded = String(decoding: units[lower..<upper], as: UTF16.self)
                #expect(text.string(lower..<upper) == decoded, "range \(lower)..<\(upper)")
                #expect(text.utf8(lower..<upper) == Array(decoded.utf8), "bytes of \(lower)..<\(upper)")
            }
        }
    }

    @Test func sentenceBreaksKeepMisterTogetherWithStandardSuppressions() throws {
        let text = UTF16Text("Mr. Smith met Mrs. Jones. They talked.")
        let standard = try BreakIterator(kind: .sentence, locale: "en_US@ss=standard")
        let offsets = try standard.boundaries(of: text, in: 0..<text.count).offsets
        #expect(offsets == [0, 26, text.count])
        let plain = try BreakIterator(kind: .sentence, locale: "en_US")
        #expect(try plain.boundaries(of: text, in: 0..<text.count).offsets.count > 3)
    }

    /// Iterators are clones of one prototype per kind and locale: each keeps its own text and
    /// position, and the filter of `ss=standard` works in every clone, made on any thread.
    @Test func clonedIteratorsAreIndependentAndKeepTheSuppressions() async throws {
        let first = UTF16Text("Mr. Smith met Mrs. Jones. They talked.")
        let second = UTF16Text("Mr. Ng left. 👍 Then Mrs. Li came.")
        let a = try BreakIterator(kind: .sentence, locale: "en_US@ss=standard")
        let b = try BreakIterator(kind: .sentence, locale: "en_US@ss=standard")
        let firstOffsets = try a.boundaries(of: first, in: 0..<first.count).offsets
        let secondOffsets = try b.boundaries(of: second, in: 0..<second.count).offsets
        #expect(firstOffsets == [0, 26, first.count])
        #expect(secondOffsets == [0, 13, second.count])
        #expect(try a.boundaries(of: first, in: 0..<first.count).offsets == firstOffsets)
        let fromThreads = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let iterator = try BreakIterator(kind: .sentence, locale: "en_US@ss=standard")
                    return try iterator.boundaries(of: second, in: 0..<second.count).offsets
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(fromThreads == Array(repeating: secondOffsets, count: 8))
    }

    @Test func wordBreaksReportKinds() throws {
        let text = UTF16Text("He paid 35 euros.")
        let words = try BreakIterator(kind: .word, locale: "en_US")
        let (offsets, kinds) = try words.boundaries(of: text, in: 0..<text.count, withWordKinds: true)
        #expect(offsets == [0, 2, 3, 7, 8, 10, 11, 16, 17])
        #expect(kinds == [.letter, .none, .letter, .none, .number, .none, .letter, .none])
    }

    @Test func boundariesOfASubrangeComeBackInDocumentOffsets() throws {
        let text = UTF16Text("ab. Cd. Ef.")
        let iterator = try BreakIterator(kind: .sentence, locale: "en_US")
        #expect(try iterator.boundaries(of: text, in: 4..<11).offsets == [4, 8, 11])
    }

    @Test func regexFindsMatchesWithGroupsInARegion() throws {
        let regex = try Regex("(\\p{L}+) (”)")
        let text = UTF16Text("a b ” c d ”")
        let matches = try regex.matches(in: text, range: 0..<text.count)
        #expect(matches.map(\.range) == [2..<5, 8..<11])
        #expect(matches[0].groups[2] == 4..<5)
        try regex.reset(text)
        try regex.setRegion(6..<11)
        #expect(try regex.next()?.range == 8..<11)
        #expect(try regex.next() == nil)
    }

    @Test func regexCompileErrorsSayWhere() {
        #expect(throws: RegexCompileError.self) { try Regex("(unclosed") }
        do {
            _ = try Regex("ab[c")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.icuError.name.hasPrefix("U_REGEX"))
            #expect(error.reason.contains("U_REGEX"))
        }
    }

    @Test func catastrophicPatternStopsAtTheTimeLimit() throws {
        let regex = try Regex("(a+)+$")
        regex.setLimits(steps: 10, stackBytes: 1 << 20)
        let text = UTF16Text(String(repeating: "a", count: 40_000) + "b")
        #expect(throws: ICUError.self) { _ = try regex.matches(in: text) }
    }

    @Test func quotationMarkPropertyAndWidths() {
        for mark in ["\"", "“", "”", "«", "»", "„", "‘", "’"] {
            #expect(CharacterProperties.isQuotationMark(mark.unicodeScalars.first!.value), "\(mark)")
        }
        #expect(!CharacterProperties.isQuotationMark(0x61))
        #expect(CharacterProperties.displayWidth("北约") == 4)
        #expect(CharacterProperties.displayWidth("e\u{301}") == 1)
    }

    @Test func localeQuotesFromCLDR() throws {
        #expect(try LocaleQuotes(locale: "en_US") == LocaleQuotes(open: "“", close: "”", innerOpen: "‘", innerClose: "’"))
        #expect(try LocaleQuotes(locale: "de_DE").open == "„")
        #expect(try LocaleQuotes(locale: "fr_FR").open == "«")
    }

    @Test func latinASCIIFoldsAccents() throws {
        let fold = try Transliterator(id: "Latin-ASCII")
        #expect(try fold.apply("secrétaire général étrangères") == "secretaire general etrangeres")
    }

    @Test func nfcComposes() throws {
        #expect(try Normalization.nfc("e\u{301}") == "é")
    }

    /// The inline ASCII answers are the Unicode data's (beyond ASCII ICU answers, from its own
    /// Unicode version).
    @Test func characterPropertiesMatchUnicodeData() throws {
        for value in UInt32(0)..<0x80 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            #expect(CharacterProperties.isAlphabetic(value) == properties.isAlphabetic, "U+\(String(value, radix: 16))")
            #expect(CharacterProperties.isUppercase(value) == properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(CharacterProperties.isLowercase(value) == properties.isLowercase, "U+\(String(value, radix: 16))")
            #expect(CharacterProperties.isWhiteSpace(value) == properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}

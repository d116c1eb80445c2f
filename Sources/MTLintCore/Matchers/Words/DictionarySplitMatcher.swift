import ICUText
import WordTables

/// ```yaml
/// match:
///   dictionary-split:
///     dictionary: [dictionary/en.words, dictionary/news.words]   # .words files, laid out at build time
///     shapes: [lower-case, name-then-word, capital-then-word]    # default: all three
///     leading: words/leading.txt         # function words that may stand first (a file or a list)
///     trailing: words/trailing.txt       # function words that may stand second
///     name-trailing: words/name-trailing.txt   # words that may follow a name
///     min-part: 4                        # lower-case: letters of the part that is not a function word
///     min-name: 3                        # name-then-word: letters of the name
///     min-word: 5                        # capital-then-word: letters of the word after the capital
/// ```
///
/// Finds two words run together where a space was lost — by a scraper joining page blocks or
/// by machine translation dropping a comma or a quotation mark — by splitting a word that is
/// not in the dictionary into two that are. One pass over the text serves every shape:
///
/// - `lower-case` (`governmentthe`, `readyto`, `theextension`): a lower-case word that no
///   list has, with a seam that has a `leading` word first (`the`, `of`) or a `trailing`
///   word second (`to`, `either`), and on the other side a common word (listed in lower case)
///   of at least `min-part` letters or another function word. Function words are the joints:
///   closed compounds are made of content words (`policymaker`), so a compound the dictionary
///   lacks is not split. Words that start many derived words (`for`, `his`) are not leading,
///   words that end them (`her`) are not trailing. Capitalised words are left to the next
///   shape: too many names end in a function word.
/// - `name-then-word` (`Borraswhich`): a capitalised word no list has that ends in a
///   `name-trailing` word after at least `min-name` letters. The name need not be listed, so
///   the list must hold only words that do not end names (`which`, `where`; not `and`, `to`).
/// - `capital-then-word` (`GParliament`): at the start of a line or sentence, a capital letter
///   glued to a capitalised word whose lower-case form is a common word of at least `min-word`
///   letters, the whole not listed. Whether the letter is debris or a word (`IBelieve`) needs
///   a reader, so its fix is always unsafe.
///
/// A word is never split when it touches a digit, a combining mark or a letter of another
/// script, when an opening parenthesis follows it, or when the run of text around it (up to
/// white space) holds `/`, `@`, `#`, `\\`, `_`, `=`, a backtick, angle or curly brackets, or a
/// full stop followed by a letter: URLs, e-mail addresses, hashtags and handles, file names
/// and code stay as they are. Brand casing (`iPhone`, `YouTube`, `McDonald`) has none of the
/// shapes. Values: `${word}`, `${left}`, `${right}` (the two parts at the seam). When a word
/// has more than one seam, the one with the longest common word is reported and the fix is
/// made unsafe.
public struct DictionarySplitMatcherKind: MatcherKind {
    public static let key = "dictionary-split"
    static let ownKeys = ["dictionary", "shapes", "leading", "trailing", "name-trailing", "min-part", "min-name", "min-word"]

    public enum Shape: String, Sendable, CaseIterable {
        case lowerCase = "lower-case"
        case nameThenWord = "name-then-word"
        case capitalThenWord = "capital-then-word"
    }

    public let dictionary: WordLists
    public let shapes: Set<Shape>
    let leading: ShortWords
    let trailing: ShortWords
    let nameTrailing: ShortWords
    public let minPart: Int
    public let minName: Int
    public let minWord: Int

    public init(dictionary: WordLists, shapes: Set<Shape> = Set(Shape.allCases), leading: [String] = [], trailing: [String] = [],
                nameTrailing: [String] = [], minPart: Int = 4, minName: Int = 3, minWord: Int = 5) {
        self.dictionary = dictionary
        self.shapes = shapes
        self.leading = ShortWords(leading.map { $0.lowercased() })
        self.trailing = ShortWords(trailing.map { $0.lowercased() })
        self.nameTrailing = ShortWords(nameTrailing.map { $0.lowercased() })
        self.minPart = minPart
        self.minName = minName
        self.minWord = minWord
    }

    public static func decode(_ mapping: ConfigMapping, files: RuleFileResolver) throws(ConfigError) -> Self {
        let options = try mapping.required(key).matcherOptions(allowed: ownKeys)
        let dictionary = try WordLists.decode(try options.required("dictionary"), files: files)
        var shapes = Set(Shape.allCases)
        if let node = options["shapes"] {
            shapes = []
            for item in try node.list() { shapes.insert(try item.oneOf(Shape.self)) }
            guard !shapes.isEmpty else { throw ConfigError("shapes: the list is empty", at: node.mark) }
        }
        func words(_ option: String) throws(ConfigError) -> [String] {
            guard let node = options[option] else { return [] }
            return try ShortWords.decode(node, option: option, files: files).words
        }
        let leading = try words("leading"), trailing = try words("trailing"), nameTrailing = try words("name-trailing")
        if shapes.contains(.lowerCase), leading.isEmpty, trailing.isEmpty {
            throw ConfigError("the lower-case shape splits at listed words: give 'leading', 'trailing' or both", at: options.mark)
        }
        if shapes.contains(.nameThenWord), nameTrailing.isEmpty {
            throw ConfigError("the name-then-word shape splits before a listed word: give 'name-trailing'", at: options.mark)
        }
        return Self(dictionary: dictionary, shapes: shapes, leading: leading, trailing: trailing, nameTrailing: nameTrailing,
                    minPart: try options["min-part"]?.int(in: 1...20) ?? 4,
                    minName: try options["min-name"]?.int(in: 1...20) ?? 3,
                    minWord: try options["min-word"]?.int(in: 1...20) ?? 5)
    }

    public var valueNames: [String] { ["word", "left", "right"] }
    public var scopes: [Scope] { [.line, .paragraph] }

    public func makeMatcher() throws(ICUError) -> any Matcher { DictionarySplitMatcher(kind: self) }
}

final class DictionarySplitMatcher: Matcher {
    let kind: DictionarySplitMatcherKind
    private let lowerCase: Bool, names: Bool, capitals: Bool
    /// Keys of words recently found in the dictionary, by their high bits: most words of a
    /// text are frequent ones, and this spares their lookups in the large tables. A buffer of
    /// its own rather than an array property, so the hot loop pays no exclusivity checks.
    private let knownWords: UnsafeMutablePointer<UInt64>
    private static let knownSlots = 4096
    private let tables: [WordTable]

    init(kind: DictionarySplitMatcherKind) {
        self.kind = kind
        lowerCase = kind.shapes.contains(.lowerCase)
        names = kind.shapes.contains(.nameThenWord)
        capitals = kind.shapes.contains(.capitalThenWord)
        tables = kind.dictionary.tables
        knownWords = .allocate(capacity: Self.knownSlots)
        knownWords.initialize(repeating: 0, count: Self.knownSlots)
    }

    deinit { knownWords.deallocate() }

    /// The class of a UTF-16 unit for the word scan.
    enum UnitClass: UInt8 {
        /// Ends a word: space, punctuation, symbols.
        case boundary
        case lower
        case upper
        /// Part of a word that is never split: digits, combining marks, other scripts,
        /// uncased letters, surrogates.
        case taint
    }

    /// The class of a unit at or above U+0080 (ASCII is classified inline).
    static func unitClass(beyondASCII u: UInt16) -> UnitClass {
        if u < 0x250 { return UnitClass(rawValue: UInt8(truncatingIfNeeded: latinTable[Int(u)])) ?? .taint }
        if u >= 0x2000 && u < 0x2070 { return .boundary }  // General Punctuation: spaces, quotes, dashes
        return classify(u)
    }

    static func classify(_ u: UInt16) -> UnitClass {
        if UTF16.isSurrogate(u) { return .taint }
        guard let scalar = Unicode.Scalar(u) else { return .taint }
        let properties = scalar.properties
        if properties.isLowercase { return scalar.value < 0x0250 ? .lower : .taint }
        if properties.isUppercase { return scalar.value < 0x0250 ? .upper : .taint }
        if properties.isAlphabetic || properties.numericType != nil { return .taint }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return .taint
        default: return .boundary
        }
    }

    @inline(__always)
    static func unitClass(_ u: UInt16) -> UnitClass {
        if u < 0x80 {
            let folded = u | 0x20
            if folded >= 0x61 && folded <= 0x7A { return u & 0x20 != 0 ? .lower : .upper }
            return u >= 0x30 && u <= 0x39 ? .taint : .boundary
        }
        return unitClass(beyondASCII: u)
    }

    /// For each unit below U+0250 (Latin-1 and Latin Extended): its class in the low byte and
    /// its lower-case form above, so the scan classifies and folds Latin text with one table
    /// read per unit. Accented letters and the no-break space are frequent in translated text,
    /// and asking Unicode's properties for each costs more than the rest of the scan. Written
    /// out as a literal (see `LatinUnitTables`), so that no start works it out either.
    static var latinTable: [UInt32] { LatinUnitTables.dictionarySplit }

    /// `latinTable` worked out from Unicode's properties: what `LatinUnitTables` must hold.
    static func computedLatinTable() -> [UInt32] {
        (0..<0x250).map { unit in
            let u = UInt16(unit)
            let unitClass = u < 0x80 ? unitClass(u) : classify(u)
            let lowered = unitClass == .upper ? (u < 0x80 ? u | 0x20 : WordKey.lower(u)) : u
            return UInt32(unitClass.rawValue) | UInt32(lowered) << 8
        }
    }

    func run(on document: Document, segments: [Range<Int>], context: MatchContext, emit: (Match) -> Void) throws(ICUError) {
        let units = document.text.units
        Self.latinTable.withUnsafeBufferPointer { latin in
            /// The unit's class and lower-case form.
            @inline(__always) func look(_ u: UInt16) -> (UnitClass, UInt16) {
                if u < 0x250 {
                    let entry = latin[Int(u)]
                    return (UnitClass(rawValue: UInt8(truncatingIfNeeded: entry)) ?? .taint, UInt16(truncatingIfNeeded: entry >> 8))
                }
                let unitClass = Self.unitClass(beyondASCII: u)
                return (unitClass, unitClass == .upper ? WordKey.lower(u) : u)
            }
            for segment in segments {
                var i = segment.lowerBound
                let end = segment.upperBound
                while i < end {
                    var (unitClass, lowered) = look(units[i])
                    guard unitClass != .boundary else { i += 1; continue }
                    let start = i
                    var uppers = 0, upperAtStart = 0, tainted = false
                    var hash = WordKey.offset
                    repeat {
                        switch unitClass {
                        case .lower: break
                        case .upper:
                            if i - start == upperAtStart { upperAtStart += 1 }
                            uppers += 1
                        default: tainted = true
                        }
                        hash = WordKey.step(hash, lowered)
                        i += 1
                        if i < end { (unitClass, lowered) = look(units[i]) } else { unitClass = .boundary }
                    } while unitClass != .boundary
                    let length = i - start
                    guard !tainted, length >= 5, length <= 40 else { continue }
                    let shape: DictionarySplitMatcherKind.Shape
                    if uppers == 0, lowerCase {
                        shape = .lowerCase
                    } else if uppers == 1, upperAtStart == 1, names {
                        shape = .nameThenWord
                    } else if uppers == 2, upperAtStart == 2, capitals, length - 1 >= kind.minWord {
                        shape = .capitalThenWord
                    } else {
                        continue
                    }
                    guard !isKnown(hash) else { continue }
                    let word = start..<i
                    guard let seam = seam(of: word, shape: shape, in: units),
                          !Self.isCode(around: word, in: units, within: segment) else { continue }
                    if shape == .capitalThenWord, !Self.startsSentence(word.lowerBound, in: units, within: segment) { continue }
                    let left = document.string(word.lowerBound..<seam.position)
                    let right = document.string(seam.position..<word.upperBound)
                    emit(Match(range: word, values: ["word": left + right, "left": left, "right": right],
                               applicability: seam.unique && shape != .capitalThenWord ? nil : .unsafe))
                }
            }
        }
    }

    /// Whether the dictionary has the word of key `hash` (in any spelling).
    @inline(__always)
    private func isKnown(_ hash: UInt64) -> Bool {
        let slot = Int(truncatingIfNeeded: hash >> 52)
        if knownWords[slot] == hash { return true }
        for table in tables where table.flags(forKey: hash) != nil {
            knownWords[slot] = hash
            return true
        }
        return false
    }

    private func isCommon(_ hash: UInt64) -> Bool {
        kind.dictionary.flags(forKey: hash)?.contains(.common) ?? false
    }

    private static func hash(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var hash = WordKey.offset
        for index in range { hash = WordKey.step(hash, WordKey.lower(units[index])) }
        return hash
    }

    /// Where `word` splits into two words as the shape wants, and whether that is the only place.
    private func seam(of word: Range<Int>, shape: DictionarySplitMatcherKind.Shape,
                      in units: UnsafeBufferPointer<UInt16>) -> (position: Int, unique: Bool)? {
        let length = word.count
        switch shape {
        case .capitalThenWord:
            let right = word.lowerBound + 1..<word.upperBound
            return isCommon(Self.hash(units, right)) ? (right.lowerBound, true) : nil
        case .nameThenWord:
            var found: [Int] = []
            for jointLength in kind.nameTrailing.lengths where length - jointLength >= kind.minName {
                let position = word.upperBound - jointLength
                if kind.nameTrailing.contains(Self.hash(units, position..<word.upperBound)) { found.append(position) }
            }
            guard let best = found.min() else { return nil }
            return (best, found.count == 1)
        case .lowerCase:
            var found: [(position: Int, wordLength: Int)] = []
            var prefix = WordKey.offset
            for cut in 1..<length {
                let position = word.lowerBound + cut
                prefix = WordKey.step(prefix, WordKey.lower(units[position - 1]))
                let suffix = Self.hash(units, position..<word.upperBound)
                let leftJoint = kind.leading.contains(prefix)
                let rightJoint = kind.trailing.contains(suffix)
                guard leftJoint || rightJoint else { continue }
                // The other side: a common word, or a function word of either list (`tothe`).
                let leftWord = leftJoint || kind.trailing.contains(prefix) || (cut >= kind.minPart && isCommon(prefix))
                let rightWord = rightJoint || kind.leading.contains(suffix) || (length - cut >= kind.minPart && isCommon(suffix))
                if (leftJoint && rightWord) || (rightJoint && leftWord) {
                    found.append((position, max(leftJoint ? 0 : cut, rightJoint ? 0 : length - cut)))
                }
            }
            guard let best = found.max(by: { $0.wordLength < $1.wordLength }) else { return nil }
            return (best.position, found.count == 1)
        }
    }

    /// Whether `position` starts its line or follows sentence punctuation or a quotation mark
    /// and a space: where debris from a drop cap or a menu, or a glued `I` or `A`, stands.
    static func startsSentence(_ position: Int, in units: UnsafeBufferPointer<UInt16>, within segment: Range<Int>) -> Bool {
        var index = position
        while index > segment.lowerBound, units[index - 1] == 0x20 || units[index - 1] == 0x09 { index -= 1 }
        if index == segment.lowerBound || units[index - 1] == 0x0A || units[index - 1] == 0x0D { return true }
        guard index < position else { return false }
        switch units[index - 1] {
        case 0x2E, 0x21, 0x3F, 0x3A, 0x22, 0x201C, 0x201D, 0xAB, 0xBB: return true  // . ! ? : " “ ” « »
        default: return false
        }
    }

    /// Whether the run of text around `word`, up to white space, looks like a URL, an address,
    /// a handle, a file name or code.
    static func isCode(around word: Range<Int>, in units: UnsafeBufferPointer<UInt16>, within segment: Range<Int>) -> Bool {
        @inline(__always) func isSpace(_ u: UInt16) -> Bool {
            u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 || u == 0x202F || (u >= 0x2000 && u <= 0x200B)
        }
        var start = word.lowerBound
        while start > segment.lowerBound, !isSpace(units[start - 1]) { start -= 1 }
        var end = word.upperBound
        if end < segment.upperBound, units[end] == 0x28 { return true }  // a function call: `sizeof(`
        while end < segment.upperBound, !isSpace(units[end]) { end += 1 }
        for index in start..<end {
            switch units[index] {
            case 0x2F, 0x40, 0x23, 0x5C, 0x5F, 0x3D, 0x60, 0x3C, 0x3E, 0x7B, 0x7D:  // / @ # \ _ = ` < > { }
                return true
            case 0x2E:  // a full stop followed by a letter: a domain, a file name, dotted code
                if index + 1 < end, unitClass(units[index + 1]) == .lower || unitClass(units[index + 1]) == .upper { return true }
            default:
                break
            }
        }
        return false
    }
}

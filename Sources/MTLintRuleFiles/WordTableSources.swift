import ICUText
import MTLintCore
import WordTables

extension EmbeddedWordTables {
    /// The shipped word list at `path` (relative to Rules/), read in place; nil if none.
    static func table(at path: String) -> WordTable? {
        guard let entry = all.first(where: { $0.path == path }) else { return nil }
        return WordTable(static: entry.table)
    }
}

/// The values laid out from the shipped rule files when mtlint was built, which decoding them
/// reads back (see `LaidOutValues`).
struct ShippedLaidOutValues: LaidOutValues {
    /// The layouts of `EmbeddedLayouts.requirements` by case sensitivity and pattern.
    private static let requirementLayouts: [String: StaticString] = Dictionary(
        EmbeddedLayouts.requirements.map { ((($0.caseInsensitive ? "i" : "c") + $0.pattern), $0.layout) },
        uniquingKeysWith: { first, _ in first })

    /// The layouts of `EmbeddedLayouts.inlineSlots` by key.
    private static let inlineSlotLayouts: [String: StaticString] = Dictionary(
        EmbeddedLayouts.inlineSlots.map { ($0.key, $0.layout) }, uniquingKeysWith: { first, _ in first })

    /// Whether the laid-out requirements hold for an ICU of `unicodeVersion`: their digit sets
    /// are the building ICU's `Nd` (see `RequiredCharacters`), which a later Unicode version
    /// may extend, so under another version every shipped pattern is analysed afresh.
    static func requirementsApply(unicodeVersion: String) -> Bool { unicodeVersion == EmbeddedLayouts.unicodeVersion }
    private static let requirementsApplyHere = requirementsApply(unicodeVersion: ICUText.unicodeVersion)

    func requirement(ofPattern pattern: String, caseInsensitive: Bool) -> RequiredCharacters.Requirement? {
        guard Self.requirementsApplyHere else { return nil }
        return Self.requirementLayouts[(caseInsensitive ? "i" : "c") + pattern].flatMap(RequirementLayout.requirement(fromLayout:))
    }

    func slotLayout(ofInlineList entries: [String]) -> StaticString? {
        SlotListLayout.key(ofInlineList: entries).flatMap { Self.inlineSlotLayouts[$0] }
    }
}

extension EmbeddedLayouts {
    /// The value laid out at build time for `purpose` from the shipped list at `path`
    /// (relative to Rules/), read back from its layout; nil if none was.
    static func value(purpose: String, path: String) -> (any Sendable)? {
        guard let entry = lists.first(where: { $0.purpose == purpose && $0.path == path }) else { return nil }
        switch purpose {
        case FurnitureVocabularyLayout.purpose: return FurnitureVocabularyLayout.vocabulary(fromLayout: entry.layout)
        case SlotListLayout.purpose: return SlotListLayout.slot(fromLayout: entry.layout)
        default: return nil
        }
    }
}

/// Word lists from rule folders on disk, laid out once per path and text and shared by
/// every rule that names them.
enum DiskWordTables {
    private static let cache = Locked<[String: (text: String, table: WordTable)]>([:])

    static func table(path: String, text: String) -> WordTable {
        cache.withLock { known in
            if let entry = known[path], entry.text == text { return entry.table }
            let made = WordTable(words: WordTableBuilder.entries(ofFile: text))
            known[path] = (text, made)
            return made
        }
    }
}

/// A slot list (see `SlotPhraseMatcherKind.Slot`) written out when mtlint is built, so the
/// shipped slot lists are not split, normalised and planned at every start. EmbedRulesTool
/// lays out each list under Rules/ (`layout(ofList:)`) and each inline slot list of the
/// shipped rule files (`layout(ofEntries:)`, found by decoding them); the rule loader's
/// resolver hands the slot read back from a list's layout (`slot(fromLayout:)`) to the rules
/// that name the list, an inline list is looked up in its file's `LaidOutValues`, and lists
/// of rule files on disk are read from their text as before. Tests check that every shipped
/// list, in a file or inline, reads back as the slot made from its entries.
///
/// A layout is lines: `chunks phrases values firstWords anchors` (anchors -1: none), then the
/// phrases longest first, the values (`key` U+001F `value`), the first words and the anchors.
public enum SlotListLayout {
    /// What rules derive a slot from a list for (see `RuleFileResolver.derived`).
    public static let purpose = "slot"

    /// The layout of the slot a list's text makes, read as `WordListFile` reads a list; nil
    /// when the list makes none (decoding reports why, at run time) or holds the separator.
    public static func layout(ofList text: String) -> String? {
        layout(ofEntries: WordListFile.entries(of: ListLines.split(text)))
    }

    /// The layout of the slot that a list with these entries makes (a list file's entries, or
    /// an inline slot list's items); nil when they make none or hold the separator.
    public static func layout(ofEntries entries: [String]) -> String? {
        let here = ConfigNode(.scalar("", quoted: false), mark: ConfigMark(source: ConfigSource(path: "", text: ""), line: 1, column: 1))
        guard let slot = try? SlotPhraseMatcherKind.slot(lines: entries, at: here) else { return nil }
        guard let firstWords = slot.info.firstWords else { return nil }
        let strings = slot.phrases + slot.values.keys + slot.values.values + firstWords + (slot.info.anchors ?? [])
        guard !strings.contains(where: { $0.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x1F } }) else { return nil }
        let values = slot.values.sorted { $0.key < $1.key }.map { "\($0.key)\u{1F}\($0.value)" }
        let fields = slot.phrases + values + firstWords + (slot.info.anchors ?? [])
        let header = "\(slot.info.chunks) \(slot.phrases.count) \(values.count) \(firstWords.count) \(slot.info.anchors?.count ?? -1)"
        return ([header] + fields).joined(separator: "\n")
    }

    /// The key under which an inline slot list with these entries is laid out: the entries
    /// joined by U+001F; nil when an entry holds U+001F (such a list is not laid out).
    public static func key(ofInlineList entries: [String]) -> String? {
        guard !entries.contains(where: { $0.utf8.contains(0x1F) }) else { return nil }
        return entries.joined(separator: "\u{1F}")
    }

    /// The slot a layout holds (a `SlotPhraseMatcherKind.Slot`, which only this module names);
    /// nil for text that is not a layout.
    public static func slot(fromLayout layout: StaticString) -> (any Sendable)? {
        layout.withUTF8Buffer { slot(fromLayout: $0) }
    }

    static func slot(fromLayout bytes: UnsafeBufferPointer<UInt8>) -> SlotPhraseMatcherKind.Slot? {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let header = lines.first else { return nil }
        let counts = header.split(separator: UInt8(ascii: " ")).compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard counts.count == 5, counts[1] >= 0, counts[2] >= 0, counts[3] >= 0, counts[4] >= -1,
              lines.count == 1 + counts[1] + counts[2] + counts[3] + max(counts[4], 0) else { return nil }
        var rest = lines.dropFirst()
        func take(_ count: Int) -> [String] {
            defer { rest = rest.dropFirst(count) }
            return rest.prefix(count).map { String(decoding: $0, as: UTF8.self) }
        }
        let phrases = take(counts[1])
        var values: [String: String] = [:]
        values.reserveCapacity(counts[2])
        for pair in rest.prefix(counts[2]) {
            guard let split = pair.firstIndex(of: 0x1F) else { return nil }
            values[String(decoding: pair[..<split], as: UTF8.self)] = String(decoding: pair[(split + 1)...], as: UTF8.self)
        }
        rest = rest.dropFirst(counts[2])
        let firstWords = take(counts[3])
        let anchors = counts[4] < 0 ? nil : take(counts[4])
        return SlotPhraseMatcherKind.Slot(phrases: phrases, values: values,
                                          info: SlotPattern.SlotInfo(chunks: counts[0], firstWords: firstWords, anchors: anchors))
    }
}

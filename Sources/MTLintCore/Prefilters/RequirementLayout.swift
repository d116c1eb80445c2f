/// A pattern's requirement (see `RequiredCharacters`) written out when mtlint is built, so the
/// shipped patterns are not analysed at every start: EmbedRulesTool decodes the shipped rules
/// with this module, lays out the requirement of each pattern they analyse (`layout(of:)`),
/// and decoding a shipped rule reads it back (`requirement(fromLayout:)`, through
/// `LaidOutValues`). A test checks every shipped pattern's against a fresh analysis.
///
/// A layout is lines of ASCII: the characters, then the transitions, then the digit run (in
/// decimal), then the number of pairs followed by one line per pair (`first second gap
/// required`). A set is its units in 4 hex digits each, ascending, `.` when empty; `-` stands
/// for nil.
public enum RequirementLayout {
    public static func layout(of requirement: RequiredCharacters.Requirement) -> String {
        func units(_ set: Set<UInt16>) -> String { set.isEmpty ? "." : HexField.text(set) }
        var lines = [requirement.characters.map(units) ?? "-", requirement.transitions.map { units([$0]) } ?? "-",
                     requirement.digitRun.map { String($0) } ?? "-"]
        if let pairs = requirement.pairs {
            lines.append(String(pairs.count))
            lines += pairs.map { "\(units($0.first)) \(units($0.second)) \(units($0.gap)) \($0.gapRequired ? 1 : 0)" }
        } else {
            lines.append("-")
        }
        return lines.joined(separator: "\n")
    }

    /// The requirement a layout holds; nil for text that is not a layout.
    public static func requirement(fromLayout layout: StaticString) -> RequiredCharacters.Requirement? {
        layout.withUTF8Buffer { requirement(fromLayout: $0) }
    }

    static func requirement(fromLayout bytes: UnsafeBufferPointer<UInt8>) -> RequiredCharacters.Requirement? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 4 else { return nil }
        var requirement = RequiredCharacters.Requirement()
        if !isNil(lines[0]) {
            guard let characters = units(lines[0]) else { return nil }
            requirement.characters = characters
        }
        if !isNil(lines[1]) {
            guard let transitions = units(lines[1]), transitions.count == 1 else { return nil }
            requirement.transitions = transitions.first
        }
        if !isNil(lines[2]) {
            guard let run = Int(String(decoding: lines[2], as: UTF8.self)), run > 0 else { return nil }
            requirement.digitRun = run
        }
        if isNil(lines[3]) {
            guard lines.count == 4 else { return nil }
        } else {
            guard let count = Int(String(decoding: lines[3], as: UTF8.self)), count == lines.count - 4 else { return nil }
            var pairs: [RequiredCharacters.CharacterPair] = []
            for line in lines.dropFirst(4) {
                let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                guard fields.count == 4, let first = units(fields[0]), let second = units(fields[1]), let gap = units(fields[2]),
                      fields[3].count == 1, let required = fields[3].first, required == UInt8(ascii: "0") || required == UInt8(ascii: "1")
                else { return nil }
                pairs.append(RequiredCharacters.CharacterPair(first: first, second: second, gap: gap, gapRequired: required == UInt8(ascii: "1")))
            }
            requirement.pairs = pairs
        }
        return requirement
    }

    private static func isNil(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        field.count == 1 && field.first == UInt8(ascii: "-")
    }

    /// The units of a field of 4-digit hex numbers, or `.` for none; nil if it is neither.
    /// A large set is decoded once per process (`decodedSets`).
    private static func units(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Set<UInt16>? {
        if field.count == 1 && field.first == UInt8(ascii: ".") { return [] }
        guard !field.isEmpty else { return nil }
        guard field.count >= 256 else { return HexField.values(field, as: UInt16.self) }
        let text = String(decoding: field, as: UTF8.self)
        if let known = decodedSets.withLock({ $0[text] }) { return known }
        guard let made = HexField.values(field, as: UInt16.self) else { return nil }
        decodedSets.withLock { $0[text] = made }
        return made
    }

    /// Large sets by their field's text: the decimal digits (hundreds of units, each hashed into
    /// a `Set`) stand in the pairs of most number patterns.
    private static let decodedSets = Locked<[String: Set<UInt16>]>([:])
}

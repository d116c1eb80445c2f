import ICUText

/// A phrase list's regexes, one per first word, each holding the phrases that start with that
/// word, longest first. A regex's source is written the first time a document holds its
/// first word: most first words of a long list never occur in a given text, and a small file
/// should not pay for writing hundreds of patterns it never compiles.
final class PhraseRegexes: Sendable {
    /// The phrases by the hash of their first word (see `WordHash`).
    let groups: [UInt64: [String]]
    private let options: RegexOptions
    private let made: Locked<[UInt64: SharedRegex]>

    init(groups: [UInt64: [String]], options: RegexOptions) {
        self.groups = groups
        self.options = options
        made = Locked([:])
    }

    /// The regex for the phrases starting with the word `hash`, nil if none does.
    func regex(forFirstWord hash: UInt64) -> SharedRegex? {
        guard let phrases = groups[hash] else { return nil }
        return made.withLock { made in
            if let known = made[hash] { return known }
            let regex = Self.regex(for: phrases, options: options)
            made[hash] = regex
            return regex
        }
    }

    /// One regex for `phrases`: each on word boundaries, longest first (in Characters) so the
    /// longest listed phrase at a place wins.
    static func regex(for phrases: [String], options: RegexOptions) -> SharedRegex {
        // Each length counted once rather than per comparison.
        let longestFirst = phrases.map { ($0, $0.count) }.sorted { $0.1 > $1.1 }.map(\.0)
        return SharedRegex(trusted: "\\b(?:" + longestFirst.map(PhraseMatcherKind.regexSource).joined(separator: "|") + ")\\b",
                           options: options, analyze: false)
    }
}

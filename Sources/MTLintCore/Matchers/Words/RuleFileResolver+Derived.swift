extension RuleFileResolver {
    /// By default nothing is shared: `make` reads the lines of `name` every time (see
    /// `RuleFileResolver.derived(from:purpose:_:)`).
    public func derived<Value: Sendable>(from name: String, purpose: String,
                                         _ make: ([String]) throws(ConfigError) -> Value) throws(ConfigError) -> Value? {
        guard let lines = lines(of: name) else { return nil }
        return try make(lines)
    }
}

/// Values derived from data files (a word list's entries, a furniture vocabulary, a slot list),
/// made once per set of loaded rule files and shared by every rule file that names the same
/// file for the same purpose: several rules read the same label and verb lists, and laying a
/// list out is most of what decoding those rules costs at start-up.
///
/// Keyed by purpose and resolved path; only values made without error are kept, so a rule file
/// that names a broken list still gets its own error at its own position. Threads decoding
/// rule files at once may both make a value; the first one stored is the one kept.
public final class DerivedFileValues: Sendable {
    private let values = Locked<[String: any Sendable]>([:])

    public init() {}

    /// The value stored for `purpose` and `path`, else `make()`'s, stored.
    public func value<Value: Sendable>(purpose: String, path: String,
                                       _ make: () throws(ConfigError) -> Value?) throws(ConfigError) -> Value? {
        let key = purpose + "\u{0}" + path
        if let stored = values.withLock({ $0[key] }) as? Value { return stored }
        guard let made = try make() else { return nil }
        return values.withLock { values in
            if let stored = values[key] as? Value { return stored }
            values[key] = made
            return made
        }
    }
}

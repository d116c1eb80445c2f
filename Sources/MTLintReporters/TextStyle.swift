/// ANSI styling for terminal output; plain when disabled.
public struct TextStyle: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "1;31") }
    func yellow(_ s: String) -> String { wrap(s, "1;33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func blue(_ s: String) -> String { wrap(s, "1;34") }
}

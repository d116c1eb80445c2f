import Foundation
import Synchronization

/// A progress line on standard error for long runs: items done (files or records), megabytes
/// read and the rate. Shown only when standard error is a terminal (never with a capturing
/// console, never into a pipe or file), first after one second, then at most every 250 ms,
/// and erased when the run ends, so short runs and scripts never see it.
final class Progress: Sendable {
    private struct State {
        var items = 0
        var bytes = 0
        var lastDraw: UInt64 = 0
        var drawn = false
    }

    private let console: Console
    private let unit: String
    private let enabled: Bool
    private let started: UInt64
    private let state = Mutex(State())

    static let firstDelay: UInt64 = 1_000_000_000
    static let interval: UInt64 = 250_000_000

    /// `unit` names what is counted ("files", "records"). `streamsToTerminal`: the command
    /// writes its results as it goes to a terminal, where a progress line would mix with them.
    init(console: Console, unit: String, streamsToTerminal: Bool = false) {
        self.console = console
        self.unit = unit
        // The environment is read only for a terminal, and by name: `ProcessInfo`'s copy of
        // all of it cost a start 0.1 ms on the main thread.
        func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        self.enabled = console.isErrorTerminal && !streamsToTerminal && variable("TERM") != "dumb"
            && (variable("MTLINT_NO_PROGRESS") ?? "").isEmpty
        self.started = DispatchTime.now().uptimeNanoseconds
    }

    /// Counts `items` more done, holding `bytes` of input; redraws when due.
    func advance(items: Int = 1, bytes: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in
            state.items += items
            state.bytes += bytes
            guard now - started >= Self.firstDelay, now - state.lastDraw >= Self.interval else { return }
            state.lastDraw = now
            state.drawn = true
            console.err("\r\u{1B}[K" + line(state, now: now))
        }
    }

    /// Erases the line (if it was ever drawn).
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            if state.drawn { console.err("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    private func line(_ state: State, now: UInt64) -> String {
        let seconds = max(Double(now - started) / 1e9, 0.001)
        let megabytes = Double(state.bytes) / 1_000_000
        return "mtlint: \(state.items) \(unit), \(Self.format(megabytes)) MB, \(Self.format(megabytes / seconds)) MB/s"
    }

    private static func format(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f" : "%.1f", value)
    }
}

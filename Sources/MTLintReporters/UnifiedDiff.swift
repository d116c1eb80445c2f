/// A unified diff (`diff -u` style, 3 lines of context) between two texts, line by line,
/// with Myers' algorithm. Line breaks are part of the lines, so a changed line ending shows.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldPath: String, newPath: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = diff(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldPath)\n+++ \(newPath)\n"
        // Group into hunks around changes.
        var index = 0
        while index < script.count {
            guard let changeStart = script[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var hunkStart = max(index, changeStart - context)
            if hunkStart < index { hunkStart = index }
            var hunkEnd = changeStart
            var sameRun = 0
            var k = changeStart
            while k < script.count {
                if script[k].kind == .same {
                    sameRun += 1
                    if sameRun > 2 * context { break }
                } else {
                    sameRun = 0
                    hunkEnd = k
                }
                k += 1
            }
            let end = min(script.count, hunkEnd + 1 + context)
            let hunk = script[hunkStart..<end]
            let oldStart = (hunk.first?.oldIndex ?? 0) + 1
            let newStart = (hunk.first?.newIndex ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for step in hunk {
                let (sign, text) = switch step.kind {
                case .same: (" ", a[step.oldIndex])
                case .delete: ("-", a[step.oldIndex])
                case .insert: ("+", b[step.newIndex])
                }
                out += sign + text.replacing("\r\n", with: "␍\n").replacing("\r", with: "␍")
                if !text.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
            }
            index = end
        }
        return out
    }

    /// A run of lines that differ: the old lines (0-based) and the text that replaces them.
    public struct LineChange: Sendable, Equatable {
        public var oldLines: Range<Int>
        public var replacement: String
    }

    /// The old text's lines (each with its line break) and the runs of them that change, in
    /// order, as the diff above finds them: what an editor applies to turn `old` into `new`.
    public static func lineChanges(old: String, new: String) -> (oldLines: [String], changes: [LineChange]) {
        let a = lines(old), b = lines(new)
        var changes: [LineChange] = []
        var pending: (start: Int, end: Int, text: String)?
        for step in diff(a, b) {
            switch step.kind {
            case .same:
                if let run = pending { changes.append(LineChange(oldLines: run.start..<run.end, replacement: run.text)) }
                pending = nil
            case .delete:
                if pending == nil { pending = (step.oldIndex, step.oldIndex, "") }
                pending?.end = step.oldIndex + 1
            case .insert:
                if pending == nil { pending = (step.oldIndex, step.oldIndex, "") }
                pending?.text += b[step.newIndex]
            }
        }
        if let run = pending { changes.append(LineChange(oldLines: run.start..<run.end, replacement: run.text)) }
        return (a, changes)
    }

    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    enum Kind { case same, delete, insert }
    struct Step { var kind: Kind; var oldIndex: Int; var newIndex: Int }

    /// Myers' O(ND) shortest edit script (trace of the furthest-reaching paths, then a walk
    /// back from the end).
    static func diff(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count, maxD = n + m
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            trace.append(v)  // the paths after d - 1 moves
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : previous[offset + previousK]
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                steps.append(Step(kind: .same, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    steps.append(Step(kind: .insert, oldIndex: x, newIndex: previousY))
                } else {
                    steps.append(Step(kind: .delete, oldIndex: previousX, newIndex: y))
                }
            }
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }
}

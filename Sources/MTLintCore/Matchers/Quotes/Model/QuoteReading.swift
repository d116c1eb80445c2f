/// The cheapest well-formed reading of a document's quotation marks: for every mark, whether it
/// opens or closes a quotation (of which system, at which depth), reopens one continued from the
/// last paragraph, or belongs nowhere; and where the text lacks a mark. A small dynamic programme
/// over the marks in text order whose state is the stack of open quotations (at most three
/// deep): each step prices a mark's possible roles by its flanking characters and its glyph
/// (`QuoteCosts`), and block boundaries price carrying open quotations on.
struct QuoteReading: Sendable {
    enum Role: Sendable, Equatable {
        /// Opens a quotation of this system.
        case open(QuoteSystem)
        /// Closes the innermost quotation.
        case close
        /// Closes a quotation whose opening mark the text lacks.
        case closeUnopened
        /// Opens the paragraph of a quotation continued from the last one (English style).
        case reopen
        /// A mark that belongs to no quotation.
        case stray
        /// An apostrophe or an inch mark.
        case other
    }

    /// What happened to quotations open at the end of a block.
    struct Carry: Sendable, Equatable {
        /// The opening mark (token index) of the quotation.
        var opener: Int
        /// The block it was open at the end of.
        var block: Int
        /// Whether the next block starts by reopening it.
        var reopened: Bool
        /// Whether it opened at the very end of its block.
        var fromEdge: Bool
    }

    var tokens: [QuoteToken]
    var roles: [Role]
    /// For openers and closers: the token at the other end (nil when that end is missing).
    var partners: [Int?]
    /// Quotation depth inside each token's quotation (1: top level); 0 for stray marks.
    var depths: [Int]
    /// Opening marks (token index) whose quotation the text never closes, with the block it
    /// was last open in.
    var unclosed: [(opener: Int, block: Int)]
    /// Quotations carried from one block to the next.
    var carries: [Carry]
}

extension QuoteReading {
    /// One open quotation on the stack.
    struct Entry: Equatable {
        var size: QuoteSize
        var system: QuoteSystem
        /// Opened at the very end of its block.
        var edge: Bool
        var bits: UInt32 { UInt32(size.rawValue) | UInt32(system.rawValue) << 1 | (edge ? 1 << 4 : 0) }
        init(size: QuoteSize, system: QuoteSystem, edge: Bool) {
            self.size = size
            self.system = system
            self.edge = edge
        }
        @inline(__always) init(bits: UInt32) {
            size = QuoteSize(rawValue: UInt8(bits & 1)) ?? .double
            system = QuoteSystem(rawValue: UInt8((bits >> 1) & 7)) ?? .english
            edge = bits & (1 << 4) != 0
        }
    }

    /// A stack of at most three entries packed in 17 bits: depth, then 5 bits per entry.
    struct Stack: Hashable {
        var key: UInt32
        static let empty = Stack(key: 0)
        static let maxDepth = 3
        var depth: Int { Int(key & 3) }
        @inline(__always) func entry(_ level: Int) -> Entry { Entry(bits: (key >> (2 + 5 * UInt32(level))) & 31) }
        @inline(__always) var top: Entry? { depth > 0 ? entry(depth - 1) : nil }
        func pushing(_ entry: Entry) -> Stack? {
            guard depth < Self.maxDepth else { return nil }
            let cleared = key & ~UInt32(3)
            return Stack(key: cleared | entry.bits << (2 + 5 * UInt32(depth)) | UInt32(depth + 1))
        }
        func popping() -> Stack {
            guard depth > 0 else { return self }
            let level = depth - 1
            let mask = ~(UInt32(31) << (2 + 5 * UInt32(level)))
            return Stack(key: (key & mask & ~UInt32(3)) | UInt32(level))
        }
        /// The stack with the top entry's edge flag cleared (once it is carried or reopened).
        func settled() -> Stack {
            guard var entry = top, entry.edge else { return self }
            entry.edge = false
            return popping().pushing(entry) ?? self
        }
        func hasSingleInside() -> Bool { (0..<depth).contains { entry($0).size == .single } }
    }

    enum Step {
        case mark(Int, Role)
        case boundary(block: Int, carry: Bool)
    }

    /// One reading being extended: its stack, its cost so far, and its last step.
    struct State {
        var stack: Stack
        var cost: Double
        var path: Int
    }

    /// The search for the cheapest reading: the readings still open (the frontier), the steps
    /// they share, and the steps every remaining reading agrees on. A struct with mutating
    /// methods rather than local functions capturing variables, so that every access is checked
    /// when compiling (captured variables were checked at run time, at every step).
    struct Search {
        /// Kept sorted by stack, so equal costs always resolve the same way.
        var frontier = [State(stack: .empty, cost: 0, path: -1)]
        /// The readings one step further, built from the frontier.
        var next: [State] = []
        /// The steps of the readings still open, shared between them: each with its predecessor.
        var steps: [(step: Step, previous: Int)] = []
        /// The steps every remaining reading agrees on, in order.
        var settled: [Step] = []
        var chunk: [Step] = []

        init() { next.reserveCapacity(64) }

        mutating func extend(_ stack: Stack?, _ cost: Double, _ previous: Int, _ step: Step) {
            guard let stack else { return }
            if let known = next.firstIndex(where: { $0.stack == stack }) {
                guard cost < next[known].cost else { return }
                steps.append((step, previous))
                next[known].cost = cost
                next[known].path = steps.count - 1
            } else {
                steps.append((step, previous))
                next.append(State(stack: stack, cost: cost, path: steps.count - 1))
            }
        }

        /// Moves to `next`: drops readings far above the best, keeps at most 48, and when one
        /// reading is left, settles its steps (memory stays bounded by the marks since the last
        /// agreement).
        mutating func advance() {
            var best = Double.infinity
            for state in next where state.cost < best { best = state.cost }
            frontier.removeAll(keepingCapacity: true)
            for state in next where state.cost <= best + QuoteCosts.beam { frontier.append(state) }
            next.removeAll(keepingCapacity: true)
            if frontier.count > 48 {
                frontier.sort { ($0.cost, $0.stack.key) < ($1.cost, $1.stack.key) }
                frontier.removeSubrange(48...)
            }
            // By stack (keys are unique: `extend` merges equal stacks), so insertion sort gives
            // the order any sort would, without a sort's set-up for a handful of readings.
            if frontier.count > 1 {
                for i in 1..<frontier.count {
                    let state = frontier[i]
                    var j = i
                    while j > 0, frontier[j - 1].stack.key > state.stack.key {
                        frontier[j] = frontier[j - 1]
                        j -= 1
                    }
                    frontier[j] = state
                }
            }
            if frontier.count == 1 {
                chunk.removeAll(keepingCapacity: true)
                var cursor = frontier[0].path
                while cursor >= 0 {
                    chunk.append(steps[cursor].step)
                    cursor = steps[cursor].previous
                }
                settled.append(contentsOf: chunk.reversed())
                steps.removeAll(keepingCapacity: true)
                frontier[0].path = -1
            }
        }

        /// The readings at a block boundary: each open quotation is closed (its closing mark
        /// missing) or carried on into the next block.
        mutating func crossBoundary(after block: Int) {
            for state in frontier {
                let stack = state.stack
                guard stack.depth > 0 else { extend(stack, state.cost, state.path, .boundary(block: block, carry: false)); continue }
                // Close everything: the text lacks the closing marks.
                extend(.empty, state.cost + QuoteCosts.missingClosing * Double(stack.depth), state.path,
                       .boundary(block: block, carry: false))
                // Carry on into the next block. (A reopening mark at the next block's start
                // refunds the carry of one quotation: see `.reopen`.)
                let fromEdge = stack.top?.edge ?? false
                let top = fromEdge ? QuoteCosts.carriedFromEdge : QuoteCosts.carried
                let carry = top + QuoteCosts.carried * Double(stack.depth - 1)
                extend(fromEdge ? stack : stack.settled(), state.cost + carry, state.path, .boundary(block: block, carry: true))
            }
            advance()
        }

        /// The readings after mark `index`.
        mutating func read(_ token: QuoteToken, at index: Int, swedishDocument: Bool) {
            let prices = MarkPrices(token, swedishDocument: swedishDocument)
            for state in frontier {
                QuoteReading.options(for: token, prices: prices, on: state.stack, swedishDocument: swedishDocument) { role, cost, result in
                    extend(result, state.cost + cost, state.path, .mark(index, role))
                }
            }
            advance()
        }

        /// The steps of the cheapest reading once the marks are read: whatever is still open is
        /// unclosed.
        mutating func finish() -> [Step] {
            var best: State?
            for state in frontier {
                let cost = state.cost + QuoteCosts.missingClosing * Double(state.stack.depth)
                if let known = best, known.cost <= cost { continue }
                best = State(stack: state.stack, cost: cost, path: state.path)
            }
            chunk.removeAll()
            var cursor = best?.path ?? -1
            while cursor >= 0 {
                chunk.append(steps[cursor].step)
                cursor = steps[cursor].previous
            }
            return settled + chunk.reversed()
        }
    }

    /// Reads `tokens` (in text order) over `blockCount` blocks. `swedishDocument`: the document
    /// uses ” to open as well as to close, so ” opening is no slip.
    static func read(_ tokens: [QuoteToken], blockCount: Int, swedishDocument: Bool) -> QuoteReading {
        var search = Search()
        var currentBlock = tokens.first?.block ?? 0
        for (index, token) in tokens.enumerated() {
            // Block boundaries before this mark. With one reading and nothing open, a boundary
            // changes nothing (the replay skips it), so the blocks without marks are passed over.
            if search.frontier.count == 1, search.frontier[0].stack.depth == 0 { currentBlock = max(currentBlock, token.block) }
            while currentBlock < token.block {
                search.crossBoundary(after: currentBlock)
                currentBlock += 1
                if search.frontier.count == 1, search.frontier[0].stack.depth == 0 { currentBlock = max(currentBlock, token.block) }
            }
            search.read(token, at: index, swedishDocument: swedishDocument)
        }
        return replay(search.finish(), tokens: tokens)
    }

    /// What each role of a mark costs, worked out once per mark: the readings it extends differ
    /// only in whether a quotation is open, whether the innermost one opened at a paragraph's
    /// very end, and the innermost quotation's size and system (`options` adds those).
    struct MarkPrices {
        /// Opening: the flanking price and the turned glyph's, and the system and stack entry.
        var open: Double
        var system: QuoteSystem
        var entry: Entry
        var turned: Double
        /// Closing, by the stack: [nothing open, open, open from a paragraph's very end].
        var close: (Double, Double, Double)
        /// A closing mark with no opening one, by the stack as for `close`.
        var unopened: (Double, Double, Double)
        /// Neither, by the stack: [nothing open, something open].
        var stray: (Double, Double)

        init(_ token: QuoteToken, swedishDocument: Bool) {
            let glyph = token.glyph
            // Opening.
            var openCost = QuoteCosts.openBefore(token.before) + (token.endsBlock ? 1.5 : QuoteCosts.openAfter(token.after))
            // `word“ text`: one space on the wrong side, not two slips.
            if token.before == .word && token.after == .space { openCost = QuoteCosts.wrongSide }
            if token.introduced { openCost = max(0, openCost - QuoteCosts.introductionBonus) }
            if token.attributionFollows { openCost += 2 }
            // ” and ’ open only in Swedish text; elsewhere an opening ” is an English mark turned.
            system = glyph.drawnDirection < 0 && glyph.opens == [.swedish] && !swedishDocument ? .english : glyph.openingSystem ?? .english
            var turnedCost = 0.0
            if glyph.drawnDirection < 0 {
                turnedCost = glyph.scalar == 0xBB || glyph.scalar == 0x203A ? QuoteCosts.turned + 0.5 : swedishDocument ? 0.5 : QuoteCosts.turned
            }
            turned = turnedCost
            open = openCost + turnedCost
            entry = Entry(size: glyph.size, system: system, edge: token.endsBlock)

            // Closing, for each kind of stack.
            func closing(carriedEdge: Bool, depth: Int) -> Double {
                var closeBefore = token.opensBlock && carriedEdge ? QuoteCosts.carriedFromEdge : QuoteCosts.closeBefore(token.before)
                if token.opensBlock && !carriedEdge && depth > 0 { closeBefore = QuoteCosts.closeBefore(.edge) }
                var closeCost = closeBefore + QuoteCosts.closeAfter(token.after)
                // `text ”word`: one space on the wrong side.
                if token.before == .space && token.after == .word && !token.opensBlock { closeCost = QuoteCosts.wrongSide }
                if token.attributionFollows { closeCost = max(0, closeCost - QuoteCosts.attributionBonus) }
                if token.introduced { closeCost += 1 }
                // `”. very concrete ”`: a sentence does not go on in lower case after a closing
                // mark and a full stop.
                if token.splitContinuation { closeCost += QuoteCosts.splitEvidence }
                // A quotation opened at the very end of a paragraph is a split only if it closes
                // at the start of a later one.
                if carriedEdge && !token.opensBlock { closeCost += QuoteCosts.edgeNotClosedAtStart }
                return closeCost
            }
            func unopened(_ closeCost: Double, depth: Int) -> Double {
                // A paragraph that starts by closing: the paragraph before was the quotation,
                // split from its closing mark.
                var unopened = closeCost
                if token.opensBlock && depth == 0 {
                    unopened = 1 + QuoteCosts.closeAfter(token.after)
                    if token.attributionFollows { unopened -= QuoteCosts.attributionBonus }
                }
                if token.speechBefore { unopened -= QuoteCosts.speechBonus }
                return max(0, unopened) + MarkPrices.glyphCost(glyph, closing: .english) + QuoteCosts.missingOpening
            }
            close = (closing(carriedEdge: false, depth: 0), closing(carriedEdge: false, depth: 1), closing(carriedEdge: true, depth: 1))
            self.unopened = (unopened(close.0, depth: 0), unopened(close.1, depth: 1), unopened(close.2, depth: 1))

            // Neither.
            func stray(depth: Int) -> Double {
                var strayCost = glyph.size == .double ? QuoteCosts.strayDouble : QuoteCosts.straySingle
                if token.splitContinuation && depth > 0 { strayCost = QuoteCosts.splitStray }
                if token.attributionFollows { strayCost += 3 }
                if token.speechBefore && glyph.drawnDirection <= 0 { strayCost += 1 }
                // A mark that sits exactly as its glyph points (“ after a space and before a
                // word, ” after a word and before a space) is hard to call stray.
                let fitsOpening = glyph.drawnDirection > 0 && QuoteCosts.openBefore(token.before) == 0 && QuoteCosts.openAfter(token.after) == 0 && !token.endsBlock
                let fitsClosing = glyph.drawnDirection < 0 && QuoteCosts.closeBefore(token.before) == 0 && QuoteCosts.closeAfter(token.after) == 0 && !token.opensBlock
                if (fitsOpening || fitsClosing) && !token.splitContinuation { strayCost += QuoteCosts.strayFitting }
                return strayCost
            }
            self.stray = (stray(depth: 0), stray(depth: 1))
        }

        /// The glyph's price as the closing mark of a quotation of `system`.
        static func glyphCost(_ glyph: QuoteGlyph, closing system: QuoteSystem?) -> Double {
            if glyph.closes.isEmpty { return QuoteCosts.impossible }
            if let system, glyph.closes.contains(system) { return 0 }
            if glyph.drawnDirection > 0 { return glyph.scalar == 0xAB || glyph.scalar == 0x2039 ? 1.5 : QuoteCosts.turned }
            return QuoteCosts.mixedPair
        }
    }

    /// A mark's possible roles on a stack: (role, cost, resulting stack or nil when impossible),
    /// in a fixed order (ties go to the first).
    @inline(__always)
    static func options(for token: QuoteToken, prices: MarkPrices, on stack: Stack, swedishDocument: Bool,
                        _ result: (Role, Double, Stack?) -> Void) {
        let glyph = token.glyph
        let top = stack.top
        let carriedEdge = top?.edge ?? false
        let depth = stack.depth

        // Opening.
        let nested = depth > 0 && glyph.size == .double && top?.size == .double ? QuoteCosts.nestedDouble : 0
        let singleOutside = glyph.size == .single && depth == 0 ? 1.0 : 0
        result(.open(prices.system), prices.open + nested + singleOutside, stack.pushing(prices.entry))

        // Reopening a quotation carried from the last block.
        if token.opensBlock, depth > 0, let top, top.size == glyph.size, glyph.drawnDirection >= 0 || swedishDocument {
            let refund = top.edge ? QuoteCosts.carriedFromEdge : QuoteCosts.carried
            result(.reopen, QuoteCosts.continuation - refund + QuoteCosts.openAfter(token.after) + prices.turned, stack.settled())
        }

        // Closing.
        let closeCost = carriedEdge ? prices.close.2 : depth > 0 ? prices.close.1 : prices.close.0
        if let top, top.size == glyph.size {
            result(.close, closeCost + MarkPrices.glyphCost(glyph, closing: top.system), stack.popping())
        } else if top == nil || (glyph.size == .double && !stack.hasSingleInside()) {
            result(.closeUnopened, carriedEdge ? prices.unopened.2 : depth > 0 ? prices.unopened.1 : prices.unopened.0, stack)
        }

        // Neither.
        if token.mayBeOther {
            result(.other, QuoteCosts.other, stack)
        }
        result(.stray, depth > 0 ? prices.stray.1 : prices.stray.0, stack)
    }

    /// Replays the chosen steps, pairing the marks.
    static func replay(_ steps: [Step], tokens: [QuoteToken]) -> QuoteReading {
        var roles = [Role](repeating: .stray, count: tokens.count)
        var partners = [Int?](repeating: nil, count: tokens.count)
        var depths = [Int](repeating: 0, count: tokens.count)
        var carries: [Carry] = []
        var stack: [(token: Int, edge: Bool)] = []
        var pendingCarries: [Int] = []  // indices into carries awaiting a reopen
        for step in steps {
            switch step {
            case .boundary(let block, let carry):
                guard !stack.isEmpty else { continue }
                if carry {
                    for entry in stack {
                        carries.append(Carry(opener: entry.token, block: block, reopened: false, fromEdge: entry.edge))
                    }
                    pendingCarries = Array((carries.count - stack.count)..<carries.count)
                    stack = stack.map { ($0.token, false) }
                } else {
                    stack.removeAll()  // their closing marks are missing: see `unclosed`
                    pendingCarries = []
                }
            case .mark(let index, let role):
                roles[index] = role
                switch role {
                case .open:
                    stack.append((index, tokens[index].endsBlock))
                    depths[index] = stack.count
                case .close:
                    if let opener = stack.popLast() {
                        partners[index] = opener.token
                        partners[opener.token] = index
                        depths[index] = stack.count + 1
                    }
                case .closeUnopened:
                    depths[index] = stack.count + 1
                case .reopen:
                    depths[index] = stack.count
                    if let last = pendingCarries.last { carries[last].reopened = true }
                    if let top = stack.popLast() { stack.append((top.token, false)) }
                case .stray, .other:
                    break
                }
                if tokens[index].opensBlock == false || role != .reopen { pendingCarries = [] }
            }
        }
        // What is open at the end, and what was dropped at a boundary: unclosed.
        var lastCarried: [Int: Int] = [:]
        for carry in carries { lastCarried[carry.opener] = max(lastCarried[carry.opener] ?? 0, carry.block + 1) }
        var unclosed: [(opener: Int, block: Int)] = []
        for (index, role) in roles.enumerated() {
            if case .open = role, partners[index] == nil {
                unclosed.append((index, lastCarried[index] ?? tokens[index].block))
            }
        }
        return QuoteReading(tokens: tokens, roles: roles, partners: partners, depths: depths, unclosed: unclosed, carries: carries)
    }
}

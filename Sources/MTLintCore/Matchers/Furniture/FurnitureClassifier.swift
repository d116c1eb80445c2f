/// Scores every non-blank line of a document as page furniture or article text, in the spirit
/// of jusText (Pomikálek): each line's own features first (`FurnitureLine`), then where it
/// stands — the article's body lies between paragraphs of prose, furniture comes in blocks
/// before and after them — and its neighbours: a line next to furniture gains weight, round
/// after round, so a block of teasers, tags and bylines is taken whole while a heading between
/// two paragraphs stays text.
///
/// Lines that other rules report (labels, credits, slugs) are left out of regions and
/// neighbours, so fixing them away does not change how the other lines score, and a line's
/// score depends only on lines near it (regions within `regionWindow` judged lines, the
/// headline within the first `headWindow` lines, neighbours for `maxPasses` rounds): a large
/// file linted or fixed in parts with `reach` lines of context scores each line as the whole
/// file does.
struct FurnitureClassifier {
    let lexicon: FurnitureLexicon
    let weights: FurnitureWeights
    /// Documents (this one included) a line must stand in for `repeated`.
    let repeatDocuments: Int

    /// The document's non-blank lines, scored.
    func classify(_ document: Document, census: CorpusCensus?) -> [FurnitureLine] {
        let units = document.text.units
        var lines: [FurnitureLine] = []
        lines.reserveCapacity(document.lines.count / 2 + 1)
        for (index, line) in document.lines.enumerated() where !line.content.isEmpty {
            let trimmed = document.trimmed(line.content)
            guard !trimmed.isEmpty else { continue }
            lines.append(FurnitureLine(index: index, range: trimmed, units: units, lexicon: lexicon))
        }
        guard !lines.isEmpty else { return lines }

        // The lines the classifier judges, in order: lines other rules report (labels, credits,
        // slugs) are left out, so deleting them changes nothing here.
        let text = lines.indices.filter { lines[$0].elsewhere == nil }
        let firstProse = lines.firstIndex(where: \.isProse)
        // Body or edge: article text within `regionWindow` of these lines above and below —
        // prose, or a sentence of twelve words or more with nothing of furniture in it (the
        // short paragraphs of wire copy, a live blog, an interview).
        let evidence = Self.evidence
        func isText(_ line: FurnitureLine) -> Bool {
            line.isProse || (line.features.contains(.sentence) && line.words >= 12 && !evidence.contains(where: line.features.contains))
        }
        if lines.contains(where: \.isProse) {
            var lastProse: Int?  // position in `text` of the last prose line so far
            var nextProse = 0     // position in `text` of the next prose line
            for (position, i) in text.enumerated() {
                if lines[i].isProse {
                    lastProse = position
                    continue
                }
                if nextProse <= position {
                    nextProse = position + 1
                    while nextProse < text.count, !isText(lines[text[nextProse]]) { nextProse += 1 }
                }
                let above = lastProse.map { position - $0 <= Self.regionWindow } ?? false
                let below = nextProse < text.count && nextProse - position <= Self.regionWindow
                lines[i].features.insert(above && below ? .body : .edge)
                if isText(lines[i]) { lastProse = position }
            }
        }
        for i in lines.indices where lines[i].elsewhere == nil {
            if let census, let key = lines[i].repetitionKey, !lines[i].features.contains(.sentence),
               census.documents(holding: key) >= repeatDocuments {
                lines[i].features.insert(.repeated)
            }
        }
        // Captions: lines next to a photo credit.
        // A caption comes before its credit; after a credit, only a line that is not a sentence
        // is taken for one (a credit closes an image block, the article goes on after it).
        for i in lines.indices where lines[i].elsewhere == nil && !lines[i].isProse && lines[i].words <= 40 {
            let sentence = lines[i].features.contains(.sentence)
            let creditBelow = i + 1 < lines.count && lines[i + 1].elsewhere == .credit && adjacent(lines[i], lines[i + 1])
            let creditAbove = i > 0 && lines[i - 1].elsewhere == .credit && adjacent(lines[i - 1], lines[i])
            if (creditBelow && !(sentence && lines[i].words >= 12)) || (creditAbove && !sentence) {
                lines[i].features.insert(.nextToCredit)
            }
        }
        // Author boxes: a name, then a journalist's role on the next line.
        for (position, i) in text.enumerated() where position + 1 < text.count {
            let next = text[position + 1]
            if lines[i].features.contains(.personName), lines[next].features.contains(.role), adjacent(lines[i], lines[next]) {
                lines[i].features.insert(.authorBox)
                lines[next].features.insert(.authorBox)
            }
        }
        for i in lines.indices { lines[i].score = ownScore(lines[i]) }
        if let headline = headline(of: lines, before: firstProse, units: units) {
            lines[headline].features.insert(.headline)
            lines[headline].score = ownScore(lines[headline])
        }

        // Neighbours, until nothing changes: a block grows from its surest lines through the
        // lines next to it that come close to the threshold on their own (scores only grow, so
        // this ends; at most `maxPasses` rounds).
        let own = lines.map(\.score)
        var furniture = text.map { lines[$0].score >= weights.threshold }
        for _ in 0..<Self.maxPasses {
            for (position, i) in text.enumerated() where !lines[i].isProse {
                var count = 0
                if position > 0, furniture[position - 1] { count += 1 }
                if position + 1 < text.count, furniture[position + 1] { count += 1 }
                lines[i].features.remove(.neighbour)
                lines[i].score = own[i] + Double(count) * weights[.neighbour]
                if count > 0 { lines[i].features.insert(.neighbour) }
            }
            let next = text.map { lines[$0].score >= weights.threshold }
            if next == furniture { break }
            furniture = next
        }
        return lines
    }

    /// The headline: among the lines before the first paragraph of prose (all lines when there
    /// is none) and within the first `headWindow` lines, the first line of text of four words or more (else three) with nothing of
    /// furniture's vocabulary in it, not a caption next to a photo credit, not a cut copy ending
    /// in an ellipsis, and not ending a sentence when another line qualifies (a headline rarely
    /// ends in a full stop; a standfirst does). Site names and bylines above it stay furniture;
    /// the headline itself is protected.
    func headline(of lines: [FurnitureLine], before firstProse: Int?, units: UnsafeBufferPointer<UInt16>) -> Int? {
        var best: (index: Int, rank: Int)?
        for i in lines.indices.prefix(firstProse ?? lines.count) {
            let line = lines[i]
            guard line.index < Self.headWindow else { break }
            guard line.elsewhere == nil, !line.isProse, line.words >= 3, !Self.evidence.contains(where: line.features.contains),
                  !line.features.contains(.nextToCredit), !Self.endsWithEllipsis(units, line.range) else { continue }
            // Rank: four words or more first, then lines that do not end a sentence.
            let rank = (line.words >= 4 ? 0 : 2) + (line.features.contains(.sentence) ? 1 : 0)
            if best.map({ rank < $0.rank }) ?? true { best = (i, rank) }
            if rank == 0 { break }
        }
        return best?.index
    }

    /// Features of what a line says (not how it is written or where it stands).
    static let evidence: [FurnitureFeature] = [.teaser, .teaserAfterSpace, .containsLabel, .weakLabel, .phrase, .buttons, .byline,
                                               .role, .timeStamp, .siteName, .markup, .emptyItem, .initials, .repeated]

    static func endsWithEllipsis(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard let last = range.last else { return false }
        return units[last] == 0x2026 || (range.count >= 3 && units[last] == 0x2E && units[last - 1] == 0x2E && units[last - 2] == 0x2E)
    }

    /// Rounds of the neighbour feature.
    static let maxPasses = 4
    /// A prose paragraph within this many judged lines above and below puts a line in the body.
    static let regionWindow = 8
    /// The headline stands within the first this many lines.
    static let headWindow = 24
    /// How far a line's score reaches, in lines, for text with up to two blank lines between
    /// lines: what a part of a large file needs around it.
    static let reach = 3 * (regionWindow + maxPasses + 2) + headWindow

    /// Whether two non-blank lines are next to each other (for captions and credits).
    func adjacent(_ a: FurnitureLine, _ b: FurnitureLine) -> Bool { b.index - a.index <= 3 }

    /// The sum of the weights of the line's own features (neighbours aside).
    func ownScore(_ line: FurnitureLine) -> Double { line.features.score(weights) }

    /// Whether the line counts as furniture for its neighbours.
    func isFurniture(_ line: FurnitureLine) -> Bool {
        line.elsewhere != nil || line.score >= weights.threshold
    }

    /// The reasons a message gives: the features that raised the score most, strongest first.
    func reasons(_ line: FurnitureLine) -> String {
        let positive = line.features.all.filter { weights[$0] > 0 }.sorted { weights[$0] > weights[$1] }
        return positive.prefix(3).map(\.description).joined(separator: "; ")
    }
}

import Testing
@testable import MTLintCore
@testable import MTLintRuleFiles

/// The shipped page-furniture, credit, slug and title rules on texts of our own: each shape
/// of furniture the issue lists is found (with the rule that should find it), and the body text
/// that looks like it — headings, datelines, bylines in a sentence, lists — is left alone.
@Suite struct FurnitureShapesTests {
    static let packs = ["boilerplate", "credits", "slugs", "titles"]
    static let rules: [Rule] = ((try? RuleLoader.load()) ?? []).filter { packs.contains($0.pack) }

    /// A few paragraphs of article prose to stand around the shapes.
    static let paragraph1 = "The harbour authority said on Tuesday that the sea wall would be rebuilt before the winter, after storms breached it twice in January and flooded the old town."
    static let paragraph2 = "Work is due to start in April and to last eighteen months, the mayor told the council, adding that the cost would be shared with the regional government."
    static let paragraph3 = "Residents of the lower streets, who were evacuated twice last winter, welcomed the decision but asked for a temporary barrier until the work is finished."

    /// `(line, rule id)` of every finding of the furniture packs, 1-based lines.
    func findings(_ text: String) throws -> [(line: Int, rule: String)] {
        let document = Document(text)
        let result = try Linter(rules: Self.rules).lint(document)
        return result.findings.map { (document.location(of: $0.range.lowerBound).line, $0.ruleID) }
    }

    func flaggedLines(_ text: String) throws -> Set<Int> { Set(try findings(text).map(\.line)) }

    /// The article with `lines` between paragraphs 2 and 3, or after paragraph 3 when `tail`.
    func article(inserting lines: [String], tail: Bool = false, head: [String] = []) -> String {
        var parts = ["Harbour wall to be rebuilt before winter"] + head + [Self.paragraph1, Self.paragraph2]
        if !tail { parts += lines }
        parts.append(Self.paragraph3)
        if tail { parts += lines }
        return parts.joined(separator: "\n\n")
    }

    /// The 1-based line numbers the inserted lines get.
    func lineNumbers(of lines: [String], in text: String) -> Set<Int> {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Set(all.indices.filter { lines.contains(all[$0]) }.map { $0 + 1 })
    }

    @Test(arguments: [
        "Read also: Fishing quotas, the long quarrel",
        "ALSO SEE – Fishing quotas: the long quarrel between ports",
        "See Also:  Storm damage in the north is worse than thought",
        ">>> Relive the final night of the festival",
        "To listen also: The mayor explains the plan",
        "Read also Fishing quotas: the long quarrel",
        "Previous articleFishing quotas, the long quarrel",
        "PREV PHOTO – The old lighthouse after the storm",
        "Lire aussi : Les quotas de pêche",
        "Posted at 9:41 a.m.",
        "Video length: 2 min.",
        "Reading time : 1 min.",
        "Anna Berg 17 mins ago 2 min read",
        "example-news.pl 3 weeks ago",
        "By with AFP",
        "2024-03-05T08:01:26.322Z",
        "<p class = \"story-text\" data-id = \"21\">",
        "You have read 2 of your 5 free articles* Join today for unlimited access",
        "[ad_1]",
        "― Advertisement ―",
        "Back to top button",
        "Source link",
    ])
    func furnitureInsideTheArticleIsFound(_ line: String) throws {
        let text = article(inserting: [line])
        let number = try #require(lineNumbers(of: [line], in: text).first)
        #expect(try flaggedLines(text).contains(number), "\(line)")
    }

    /// Shapes that are furniture by where they stand: after the article's last paragraph.
    @Test(arguments: [
        "-",
        "Enjoy your first month for just £1",
        "Report typos and corrections to: [email protected].",
        "The Lindhaven Courier",
        "harbour storm wall council vote",
    ])
    func furnitureAfterTheArticleIsFound(_ line: String) throws {
        let text = article(inserting: [line], tail: true)
        let number = try #require(lineNumbers(of: [line], in: text).first)
        #expect(try flaggedLines(text).contains(number), "\(line)")
    }

    @Test(arguments: [true, false])
    func anAuthorBoxIsFoundAsABlock(tail: Bool) throws {
        let box = ["Anna Berg", "Business correspondent in Lindhaven", "• Follow I follow"]
        let text = article(inserting: box, tail: tail)
        #expect(try flaggedLines(text).isSuperset(of: lineNumbers(of: box, in: text)))
    }

    @Test func aRelatedBlockAfterTheLastParagraphIsFoundWhole() throws {
        let block = ["Politics", "The mayor wins the vote on the harbour budget", "Politics",
                     "Council rejects the motion on ferry fares", "• Harbour", "• Lindhaven City Council", "• Storms"]
        let text = article(inserting: block, tail: true)
        #expect(try flaggedLines(text) == lineNumbers(of: block, in: text))
    }

    @Test func aPaywallBlockIsFoundWhole() throws {
        let block = ["Subscribe to continue reading",
                     "Already a member? Log in Keep up with the news on the go with our digital pass",
                     "Analysis, opinion, newsletters: every story of the day on the screen you choose",
                     "The digital pass for € 6.50 a month See all our plans",
                     "Source link"]
        let text = article(inserting: block, tail: true)
        #expect(try flaggedLines(text) == lineNumbers(of: block, in: text))
    }

    @Test func aCaptionNextToItsCreditGoesWithIt() throws {
        let caption = ["The mayor, left, and the harbour master walk along the breached wall",
                       "(Image credit: Jane Doe)"]
        let text = article(inserting: caption, head: [])
        let flagged = try findings(text)
        #expect(Set(flagged.map(\.line)).isSuperset(of: lineNumbers(of: caption, in: text)))
    }

    @Test(arguments: [
        ("Rescue workers at the site of the landslide, May 3, 2024 / JANE DOE / AFP", "credits/caption-credit"),
        ("Volunteers clear the beach after the storm on Sunday. (Maria Rossi)", "credits/caption-credit"),
        ("Hospital admissions by week, as of May 3 (CITY RADIO)", "credits/caption-credit"),
        ("Zdjęcie: Minister finansów Jan Kowalski / PAP / Anna Nowak", "credits/caption-credit"),
        ("(Photo: Reuters)", "credits/credit-line"),
        ("b33c4be32d1c4b29403be2857c1fd819 - Harbour wall to be rebuilt", "slugs/file-name-slug"),
        ("202112170469 202112170469", "slugs/file-name-slug"),
        ("harbour-wall-to-be-rebuilt-before-winter", "slugs/file-name-slug"),
        ("648x415 mur du port reconstruit avant hiver", "slugs/image-size-slug"),
    ])
    func creditsAndSlugsAreFoundByTheirRule(_ line: String, _ rule: String) throws {
        let text = article(inserting: [line])
        let number = try #require(lineNumbers(of: [line], in: text).first)
        let flagged = try findings(text).filter { $0.line == number }
        #expect(flagged.map(\.rule) == [rule], "\(line): \(flagged)")
    }

    @Test func copiedHeadlinesAreFound() throws {
        let head = "Harbour wall to be rebuilt before winter"
        let cut = "Harbour wall to be rebuilt"
        let text = [head, head, cut, "HomeCoastHarbour wall to be rebuilt…", Self.paragraph1, Self.paragraph2].joined(separator: "\n\n")
        let flagged = try findings(text)
        #expect(flagged.contains { $0.line == 3 && $0.rule == "titles/duplicate-headline" })
        #expect(flagged.contains { $0.line == 5 && $0.rule == "titles/truncated-duplicate" })
        #expect(flagged.contains { $0.line == 7 && $0.rule == "titles/truncated-duplicate" })
        #expect(!flagged.contains { $0.line == 1 })
    }

    @Test func furnitureGluedIntoAParagraphIsFoundAndOnlyIt() throws {
        let glued = Self.paragraph1 + " Read also: Fishing quotas, the long quarrel “We will not wait,” the mayor said."
        let document = Document(article(inserting: [glued]))
        let result = try Linter(rules: Self.rules).lint(document)
        let inline = result.findings.filter { $0.ruleID == "boilerplate/inline-furniture" }
        #expect(inline.map { document.string($0.range) } == [" Read also: Fishing quotas, the long quarrel"])
        let credit = Document("The minister spoke for an hour. Photo: Wikimedia.org. Источник www.example.ru He left.")
        let found = try Linter(rules: Self.rules).lint(credit).findings.map { credit.string($0.range) }
        #expect(found == [" Photo: Wikimedia.org.", " Источник www.example.ru"])
    }

    @Test(arguments: [
        // Section headings inside the article body.
        ["Avoid the error of 2014"],
        ["A deal at the last minute"],
        ["“We must control the time”"],
        ["More than 144 hours of talks"],
        // A byline inside a sentence, a dateline opening a paragraph.
        ["By Tuesday, the council had agreed to pay for the barrier, according to a statement by the mayor."],
        ["LINDHAVEN (AFP) — The council voted on Tuesday to pay for a temporary barrier until the work is done."],
        // A list inside the article.
        ["The plan includes:", "• a new sea wall along the old town", "• pumps under the lower streets", "• a warning system for residents"],
        ["- a new sea wall along the old town", "- pumps under the lower streets"],
    ])
    func bodyTextIsLeftAlone(_ lines: [String]) throws {
        let found = try findings(article(inserting: lines))
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aLiveBlogWithTimesAndAnInterviewIsLeftAlone() throws {
        let text = """
            Live: the council debates the harbour budget

            Follow the debate as it happens.

            09:41

            \(Self.paragraph1)

            10:05

            The opposition leader said her group would not support a budget without money for the wall.

            11:30

            Interview with the harbour master

            Q: How bad is the damage to the wall after the storm?
            A: The wall is breached in three places and the quay is unsafe for the ferries.

            Related: the islands' council has asked the region for a second ship.

            The vote is expected this evening.
            """
        let found = try findings(text)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aDatelineOnItsOwnLineIsNotACredit() throws {
        let text = ["Council backs harbour plan", "LINDHAVEN, March 3 (Reuters) -", Self.paragraph1, Self.paragraph2].joined(separator: "\n\n")
        let found = try findings(text)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aHeadlineBylineAndAgencyCreditsAreLeftAlone() throws {
        let text = ["Harbour wall to be rebuilt before winter", "By Jane Smith", Self.paragraph1, Self.paragraph2, Self.paragraph3,
                    "(Reporting by Jane Smith; Editing by John Doe)"].joined(separator: "\n\n")
        let found = try findings(text)
        #expect(found.isEmpty, "\(found)")
    }

    /// A sentence that opens with a teaser's words and goes on after a comma is prose, and the
    /// lines around it are not pulled in with it.
    @Test func aSentenceOpeningWithTeaserWordsIsNotATeaser() throws {
        let line = "Next up, Harbour United travel to Northgate on Tuesday (7.45pm kick-off), while the mayor visits the docks."
        let text = article(inserting: [line], tail: true)
        let found = try findings(text)
        #expect(found.isEmpty, "\(found)")
        // With a separator it is a teaser.
        let teaser = "Next up: The council meets the port workers"
        #expect(try flaggedLines(article(inserting: [teaser], tail: true)) == lineNumbers(of: [teaser], in: article(inserting: [teaser], tail: true)))
    }

    /// A credit label names someone (`Photo: Jane Smith/AFP`); followed by a description it
    /// is a caption, and the sentence above it is not taken for one.
    @Test func aCreditLabelBeforeADescriptionIsNotACredit() throws {
        let lines = ["The Sea Wall (Harbour Press, £12) is published on Thursday.",
                     "Photograph: the old wall after the January storm."]
        let found = try findings(article(inserting: lines, tail: true))
        #expect(found.isEmpty, "\(found)")
        let credit = "Photograph: Jane Smith/AFP"
        let text = article(inserting: [credit], tail: true)
        #expect(try findings(text).contains { $0.rule.hasPrefix("credits/") })
    }
}

/// Word lists for the generator, written for it (invented names, generic news vocabulary).
struct Topic {
    var actors: [String]
    var objects: [String]
}

enum Words {
    static let topics: [Topic] = [
        Topic(actors: ["the finance ministry", "the central bank", "the budget committee", "the treasury",
                       "the opposition", "the employers' federation", "the statistics office"],
              objects: ["the new budget", "a fuel tax", "the pension reform", "interest rates", "the deficit",
                        "public spending", "the wage agreement", "a tax on windfall profits"]),
        Topic(actors: ["the defence ministry", "the allies", "the general staff", "the border guards",
                       "the foreign ministry", "the security council", "the coalition"],
              objects: ["the ceasefire", "the peace talks", "a prisoner exchange", "the air defences",
                        "the northern front", "new sanctions", "the supply corridor", "the arms package"]),
        Topic(actors: ["the health agency", "the hospital union", "the regional council", "the doctors' guild",
                       "the prefecture", "the education board"],
              objects: ["the vaccination drive", "the waiting lists", "the school calendar", "emergency wards",
                        "the staff shortage", "the new clinic", "the strike notice"]),
        Topic(actors: ["the port authority", "the rail operator", "the energy regulator", "the farmers' union",
                       "the city council", "the transport ministry"],
              objects: ["the harbour expansion", "the night trains", "electricity prices", "the grain exports",
                        "the ring road", "the water restrictions", "the ferry timetable", "the wind farm"]),
    ]

    static let firstNames = ["Marta", "Tomas", "Ilona", "Pavel", "Sofia", "Anders", "Leila", "Bruno", "Greta",
                             "Oskar", "Nadia", "Viktor", "Elena", "Jonas", "Irina", "Matteo", "Helga", "Rafael"]
    static let lastNames = ["Kovalenko", "Lindqvist", "Moreau", "Brandt", "Okafor", "Castell", "Varga", "Nyberg",
                            "Esposito", "Halloran", "Dubrov", "Tanaka", "Rinaldi", "Szabo", "Pereira", "Vogt"]
    static let titles = ["Minister", "Senator", "Mayor", "Governor", "General", "President", "Commissioner", "Dr"]
    static let agencies = ["AFP", "Reuters", "AP", "EPA", "Getty Images", "ANP", "dpa"]

    static let headlineVerbs = ["defends", "rejects", "backs", "delays", "questions", "announces", "warns over",
                                "signs off on", "calls for talks on", "pushes ahead with"]
    static let headlineTails = ["amid protests", "after late-night talks", "as deadline nears", "despite criticism",
                                "in surprise move", "before the summit", "under pressure", ""]

    static let verbs = ["announced", "approved", "criticised", "postponed", "defended", "reviewed", "confirmed",
                        "rejected", "discussed", "welcomed", "questioned", "outlined", "proposed", "suspended"]
    static let linking = ["rose to", "fell to", "reached", "stood at", "will cost", "is expected to reach",
                          "dropped below", "climbed above"]
    static let units = ["per cent", "million euros", "billion dollars", "kilometres", "tonnes", "people",
                        "households", "points", "days"]
    static let places = ["in the capital", "at the border", "in parliament", "near the coast", "in the north",
                         "in the southern provinces", "at the summit", "in the suburbs", "across the region",
                         "at a press conference", "on state television"]
    static let times = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "on Friday",
                        "over the weekend", "last month", "earlier this year", "this week", "in recent days"]
    static let sources = ["officials said", "according to the ministry", "a spokesperson confirmed",
                          "local media reported", "the agency said", "figures published on Monday showed",
                          "two sources told reporters", "a statement said"]
    static let bodies = ["government", "committee", "council", "agency", "union", "court", "commission"]

    static let quoteOpeners = ["we will not accept", "nobody expected", "this is about", "we have to protect",
                               "there is no plan for", "it is too early to judge", "people are tired of",
                               "we are ready to discuss"]
    static let quoteEnds = ["today", "at this stage", "for now", "without a vote", "in this form", "any longer",
                            "right now", "again"]
    static let pronouns = ["he", "she", "they", "the minister", "the mayor", "a spokesman"]
    static let said = ["said", "told reporters", "added", "insisted", "warned", "said on Tuesday"]

    /// Literal translations of French news idioms, as the calques rule pack lists them.
    static let calques = ["the head of Ukrainian diplomacy", "the military reinforcement",
                          "a meeting at the beginning of the afternoon"]
    /// Their idiomatic counterparts, which must not be flagged.
    static let fluent = ["Ukraine’s foreign minister", "the military build-up", "a meeting early in the afternoon"]

    /// Scraped page furniture, on a line of its own.
    static let furniture = ["- Advertisement -", "- Advertisment -", "Must read", "Latest news",
                            "You might also like", "Please enter your comment!"]

    /// Lower-case ASCII source-language words, as image file names carry them.
    static let slugWords = ["ministre", "secretaire", "general", "otan", "rencontre", "homologue", "bruxelles",
                            "sommet", "president", "conference", "presse", "frontiere", "manifestation",
                            "gouvernement", "accord", "2024", "reunion", "paris"]
}

import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

enum QuoteStyle: String, ExpressibleByArgument, CaseIterable {
    case locale, curly, straight
}

import ArgumentParser

enum InputFormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, plain, markdown, html
}

/// How inputs are read.
struct InputOptions: ParsableArguments {
    @Option(help: "Markup of the inputs: auto (by file extension; standard input is plain), plain, markdown or html.")
    var inputFormat: InputFormatChoice = InputSettings().inputFormat

    @Option(help: "Files processed in parallel (default: all cores).")
    var jobs: Int = InputSettings.allCores

    /// The values parsed, as plain values.
    var settings: InputSettings { InputSettings(inputFormat: inputFormat, jobs: jobs) }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

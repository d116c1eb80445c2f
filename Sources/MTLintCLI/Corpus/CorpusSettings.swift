/// Corpus mode's settings, as plain values: what `CorpusOptions` parses, or its defaults (no
/// corpus mode).
struct CorpusSettings: Equatable {
    /// The record field that holds each record's text; nil outside corpus mode.
    var field: String?
    /// The record field copied into each output line (lint).
    var idField = "id"
}

/// The output formats of `repro disclaimer`.
public enum DisclosureFormat: String, CaseIterable, Codable, Hashable, Sendable {
    case latex, markdown, text, json
}

/// What to emit besides the statement.
public struct StatementOptions: Hashable, Sendable {
    /// Add the table of artifacts with full digests.
    public var appendix: Bool
    /// LaTeX only: emit a preamble-safe file of `\newcommand`s instead (digests, limitations,
    /// their count, and `\reproStatement` / `\reproAppendix` holding the text itself).
    public var macros: Bool
    /// The paper's numbers for its labels, so text and Markdown say "Table 2" and
    /// consecutive tables become a range in every format.
    public var labelNumbers: LabelNumbers

    public init(appendix: Bool = false, macros: Bool = false, labelNumbers: LabelNumbers = LabelNumbers()) {
        self.appendix = appendix
        self.macros = macros
        self.labelNumbers = labelNumbers
    }
}

/// What one LaTeX source file holds for `repro coverage`: its labels, with the environment
/// or sectioning command they belong to, and the files it pulls in with `\input`/`\include`.
public struct PaperScan: Hashable, Sendable {
    /// A `\label{…}` outside comments, with what it labels.
    public struct Label: Hashable, Sendable {
        public var name: String
        /// 1-based line of the `\label`.
        public var line: Int
        /// Every environment open around the label, innermost last (`document` left out).
        public var environments: [String]
        /// The last sectioning command before the label (`section`, `subsection`, …), if any.
        public var sectioning: String?
    }

    /// An `\input{…}` or `\include{…}` outside comments.
    public struct Inclusion: Hashable, Sendable {
        public var target: String
        public var line: Int
        public var command: String
    }

    public var labels: [Label] = []
    public var inclusions: [Inclusion] = []
    /// Labels and inclusions in text order, so inclusions can be spliced in where they occur.
    public var items: [Item] = []

    public enum Item: Hashable, Sendable {
        case label(Label)
        case inclusion(Inclusion)
    }
}

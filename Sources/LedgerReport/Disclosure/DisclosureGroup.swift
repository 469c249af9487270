import LedgerCore

/// One paragraph of the statement: the experiments behind one section or table label (or
/// one unlabelled experiment), the artifacts they read, and what limits reproducing them.
public struct DisclosureGroup: Codable, Hashable, Sendable {
    /// The paper's label, e.g. `tab:ablation`; nil for an experiment recorded without one.
    public var section: String?
    public var experiments: [DisclosedExperiment]
    /// Artifacts the experiments read, in first-use order; failed runs' inputs are left out
    /// unless every run failed.
    public var artifacts: [ArtifactRef]
    /// Per artifact: its own limitations, then those inherited through lineage; code last.
    public var limitations: [Limitation]
    /// The most severe class among the group's results (failed runs are not results).
    public var reproducibility: Reproducibility
}

import LedgerCore

/// One thing that limits reproducing a result, with the evidence for saying so.
public struct Limitation: Codable, Hashable, Sendable {
    public var kind: LimitationKind
    /// The artifact the limitation is about; nil for code limitations.
    public var artifact: ArtifactRef?
    /// The experiment a code limitation is about.
    public var experiment: String?
    /// For a limitation inherited through lineage: the chain from the artifact the
    /// experiments used to `artifact`, both included (`[fine-tune, base]`). Empty when direct.
    public var lineage: [ArtifactRef]
    /// The experiments of the paragraph whose results it affects.
    public var experiments: [String]
    public var evidence: Evidence

    public init(kind: LimitationKind, artifact: ArtifactRef? = nil, experiment: String? = nil,
                lineage: [ArtifactRef] = [], experiments: [String] = [], evidence: Evidence) {
        self.kind = kind
        self.artifact = artifact
        self.experiment = experiment
        self.lineage = lineage
        self.experiments = experiments
        self.evidence = evidence
    }

    /// Identity of the limitation regardless of how it was reached: the same withdrawal
    /// stated directly and through a fine-tune is one limitation.
    public var key: Key {
        Key(kind: kind, artifact: artifact?.digest, experiment: experiment, license: evidence.license?.id)
    }

    public struct Key: Hashable, Sendable {
        public var kind: LimitationKind
        public var artifact: Digest?
        public var experiment: String?
        public var license: String?
    }
}

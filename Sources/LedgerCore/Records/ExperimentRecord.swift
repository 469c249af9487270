/// An artifact an experiment read or wrote, named as the researcher knows it.
public struct ArtifactUse: Codable, Hashable, Sendable {
    public var digest: Digest
    public var name: String
    /// Free-form role, e.g. `base-model`, `train`, `eval`.
    public var role: String?
    /// File, folder or LFS pointer: with `digest`, which artifact this is. Absent in records
    /// written before layouts were recorded in uses.
    public var layout: ArtifactLayout?
    /// For inputs: whether a copy on this machine was checked when the record was written.
    public var verification: InputVerification?
    /// For inputs of `repro run`: the digest of the copy when the command ended, present only
    /// when it differs from `digest` (the input changed during the run).
    public var digestAfterRun: Digest?

    public init(digest: Digest, name: String, role: String? = nil, layout: ArtifactLayout? = nil,
                verification: InputVerification? = nil, digestAfterRun: Digest? = nil) {
        self.digest = digest
        self.name = name
        self.role = role
        self.layout = layout
        self.verification = verification
        self.digestAfterRun = digestAfterRun
    }

    /// Which artifact this is; nil for uses recorded before layouts were.
    public var identity: ArtifactIdentity? { layout.map { ArtifactIdentity($0, digest) } }
}

/// One experiment: what it read, what it wrote, the code it ran, and how it ended.
public struct ExperimentRecord: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.experiment/1"

    public var schema = ExperimentRecord.currentSchema
    public var name: String
    public var ledger: String
    /// The paper's section or table label this result appears in, e.g. `tab:ablation`.
    public var section: String?
    public var inputs: [ArtifactUse]
    public var outputs: [ArtifactUse]
    public var code: CodeState
    /// argv of the command `repro run` ran; nil for `repro tag`.
    public var command: [String]?
    public var exitStatus: Int32?
    public var outcome: ExperimentOutcome
    public var startedAt: String
    public var endedAt: String?
    public var recordedBy: Agent
    public var note: String?
    /// The signal (`SIGTERM`, …) that interrupted a `repro run`; nil otherwise.
    public var interruptedBy: String?
    /// What the run used (time, CPU, memory, machine); nil for `repro tag` and older records.
    public var compute: ComputeRecord?
    /// Under `repro run --trace`: tracked artifacts the command opened for reading, declared or not.
    public var observedInputs: [ArtifactUse]?
    /// Under `repro run --trace`: declared inputs the command never opened.
    public var unopenedInputs: [ArtifactUse]?

    public init(name: String, ledger: String, section: String?, inputs: [ArtifactUse], outputs: [ArtifactUse],
                code: CodeState, command: [String]?, exitStatus: Int32?, outcome: ExperimentOutcome,
                startedAt: String, endedAt: String?, recordedBy: Agent, note: String?) {
        self.name = name
        self.ledger = ledger
        self.section = section
        self.inputs = inputs
        self.outputs = outputs
        self.code = code
        self.command = command
        self.exitStatus = exitStatus
        self.outcome = outcome
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.recordedBy = recordedBy
        self.note = note
    }
}

extension ExperimentRecord {
    /// Every digest the run read (declared or seen by a trace) or wrote, with repeats: what
    /// the index files for it, and where a scoped statement's closure starts.
    public var namedDigests: some Sequence<Digest> {
        [inputs, observedInputs ?? [], outputs].lazy.joined().map(\.digest)
    }
}

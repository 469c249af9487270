import LedgerCore

/// An experiment in scope, as the statement cites it.
///
/// It keeps the run it was read as and the analysis's one table of artifact names, and
/// answers its fields from them: a whole-ledger statement cites 100,000 experiments, and a
/// copy of each run's fields and input list was a fifth of its memory.
public struct DisclosedExperiment: Codable, Hashable, Sendable {
    /// The run behind it, for the analysis's list of artifacts in first-use order.
    let run: DisclosureRun
    private let names: ArtifactNames
    /// From this experiment's inputs through lineage; a failed run is classed too, but is no result.
    public var reproducibility: Reproducibility

    init(run: DisclosureRun, names: ArtifactNames, reproducibility: Reproducibility) {
        self.run = run
        self.names = names
        self.reproducibility = reproducibility
    }

    public var name: String { run.name }
    public var ledger: String { run.ledger }
    public var section: String? { run.section }
    public var outcome: ExperimentOutcome { run.outcome }
    public var startedAt: String { run.startedAt }
    public var code: CodeState { run.code }
    /// Each input under the name the statement cites it by.
    public var inputs: [ArtifactRef] { run.inputs.map { names.ref($0.digest) } }
    public var outputs: [ArtifactRef] { run.outputs.map { names.ref($0.digest) } }

    private enum CodingKeys: String, CodingKey {
        case name, ledger, section, outcome, startedAt, code, inputs, outputs, reproducibility
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(ledger, forKey: .ledger)
        try container.encodeIfPresent(section, forKey: .section)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(code, forKey: .code)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(outputs, forKey: .outputs)
        try container.encode(reproducibility, forKey: .reproducibility)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let inputs = try container.decode([ArtifactRef].self, forKey: .inputs)
        let outputs = try container.decode([ArtifactRef].self, forKey: .outputs)
        var table = RunTable.Builder()
        table.append(
            name: try container.decode(String.self, forKey: .name), ledger: try container.decode(String.self, forKey: .ledger),
            section: try container.decodeIfPresent(String.self, forKey: .section),
            inputs: inputs.map { ($0.digest, $0.name) }, outputs: outputs.map { ($0.digest, $0.name) },
            code: try container.decode(CodeState.self, forKey: .code),
            outcome: try container.decode(ExperimentOutcome.self, forKey: .outcome),
            startedAt: try container.decode(String.self, forKey: .startedAt), compute: nil)
        run = DisclosureRun(table: table.table(), index: 0)
        names = ArtifactNames(Dictionary((inputs + outputs).map { ($0.digest, $0.name) }, uniquingKeysWith: { first, _ in first }))
        reproducibility = try container.decode(Reproducibility.self, forKey: .reproducibility)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.name, lhs.ledger, lhs.section, lhs.outcome, lhs.startedAt) == (rhs.name, rhs.ledger, rhs.section, rhs.outcome, rhs.startedAt)
            && lhs.code == rhs.code && lhs.inputs == rhs.inputs && lhs.outputs == rhs.outputs
            && lhs.reproducibility == rhs.reproducibility
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(ledger)
        hasher.combine(startedAt)
    }
}

/// The name a statement cites each digest by: the latest artifact record's, else the first
/// name a run gave it, else the digest itself. One table, shared by every cited experiment,
/// with one reference per digest that every limitation and class citing it shares.
final class ArtifactNames: Sendable {
    private let refs: [Digest: ArtifactRef]

    init(_ names: [Digest: String]) {
        self.refs = Dictionary(uniqueKeysWithValues: names.map { ($0.key, ArtifactRef(name: $0.value, digest: $0.key)) })
    }

    func ref(_ digest: Digest) -> ArtifactRef {
        refs[digest] ?? ArtifactRef(name: digest.description, digest: digest)
    }
}

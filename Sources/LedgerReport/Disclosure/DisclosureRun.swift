import LedgerCore

/// The fields of an experiment record the analysis reads, and nothing else (the index takes
/// them out of the stored JSON; the command, agent and trace lists are never read), so a
/// whole-ledger statement holds 100,000 of these rather than 100,000 whole records. A class:
/// the scope's filters and paragraphs hold the same runs, and copy a pointer each.
public final class DisclosureRun: Sendable {
    /// An input or output: its digest, and the name the run gave it (the statement's name
    /// for a digest no artifact record describes).
    public struct Use: Sendable {
        public var digest: Digest
        public var name: String

        public init(digest: Digest, name: String) {
            self.digest = digest
            self.name = name
        }
    }

    public let name: String
    public let ledger: String
    public let section: String?
    public let inputs: [Use]
    public let outputs: [Use]
    public let code: CodeState
    public let outcome: ExperimentOutcome
    public let startedAt: String
    public var compute: ComputeRecord? { computeBox?.value }
    /// Boxed: inline, an absent record would still take a hundred bytes in each of 100,000 runs.
    private let computeBox: ComputeBox?

    private final class ComputeBox: Sendable {
        let value: ComputeRecord
        init(_ value: ComputeRecord) { self.value = value }
    }

    public init(name: String, ledger: String, section: String?, inputs: [Use], outputs: [Use], code: CodeState,
                outcome: ExperimentOutcome, startedAt: String, compute: ComputeRecord?) {
        self.name = name
        self.ledger = ledger
        self.section = section
        self.inputs = inputs
        self.outputs = outputs
        self.code = code
        self.outcome = outcome
        self.startedAt = startedAt
        computeBox = compute.map(ComputeBox.init)
    }

    public init(_ record: ExperimentRecord) {
        name = record.name
        ledger = record.ledger
        section = record.section
        inputs = record.inputs.map { Use(digest: $0.digest, name: $0.name) }
        outputs = record.outputs.map { Use(digest: $0.digest, name: $0.name) }
        code = record.code
        outcome = record.outcome
        startedAt = record.startedAt
        computeBox = record.compute.map(ComputeBox.init)
    }
}

extension DisclosureRun {
    /// Makes runs that share one copy of each digest and repeated text (ledger, section,
    /// commit, branch): a lab ledger's 100,000 runs name a few thousand artifacts, and each
    /// digest's text would otherwise be held once per use.
    public struct Sharing {
        private var digests: Set<Digest> = []
        private var texts: Set<String> = []

        public init() {}

        public mutating func run(_ record: ExperimentRecord) -> DisclosureRun {
            func uses(_ uses: [ArtifactUse]) -> [Use] {
                uses.map { Use(digest: digests.insert($0.digest).memberAfterInsert, name: $0.name) }
            }
            func text(_ value: String?) -> String? { value.map { texts.insert($0).memberAfterInsert } }
            var code = record.code
            code.commit = text(code.commit)
            code.branch = text(code.branch)
            return DisclosureRun(name: record.name, ledger: text(record.ledger)!, section: text(record.section),
                                 inputs: uses(record.inputs), outputs: uses(record.outputs), code: code,
                                 outcome: record.outcome, startedAt: record.startedAt, compute: record.compute)
        }
    }
}

/// What an analysis reads: the ledgers in scope, the runs of those ledgers in the snapshot's
/// order (start, name, record id), and the other records (artifacts, events, licenses).
public struct DisclosureInput: Sendable {
    public var ledgers: [String]
    /// Artifacts, events and licenses; its `experiments` are not read (see `runs`).
    public var records: LedgerSnapshot
    public var runs: [DisclosureRun]

    public init(ledgers: [String], records: LedgerSnapshot, runs: [DisclosureRun]) {
        self.ledgers = ledgers
        self.records = records
        self.runs = runs
    }

    /// The runs of a whole snapshot (the straightforward fold the index path is checked against).
    public init(snapshot: LedgerSnapshot) {
        var records = snapshot
        records.experiments = []
        self.init(ledgers: snapshot.ledgers, records: records, runs: snapshot.experiments.map { DisclosureRun($0.value) })
    }

    /// Runs as stored (with their record ids), put in the snapshot's order.
    public init(ledgers: [String], records: LedgerSnapshot, unsorted: [(run: DisclosureRun, id: Digest)]) {
        let sorted = unsorted.sorted { ($0.run.startedAt, $0.run.name, $0.id) < ($1.run.startedAt, $1.run.name, $1.id) }
        self.init(ledgers: ledgers, records: records, runs: sorted.map(\.run))
    }
}

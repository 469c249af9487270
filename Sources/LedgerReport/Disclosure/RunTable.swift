import LedgerCore

/// The fields of experiment records an analysis reads, column by column: each digest, text
/// (ledger, section, the name a run gave an artifact) and code state is stored once, and a
/// run holds small integers into those tables (and into the list of compute records). A whole-ledger statement
/// reads 100,000 runs; as objects with their own input lists they were 400 bytes each, the
/// larger part of the statement's memory.
public final class RunTable: Sendable {
    /// One run's fixed-size fields. `inputsEnd` and `outputsEnd` end its slices of `uses`
    /// (inputs start where the previous run's outputs end).
    struct Row: Sendable {
        var ledger: Int32
        var section: Int32
        var code: Int32
        var compute: Int32
        var inputsEnd: Int32
        var outputsEnd: Int32
        var outcome: ExperimentOutcome
    }

    /// An input or output: indexes into `digests` and `texts`.
    struct UseRef: Sendable {
        var digest: Int32
        var name: Int32
    }

    let rows: [Row]
    let names: [String]
    let startedAt: TextColumn
    let texts: [String]
    let digests: [Digest]
    let codes: [CodeState]
    let computes: [ComputeRecord]
    let uses: [UseRef]

    /// Every run added, in the order added.
    public var runs: [DisclosureRun] { rows.indices.map { DisclosureRun(table: self, index: $0) } }

    public var count: Int { rows.count }

    private init(_ builder: Builder) {
        rows = builder.rows
        names = builder.names
        startedAt = builder.startedAt
        texts = builder.texts.values
        digests = builder.digests.values
        codes = builder.codes.values
        computes = builder.computes
        uses = builder.uses
    }

    /// Adds runs one at a time, interning what repeats.
    public struct Builder {
        fileprivate var rows: [Row] = []
        fileprivate var names: [String] = []
        fileprivate var startedAt = TextColumn()
        fileprivate var texts = InternTable<String>()
        fileprivate var digests = InternTable<Digest>()
        fileprivate var codes = InternTable<CodeState>()
        fileprivate var computes: [ComputeRecord] = []
        fileprivate var uses: [UseRef] = []

        public init() {}

        public mutating func append(_ record: ExperimentRecord) {
            append(name: record.name, ledger: record.ledger, section: record.section,
                   inputs: record.inputs.lazy.map { ($0.digest, $0.name) }, outputs: record.outputs.lazy.map { ($0.digest, $0.name) },
                   code: record.code, outcome: record.outcome, startedAt: record.startedAt, compute: record.compute)
        }

        mutating func append(name: String, ledger: String, section: String?,
                             inputs: some Sequence<(digest: Digest, name: String)>, outputs: some Sequence<(digest: Digest, name: String)>,
                             code: CodeState, outcome: ExperimentOutcome, startedAt: String, compute: ComputeRecord?) {
            for use in inputs { uses.append(UseRef(digest: digests.id(use.digest), name: texts.id(use.name))) }
            let inputsEnd = Int32(uses.count)
            for use in outputs { uses.append(UseRef(digest: digests.id(use.digest), name: texts.id(use.name))) }
            var computeID: Int32 = -1
            if let compute {
                computeID = Int32(computes.count)
                computes.append(compute)
            }
            rows.append(Row(ledger: texts.id(ledger), section: section.map { texts.id($0) } ?? -1, code: codes.id(code),
                            compute: computeID, inputsEnd: inputsEnd, outputsEnd: Int32(uses.count), outcome: outcome))
            names.append(name)
            self.startedAt.append(startedAt)
        }

        /// The table of the runs added so far.
        public func table() -> RunTable { RunTable(self) }
    }
}

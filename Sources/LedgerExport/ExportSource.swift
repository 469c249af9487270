import LedgerCore

/// The records an export reads, without holding every experiment: the shared records
/// (artifacts, events, licenses, manifests, seals; tens of thousands at most) in memory,
/// the experiments (the bulk of a lab ledger) one at a time, in snapshot order.
public protocol ExportSource {
    var ledgers: [String] { get }
    /// Every record but the experiments, sorted as `LedgerSnapshot.sort()` sorts.
    func sharedRecords() throws -> LedgerSnapshot
    /// The ledgers' experiments in snapshot order (start time, name, id); a record filed in
    /// two ledgers is given once, under the first.
    func forEachExperiment(_ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws
    /// Every record id of the export, sorted, each once (the CycloneDX serial number's
    /// input), handed over one at a time.
    func forEachRecordID(_ body: (Digest) throws -> Void) throws
}

/// A snapshot in memory as an export source: the straightforward fold.
public struct SnapshotExportSource: ExportSource {
    public let snapshot: LedgerSnapshot

    public init(_ snapshot: LedgerSnapshot) {
        var snapshot = snapshot
        snapshot.sort()
        self.snapshot = snapshot
    }

    public var ledgers: [String] { snapshot.ledgers }

    public func sharedRecords() throws -> LedgerSnapshot {
        var shared = snapshot
        shared.experiments = []
        return shared
    }

    public func forEachExperiment(_ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws {
        var seen = Set<Digest>()
        for experiment in snapshot.experiments where seen.insert(experiment.id).inserted {
            try body(experiment)
        }
    }

    public func forEachRecordID(_ body: (Digest) throws -> Void) throws {
        var ids = snapshot.artifacts.map(\.id) + snapshot.events.map(\.id) + snapshot.experiments.map(\.id)
        ids += snapshot.manifests.map(\.id) + snapshot.licenses.map(\.id) + snapshot.seals.map(\.id)
        for id in Set(ids).sorted() { try body(id) }
    }
}

/// An exporter writes one document from a source; rendering a snapshot in memory is the
/// same pass into a buffer, written once here for every format.
public protocol DocumentExporter {
    func write(_ source: some ExportSource, to sink: TextSink) throws
}

extension DocumentExporter {
    /// The whole document as a string (`-o FILE`, tests): the snapshot streamed into memory.
    public func render(_ snapshot: LedgerSnapshot) throws -> String {
        let sink = TextSink()
        try write(SnapshotExportSource(snapshot), to: sink)
        return sink.text
    }
}

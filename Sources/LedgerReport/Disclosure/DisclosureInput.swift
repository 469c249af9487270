import LedgerCore

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
        var builder = RunTable.Builder()
        for entry in snapshot.experiments { builder.append(entry.value) }
        self.init(ledgers: snapshot.ledgers, records: records, runs: builder.table().runs)
    }

    /// The runs of `table` as stored, `ids[i]` the record id of its run `i`, put in the snapshot's order.
    public init(ledgers: [String], records: LedgerSnapshot, table: RunTable, ids: [Digest]) {
        precondition(ids.count == table.count, "one record id per run")
        let runs = table.runs
        let order = runs.indices.sorted {
            (runs[$0].startedAt, runs[$0].name, ids[$0]) < (runs[$1].startedAt, runs[$1].name, ids[$1])
        }
        self.init(ledgers: ledgers, records: records, runs: order.map { runs[$0] })
    }
}

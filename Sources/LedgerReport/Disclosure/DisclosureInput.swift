import LedgerCore

/// What an analysis reads: the ledgers in scope, the runs of those ledgers in the snapshot's
/// order (start, name, record id), and the other records (artifacts, events, licenses).
public struct DisclosureInput: Sendable {
    public var ledgers: [String]
    /// Artifacts, events and licenses; its `experiments` are not read (see `runs`).
    public var records: LedgerSnapshot
    public var runs: [DisclosureRun]

    init(ledgers: [String], records: LedgerSnapshot, runs: [DisclosureRun]) {
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
        // Compared on the table's columns: through each run's accessors, sorting 100,000 runs
        // spent most of its time retaining and releasing.
        let (started, names) = (table.startedAt, table.names)
        let order = (0..<table.count).sorted { a, b in
            if !started.equal(a, b) { return started.precedes(a, b) }
            if names[a] != names[b] { return names[a] < names[b] }
            return ids[a] < ids[b]
        }
        self.init(ledgers: ledgers, records: records, runs: order.map { DisclosureRun(table: table, index: $0) })
    }
}

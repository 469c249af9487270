import Foundation
import GRDB
import LedgerCore

extension RecordIndex {
    /// What a whole-ledger statement or checklist reads, in one pass and without a snapshot of
    /// every record: the artifacts, events and licenses of every ledger (shared knowledge), and
    /// each experiment of `ledgers` decoded as `Run`, a type that reads only the fields it
    /// needs from the stored JSON. Runs come with their record ids, in no particular order.
    /// Holds the same records as `snapshot(ledgers:)` for these types (seals and manifests
    /// are not read by a statement).
    public func statementRecords<Run: Decodable & Sendable>(ledgers: [String], runs _: Run.Type) throws
        -> (records: LedgerSnapshot, runs: [(run: Run, id: Digest)])
    {
        let records = try sortedSnapshot(ledgers: ledgers, where: "type IN ('artifact', 'availability', 'license')")
        let runs = try pool.read { db in
            var runs: [(run: Run, id: Digest)] = []
            try Self.decodeInBatches(try Row.fetchCursor(db, literal: """
                SELECT id, json FROM records WHERE type = 'experiment' AND ledger IN \(ledgers)
                """), as: Run.self) { runs.append(($0, $1)) }
            return runs
        }
        return (records, runs)
    }

    /// Decodes rows of (id, json) as `Value` a batch at a time on every core and hands each to
    /// `body` in row order; only one batch of stored bytes is held at a time.
    static func decodeInBatches<Value: Decodable & Sendable>(_ rows: RowCursor, as _: Value.Type,
                                                             _ body: (Value, Digest) throws -> Void) throws {
        var batch: [(id: Digest, json: Data)] = []
        func flush() throws {
            let decoded = ParallelMap.map(batch) { row -> Result<Value, IndexSnapshotError> in
                do {
                    return .success(try JSONDecoder().decode(Value.self, from: row.json))
                } catch {
                    return .failure(.undecodable(id: row.id.hex, reason: "\(error)"))
                }
            }
            for (row, result) in zip(batch, decoded) { try body(try result.get(), row.id) }
            batch.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            guard let id = Digest(parsing: row[0]) else {
                throw IndexSnapshotError.malformedRow(id: row[0], type: "experiment")
            }
            batch.append((id, row[1]))
            if batch.count == 2000 { try flush() }
        }
        try flush()
    }
}

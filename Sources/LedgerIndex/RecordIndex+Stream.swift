import Foundation
import GRDB
import LedgerCore

extension RecordIndex {
    /// Every indexed record but the experiments, as `snapshot(ledgers:)` would hold them:
    /// seals of `ledgers`, every other record from every ledger. Sorted.
    public func sharedRecords(ledgers: [String]) throws -> LedgerSnapshot {
        try sortedSnapshot(ledgers: ledgers, where: "type NOT IN ('experiment', 'seal') OR (type = 'seal' AND ledger IN \(ledgers))")
    }

    /// The experiments of `ledgers`, one at a time, in snapshot order (start time, name, id;
    /// then ledger), each record id once (under the first): what `snapshot(ledgers:)` holds,
    /// without holding it. Rows come in start order from the `experiments_time` index and
    /// are decoded a batch at a time on every core; runs that start in the same second are
    /// put in order among themselves.
    public func forEachExperiment(ledgers: [String],
                                  _ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, literal: """
                SELECT r.id, r.ledger, r.type, r.json FROM experiments x INDEXED BY experiments_time
                JOIN records r ON r.path = x.path
                WHERE x.ledger IN \(ledgers) ORDER BY x.started_at
                """)
            var same: [LedgerSnapshot.Entry<ExperimentRecord>] = []
            func emit() throws {
                same.sort { ($0.value.startedAt, $0.value.name, $0.id, $0.ledger) < ($1.value.startedAt, $1.value.name, $1.id, $1.ledger) }
                var seen = Set<Digest>()
                for entry in same where seen.insert(entry.id).inserted { try body(entry) }
                same.removeAll(keepingCapacity: true)
            }
            try Self.decodeInBatches(rows) { record, id, ledger in
                guard case .experiment(let value) = record else {
                    throw IndexSnapshotError.malformedRow(id: id.hex, type: "not an experiment")
                }
                if let first = same.first, first.value.startedAt != value.startedAt { try emit() }
                same.append(LedgerSnapshot.Entry(id: id, ledger: ledger, value: value))
            }
            try emit()
        }
    }

    /// Every record id `snapshot(ledgers:)` would hold, sorted, each once.
    public func recordIDs(ledgers: [String]) throws -> [Digest] {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, literal: """
                SELECT DISTINCT id FROM records WHERE type NOT IN ('experiment', 'seal') OR ledger IN \(ledgers)
                """)
            var digests: [Digest] = []
            while let row = try rows.next() {
                let id: String = row[0]
                guard let digest = Digest(parsing: id) else { throw IndexSnapshotError.malformedRow(id: id, type: "?") }
                digests.append(digest)
            }
            return digests.sorted()
        }
    }
}

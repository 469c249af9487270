import Foundation
import GRDB
import LedgerCore

extension RecordIndex {
    /// Every indexed record but the experiments, as `snapshot(ledgers:)` would hold them:
    /// seals of `ledgers`, every other record from every ledger. Sorted.
    /// Named by type, so SQLite looks them up through `records_type_time` instead of reading
    /// every experiment's row to skip it.
    public func sharedRecords(ledgers: [String]) throws -> LedgerSnapshot {
        try pool.read { db in
            try Self.streaming(db) {
                var snapshot = LedgerSnapshot(ledgers: ledgers)
                try Self.add(db, to: &snapshot, literal: """
                    SELECT id, ledger, type, json FROM records
                    WHERE type IN ('artifact', 'availability', 'license', 'manifest') OR (type = 'seal' AND ledger IN \(ledgers))
                    """)
                snapshot.sort()
                return snapshot
            }
        }
    }

    /// The experiments of `ledgers`, one at a time, in snapshot order (start time, name, id;
    /// then ledger), each record id once (under the first): what `snapshot(ledgers:)` holds,
    /// without holding it. Rows come in start order from the `experiments_time` index and
    /// are decoded on this thread (`ExperimentJSONReader`, `JSONDecoder` for what it leaves);
    /// runs that start in the same second are put in order among themselves. SQLite's page
    /// cache is kept small and nothing is memory-mapped while the rows stream past: each page
    /// is read once, and a mapped page would stay in the process's memory.
    public func forEachExperiment(ledgers: [String],
                                  _ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws {
        try pool.read { db in
            try Self.streaming(db) {
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
                while let row = try rows.next() {
                    let (value, id, ledger) = try Self.experiment(row)
                    if let first = same.first, first.value.startedAt != value.startedAt { try emit() }
                    same.append(LedgerSnapshot.Entry(id: id, ledger: ledger, value: value))
                }
                try emit()
            }
        }
    }

    /// One row of (id, ledger, type, json) as an experiment, decoded as `snapshot(ledgers:)`
    /// decodes it (same record, same errors).
    private static func experiment(_ row: Row) throws -> (ExperimentRecord, Digest, String) {
        let idText: String = row[0], typeText: String = row[2]
        guard let id = Digest(parsing: idText), let type = LedgerRecord.RecordType(rawValue: typeText) else {
            throw IndexSnapshotError.malformedRow(id: idText, type: typeText)
        }
        let ledger: String = row[1]
        // Read in place when the reader can; the bytes are copied only for JSONDecoder.
        if type == .experiment,
           let read = try row.withUnsafeData(atIndex: 3, { data in data?.withUnsafeBytes { ExperimentJSONReader.record($0) } }) {
            return (read, id, ledger)
        }
        guard case .experiment(let value) = try decode(StoredRow(id: id, ledger: ledger, type: type, json: row[3])).get() else {
            throw IndexSnapshotError.malformedRow(id: id.hex, type: "not an experiment")
        }
        return (value, id, ledger)
    }

    /// Runs `body` with a small page cache and no memory map on `db`, then restores both.
    static func streaming<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let mmap = try Int.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0
        try db.execute(sql: "PRAGMA cache_size = -2048; PRAGMA mmap_size = 0")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cache); PRAGMA mmap_size = \(mmap)") }
        return try body()
    }

    /// Every record id `snapshot(ledgers:)` would hold, sorted, each once, one at a time:
    /// read in order from the `records_id` index (no temporary B-tree for DISTINCT).
    public func forEachRecordID(ledgers: [String], _ body: (Digest) throws -> Void) throws {
        try pool.read { db in
            try Self.streaming(db) {
                let rows = try Row.fetchCursor(db, literal: """
                    SELECT id FROM records INDEXED BY records_id
                    WHERE type NOT IN ('experiment', 'seal') OR ledger IN \(ledgers) ORDER BY id
                    """)
                var previous: String?
                while let row = try rows.next() {
                    let id: String = row[0]
                    if id == previous { continue }
                    previous = id
                    guard let digest = Digest(parsing: id) else { throw IndexSnapshotError.malformedRow(id: id, type: "?") }
                    try body(digest)
                }
            }
        }
    }
}

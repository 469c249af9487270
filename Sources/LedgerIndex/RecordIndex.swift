import Foundation
import GRDB
import LedgerCore

/// The SQLite index of every record under `ledgers/`, refreshed incrementally.
///
/// Derived and never committed: `rebuild()` gives the same answers from scratch.
/// A record that does not parse or does not hash to its name is not indexed but
/// listed in `skipped`, so every command can keep working and say what it left out.
public final class RecordIndex: Sendable {
    let pool: DatabasePool
    public let store: LedgerStore

    /// Opens (creating if needed) the index at `url` for the ledgers of `store`.
    public init(url: URL, store: LedgerStore) throws {
        self.store = store
        pool = try IndexDatabase.open(at: url, migrator: IndexSchema.migrator)
    }

    /// What a refresh did.
    public struct RefreshSummary: Sendable, Equatable {
        public var added = 0
        public var removed = 0
        public var skipped: [SkippedRecord] = []
        /// Symlinks, FIFOs, devices and sockets met on the walk, never followed.
        public var unsafe: [UnsafeEntry] = []
    }

    /// A record file left out of the index, and why.
    public struct SkippedRecord: Sendable, Equatable, Codable {
        public var path: String
        public var reason: String
    }

    /// Brings the index up to date with the files; only folders whose mtime changed are listed again.
    @discardableResult
    public func refresh() throws -> RefreshSummary {
        do { return try IndexRefresher(index: self, full: false).run() } catch {
            throw IndexAccessError.mapping(error, path: pool.path)
        }
    }

    /// Drops everything and indexes every record again.
    @discardableResult
    public func rebuild() throws -> RefreshSummary {
        try pool.writeWithoutTransaction { db in
            // With foreign keys checked, SQLite deletes the rows of `records` (a parent table) one
            // by one, rewriting every page of a 400 MB index into the WAL; unchecked, every table
            // is emptied at once. Every table is emptied, so no reference is left dangling.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                for table in ["lineage", "experiment_artifacts", "artifacts", "events", "experiments", "manifests",
                              "records", "skipped", "scanned_folders"] {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
                return .commit
            }
        }
        return try IndexRefresher(index: self, full: true).run()
    }

    public func skippedRecords() throws -> [SkippedRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path, reason FROM skipped ORDER BY path").map {
                SkippedRecord(path: $0["path"], reason: $0["reason"])
            }
        }
    }
}

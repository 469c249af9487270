import Foundation
import GRDB
import LedgerCore

/// The SQLite index of every record under `ledgers/`, refreshed incrementally.
///
/// Derived and never committed: `RecordIndex.rebuild(at:store:)` gives the same answers from scratch.
/// A record that does not parse or does not hash to its name is not indexed but
/// listed in `skipped`, so every command can keep working and say what it left out.
public final class RecordIndex: Sendable {
    /// The live index is a `DatabasePool`; a rebuild fills a plain queue on a new file.
    let pool: any DatabaseWriter
    public let store: LedgerStore

    /// Opens (creating if needed) the index at `url` for the ledgers of `store`. A file this
    /// machine did not make (`IndexOrigin`) is rebuilt from the records before it is opened.
    public init(url: URL, store: LedgerStore) throws {
        self.store = store
        let existed = try OpenFolder.status(url.path, followingLinks: false) != nil
        if existed && !IndexOrigin.isMadeHere(path: url.path) {
            try Self.rebuild(at: url, store: store)
        }
        let pool = try IndexDatabase.open(at: url, migrator: IndexSchema.migrator)
        if !existed { try pool.write { try IndexOrigin.stamp($0, path: url.path) } }
        self.pool = pool
    }

    init(writer: any DatabaseWriter, store: LedgerStore) {
        self.store = store
        pool = writer
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

    public func skippedRecords() throws -> [SkippedRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path, reason FROM skipped ORDER BY path").map {
                SkippedRecord(path: $0["path"], reason: $0["reason"])
            }
        }
    }
}

import Foundation
import GRDB
import LedgerCore
import CSQLiteShim

extension RecordIndex {
    /// Indexes every record again into a new file beside the index at `url`, then renames it
    /// over the old one.
    ///
    /// The new file is filled with no journal and no fsync (a file nobody else reads need not
    /// survive a crash; a leftover one is deleted by the next rebuild), its secondary indexes
    /// are built after the rows, and it is synced once before the rename. Killed at any point,
    /// the folder holds the old index or the new one, each complete. Two rebuilds take turns.
    @discardableResult
    public static func rebuild(at url: URL, store: LedgerStore) throws -> RefreshSummary {
        let live = url.lastPathComponent
        let fresh = live + ".new"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let folder = try OpenFolder.at(url.deletingLastPathComponent().path, followingLinks: true)
            let turn = try folder.lockExclusively(live + ".reindex-lock")
            defer { withExtendedLifetime(turn) {} }
            try removeDatabaseFiles(fresh, in: folder)
            do {
                let summary = try build(at: url.deletingLastPathComponent().appendingPathComponent(fresh).path, store: store)
                try folder.syncFile(fresh)
                try swap(fresh, over: live, in: folder)
                return summary
            } catch {
                try? removeDatabaseFiles(fresh, in: folder)
                throw error
            }
        } catch {
            throw IndexAccessError.mapping(error, path: url.path)
        }
    }

    /// SQLite settings for filling a file only this process knows about. The page cache is
    /// bounded (10 MiB; building an index sorts in as much again) so that the rebuild stays
    /// within its memory target at any ledger size, and there is no mmap, whose pages would
    /// count as resident too. Pages that leave the cache go to the OS's page cache, not to disk:
    /// nothing is synced until the end. Foreign keys are not checked: every row is written
    /// from one record, after that record's own row.
    private static func bulkConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = false
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -10240")
        }
        return config
    }

    private static func build(at path: String, store: LedgerStore) throws -> RefreshSummary {
        let queue = try DatabaseQueue(path: path, configuration: bulkConfiguration())
        try IndexSchema.migrator.migrate(queue)
        // Renamed over the live index, this file keeps its inode: the stamp stays true.
        try queue.write { try IndexOrigin.stamp($0, path: path) }
        try queue.write(IndexSchema.dropSecondaryIndexes)
        let summary = try IndexRefresher(index: RecordIndex(writer: queue, store: store), full: true).run()
        try queue.writeWithoutTransaction { db in
            try IndexSchema.createSecondaryIndexes(db)
            // Readers open the index in WAL mode: switched here, it costs them nothing.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        // Closing checkpoints that switch into the file and deletes the new file's WAL.
        try queue.close()
        return summary
    }

    /// Renames `fresh` over `live` while holding the old index's exclusive lock, which SQLite
    /// gets only once no other connection has the old file open (each holds a shared lock
    /// while open); those that open it meanwhile wait, then see it was replaced
    /// (`IndexDatabase`) and open the new one. The old WAL is emptied into its file first and
    /// removed with the shared-memory file before the rename: the old index stays whole
    /// without them, and the new one must never be paired with the old one's WAL.
    private static func swap(_ fresh: String, over live: String, in folder: OpenFolder) throws {
        let old = try holdExclusively(folder.child(live))
        try folder.removeFileIfPresent(live + "-wal")
        try folder.removeFileIfPresent(live + "-shm")
        try folder.rename(fresh, to: live)
        folder.sync()
        try old?.close()
    }

    /// A connection holding the exclusive lock of the index at `path`, its WAL checkpointed
    /// and empty; nil when there is no index there, or nothing SQLite can open (then nobody
    /// else can use it either).
    private static func holdExclusively(_ path: String) throws -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.prepareDatabase { db in
            // Closing must never checkpoint or delete the WAL by name: by then the name is the new file's.
            _ = repro_sqlite3_no_checkpoint_on_close(db.sqliteConnection)
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
        }
        // SQLite does not wait for the exclusive lock of a WAL file (no busy handler there):
        // retried here for up to a minute, as long as other commands wait for each other.
        var attempt = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                try queue.writeWithoutTransaction { db in
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
                return queue
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                guard attempt < 600 else { throw error }
                attempt += 1
                usleep(100_000)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                return nil
            }
        }
    }

    /// Removes a database file and the journal, WAL and shared-memory files SQLite keeps beside it.
    private static func removeDatabaseFiles(_ name: String, in folder: OpenFolder) throws {
        for suffix in ["", "-journal", "-wal", "-shm"] { try folder.removeFileIfPresent(name + suffix) }
    }
}

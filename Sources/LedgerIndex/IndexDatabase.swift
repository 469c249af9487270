import Foundation
import GRDB
import CSQLiteShim

/// Settings shared by every SQLite file `repro` keeps under `.repro/`.
enum IndexDatabase {
    /// WAL (DatabasePool's default) lets readers run beside a writer; the busy
    /// timeout makes concurrent `repro` processes wait for each other instead of
    /// failing with "database is locked".
    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            // No checkpoint when the last connection closes. By default SQLite then copies the WAL
            // into the database and deletes it, and GRDB answers a missing WAL by creating and
            // dropping a table at the next open: a commit, a checkpoint and four fsyncs in every
            // command, even one that only reads. Writers still checkpoint as the WAL grows.
            let code = repro_sqlite3_no_checkpoint_on_close(db.sqliteConnection)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A 32 MiB page cache for the writer: with SQLite's 2 MiB default, indexing 100,000
            // records rewrote the same index pages hundreds of thousands of times. Readers serve
            // one command, whose pages stay in the system's page cache anyway: 8 MiB keeps a
            // lookup over thousands of runs (`affected` of a base model) within 128 MiB.
            try db.execute(sql: db.configuration.readonly ? "PRAGMA cache_size = -8192" : "PRAGMA cache_size = -32768")
            // Reads straight from the page cache instead of copying each page in: a fresh
            // `repro show` process otherwise spends most of its time in pread.
            try db.execute(sql: "PRAGMA mmap_size = 67108864")
            try refuseReplacedFile(db)
            // No file repro makes holds a trigger or a view: one in a cache that came from
            // elsewhere (a clone, a copy) could rewrite what repro writes. Refused, never run.
            if try foreignObjects(db) > 0 {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "it holds a trigger or view repro never creates")
            }
        }
        return config
    }

    /// Triggers and views in the file: none in any schema repro makes.
    static func foreignObjects(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')") ?? 0
    }

    /// `repro reindex` renames a new index over the old one while it holds the old file's
    /// exclusive lock. A process that opened the old file just before, and waited for the lock,
    /// would otherwise use that old file beside the new file's WAL (found by name) and corrupt
    /// it. A first read takes the shared lock, which a WAL connection keeps while it is open;
    /// from then on the file cannot be swapped, so the check is final. `open` retries on BUSY.
    private static func refuseReplacedFile(_ db: Database) throws {
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
        if repro_sqlite3_file_has_moved(db.sqliteConnection) != 0 {
            throw DatabaseError(resultCode: .SQLITE_BUSY, message: "the index was replaced while it was being opened")
        }
    }

    /// Opens (creating if needed) the database at `url` and brings its schema up to date.
    ///
    /// Two processes opening a new file at once race to switch it to WAL and to migrate
    /// it. SQLite answers the loser's lock upgrade with SQLITE_BUSY at once, without
    /// calling the busy handler (waiting could deadlock), so the loser backs off and
    /// retries; its retry finds the work done.
    static func open(at url: URL, migrator: DatabaseMigrator) throws -> DatabasePool {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var opened: DatabasePool?
        try retrying(when: [.SQLITE_BUSY, .SQLITE_LOCKED]) {
            opened = try DatabasePool(path: url.path, configuration: configuration())
        }
        let pool = opened!
        // Both may read the list of applied migrations before either writes: the loser's
        // CREATE TABLE fails (SQLITE_ERROR), or its record of a step already applied does
        // (SQLITE_CONSTRAINT). Whatever the error, the schema being complete means done.
        try retrying(when: [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_ERROR, .SQLITE_CONSTRAINT],
                     doneAnyway: { (try? pool.read(migrator.hasCompletedMigrations)) == true }) {
            try migrator.migrate(pool)
        }
        return pool
    }

    /// Runs `body` until it succeeds, backing off while it fails with one of `codes`
    /// (40 tries, about 6 s of sleep); stops early when `doneAnyway` says another
    /// process finished the work.
    private static func retrying(
        when codes: [ResultCode], doneAnyway: () -> Bool = { false }, _ body: () throws -> Void
    ) throws {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError {
                if doneAnyway() { return }
                guard attempt < 40, codes.contains(error.resultCode) else { throw error }
                attempt += 1
                usleep(useconds_t(10_000 * min(attempt, 20)))
            }
        }
    }
}

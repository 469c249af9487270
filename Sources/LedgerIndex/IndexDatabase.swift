import Foundation
import GRDB

/// Settings shared by every SQLite file `repro` keeps under `.repro/`.
enum IndexDatabase {
    /// WAL (DatabasePool's default) lets readers run beside a writer; the busy
    /// timeout makes concurrent `repro` processes wait for each other instead of
    /// failing with "database is locked".
    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A 32 MiB page cache: with SQLite's 2 MiB default, indexing 100,000 records
            // rewrote the same index pages hundreds of thousands of times.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Reads straight from the page cache instead of copying each page in: a fresh
            // `repro show` process otherwise spends most of its time in pread.
            try db.execute(sql: "PRAGMA mmap_size = 67108864")
        }
        return config
    }

    /// Applies migrations, tolerating another process doing the same at the same moment:
    /// both may see an empty schema, one wins, and the loser's retry finds the work done.
    static func migrate(_ migrator: DatabaseMigrator, _ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch is DatabaseError where attempt < 20 {
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }
}

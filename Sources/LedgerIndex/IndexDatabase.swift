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
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Reads straight from the page cache instead of copying each page in: a fresh
            // `repro show` process otherwise spends most of its time in pread.
            try db.execute(sql: "PRAGMA mmap_size = 67108864")
        }
        return config
    }
}

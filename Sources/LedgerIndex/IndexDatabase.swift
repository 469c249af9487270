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
        }
        return config
    }
}

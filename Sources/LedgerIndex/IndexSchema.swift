import GRDB

/// Tables of the derived record index. Everything here can be rebuilt from `ledgers/`.
enum IndexSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("records v1") { db in
            try db.execute(sql: """
                CREATE TABLE records (
                  path TEXT PRIMARY KEY,
                  id TEXT NOT NULL,
                  ledger TEXT NOT NULL,
                  type TEXT NOT NULL,
                  recorded_at TEXT NOT NULL,
                  json BLOB NOT NULL
                );
                CREATE INDEX records_id ON records(id);
                CREATE INDEX records_time ON records(recorded_at, id);
                CREATE TABLE artifacts (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  ledger TEXT NOT NULL,
                  digest TEXT NOT NULL,
                  name TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  recorded_at TEXT NOT NULL
                );
                CREATE INDEX artifacts_digest ON artifacts(digest);
                CREATE INDEX artifacts_name ON artifacts(name);
                CREATE TABLE lineage (
                  path TEXT NOT NULL REFERENCES records(path) ON DELETE CASCADE,
                  child TEXT NOT NULL,
                  parent TEXT NOT NULL
                );
                CREATE INDEX lineage_parent ON lineage(parent);
                CREATE INDEX lineage_child ON lineage(child);
                CREATE TABLE events (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  ledger TEXT NOT NULL,
                  digest TEXT NOT NULL,
                  status TEXT NOT NULL,
                  as_of TEXT NOT NULL
                );
                CREATE INDEX events_digest ON events(digest);
                CREATE TABLE experiments (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  ledger TEXT NOT NULL,
                  name TEXT NOT NULL,
                  section TEXT,
                  outcome TEXT NOT NULL,
                  started_at TEXT NOT NULL
                );
                CREATE INDEX experiments_name ON experiments(name);
                CREATE TABLE experiment_artifacts (
                  path TEXT NOT NULL REFERENCES records(path) ON DELETE CASCADE,
                  digest TEXT NOT NULL,
                  direction TEXT NOT NULL
                );
                CREATE INDEX experiment_artifacts_digest ON experiment_artifacts(digest);
                CREATE INDEX experiment_artifacts_path ON experiment_artifacts(path);
                CREATE TABLE manifests (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  folder TEXT NOT NULL
                );
                CREATE INDEX manifests_folder ON manifests(folder);
                CREATE TABLE skipped (
                  path TEXT PRIMARY KEY,
                  reason TEXT NOT NULL
                );
                CREATE TABLE scanned_folders (
                  path TEXT PRIMARY KEY,
                  mtime_ns INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("record lookups v2") { db in
            // Covering indexes: listing ledgers and counting or streaming one type never
            // touches the stored JSON.
            try db.execute(sql: """
                CREATE INDEX records_ledger_type ON records(ledger, type);
                CREATE INDEX records_type_time ON records(type, recorded_at, id);
                """)
        }
        migrator.registerMigration("covering lookups v3") { db in
            // `affected` and `show` on a base model used by thousands of runs: answered from
            // the indexes alone, without visiting the table rows.
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS experiment_artifacts_lookup ON experiment_artifacts(digest, direction, path);
                CREATE INDEX IF NOT EXISTS experiments_cover ON experiments(path, started_at, name, ledger, section);
                """)
        }
        migrator.registerMigration("lineage by record v4") { db in
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS lineage_path ON lineage(path)")
        }
        return migrator
    }()

    /// Every secondary index the migrations create, by name and definition. A bulk load
    /// drops them, inserts, and builds them again in one sorted pass: much faster than
    /// updating a dozen B-trees at random for each of 100,000 records.
    static let secondaryIndexes: [(name: String, definition: String)] = [
        ("records_id", "records(id)"),
        ("records_time", "records(recorded_at, id)"),
        ("records_ledger_type", "records(ledger, type)"),
        ("records_type_time", "records(type, recorded_at, id)"),
        ("artifacts_digest", "artifacts(digest)"),
        ("artifacts_name", "artifacts(name)"),
        ("lineage_parent", "lineage(parent)"),
        ("lineage_child", "lineage(child)"),
        ("lineage_path", "lineage(path)"),
        ("events_digest", "events(digest)"),
        ("experiments_name", "experiments(name)"),
        ("experiments_cover", "experiments(path, started_at, name, ledger, section)"),
        ("experiment_artifacts_digest", "experiment_artifacts(digest)"),
        ("experiment_artifacts_path", "experiment_artifacts(path)"),
        ("experiment_artifacts_lookup", "experiment_artifacts(digest, direction, path)"),
        ("manifests_folder", "manifests(folder)"),
    ]

    static func dropSecondaryIndexes(_ db: Database) throws {
        for index in secondaryIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
    }

    static func createSecondaryIndexes(_ db: Database) throws {
        for index in secondaryIndexes { try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(index.name) ON \(index.definition)") }
    }
}

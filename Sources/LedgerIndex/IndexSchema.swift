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
                CREATE TABLE artifacts (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  ledger TEXT NOT NULL,
                  digest TEXT NOT NULL,
                  name TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  recorded_at TEXT NOT NULL
                );
                CREATE TABLE lineage (
                  path TEXT NOT NULL REFERENCES records(path) ON DELETE CASCADE,
                  child TEXT NOT NULL,
                  parent TEXT NOT NULL
                );
                CREATE TABLE events (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  ledger TEXT NOT NULL,
                  digest TEXT NOT NULL,
                  status TEXT NOT NULL,
                  as_of TEXT NOT NULL
                );
                CREATE TABLE experiments (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  ledger TEXT NOT NULL,
                  name TEXT NOT NULL,
                  section TEXT,
                  outcome TEXT NOT NULL,
                  started_at TEXT NOT NULL
                );
                CREATE TABLE experiment_artifacts (
                  path TEXT NOT NULL REFERENCES records(path) ON DELETE CASCADE,
                  digest TEXT NOT NULL,
                  direction TEXT NOT NULL
                );
                CREATE TABLE manifests (
                  path TEXT PRIMARY KEY REFERENCES records(path) ON DELETE CASCADE,
                  folder TEXT NOT NULL
                );
                CREATE TABLE skipped (
                  path TEXT PRIMARY KEY,
                  reason TEXT NOT NULL
                );
                CREATE TABLE scanned_folders (
                  path TEXT PRIMARY KEY,
                  mtime_ns INTEGER NOT NULL
                );
                """)
            try createSecondaryIndexes(db)
        }
        migrator.registerMigration("record lookups v2") { db in try createSecondaryIndexes(db) }
        migrator.registerMigration("covering lookups v3") { db in try createSecondaryIndexes(db) }
        // Indexes are defined once, in `secondaryIndexes`; these later steps bring caches
        // created before an index was added up to date (CREATE INDEX IF NOT EXISTS).
        migrator.registerMigration("lineage by record v4") { db in try createSecondaryIndexes(db) }
        // Caches from before v5 forgot folders indexed within the racy window, so their
        // removal went unseen; remember every folder that holds an indexed record, to be
        // listed again (-1 matches no mtime) on the next refresh.
        migrator.registerMigration("every indexed folder remembered v5") { db in
            for table in ["records", "skipped"] {
                // A record path ends in "/<64 hex>.json": 70 characters after its folder.
                try db.execute(sql: """
                    INSERT OR REPLACE INTO scanned_folders (path, mtime_ns)
                    SELECT DISTINCT substr(path, 1, length(path) - 70), -1 FROM \(table)
                    """)
            }
        }
        // Scoped statements select runs by name OR section: with both indexed, SQLite looks up
        // each side instead of scanning every experiment.
        migrator.registerMigration("experiments by section v6") { db in try createSecondaryIndexes(db) }
        // Whole-ledger exports stream the experiments in start order through this index.
        migrator.registerMigration("experiments by start v7") { db in try createSecondaryIndexes(db) }
        // `experiment_artifacts_lookup` (digest, direction, path) answers every lookup by digest:
        // the index on digest alone was 5% of the file at 100k, written and sorted for nothing.
        migrator.registerMigration("no separate digest index v8") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS experiment_artifacts_digest")
        }
        // Which file the index was made in (`IndexOrigin`): an index from elsewhere is rebuilt.
        migrator.registerMigration("origin stamp v9") { db in try IndexOrigin.createTable(db) }
        // A scoped statement walks lineage from thousands of digests and looks up their
        // artifact records: indexes that hold the parent and the path answer each step
        // without reading the table row.
        migrator.registerMigration("covering closure lookups v10") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS lineage_child")
            try db.execute(sql: "DROP INDEX IF EXISTS artifacts_digest")
            try createSecondaryIndexes(db)
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
        ("artifacts_digest_path", "artifacts(digest, path)"),
        ("artifacts_name", "artifacts(name)"),
        ("lineage_parent", "lineage(parent)"),
        ("lineage_child_parent", "lineage(child, parent)"),
        ("lineage_path", "lineage(path)"),
        ("events_digest", "events(digest)"),
        ("experiments_name", "experiments(name)"),
        ("experiments_section", "experiments(section)"),
        ("experiments_cover", "experiments(path, started_at, name, ledger, section)"),
        ("experiments_time", "experiments(started_at)"),
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

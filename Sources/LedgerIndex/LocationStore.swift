import Foundation
import GRDB
import LedgerCore

/// Where this machine keeps copies of recorded artifacts outside the work tree
/// (`.repro/locations.sqlite`, never committed).
///
/// Records travel between machines and say only what an artifact is and where it
/// comes from; an absolute path means something on one machine only, so it lives
/// here. Unlike the index and the hash cache this file cannot be rebuilt from the
/// ledgers: deleting it makes `verify` report those copies as "no copy on this
/// machine" until `repro track` or `repro locate` names them again.
public final class LocationStore {
    private let pool: DatabasePool

    /// Opens or creates the store at `url`, creating its folder if needed.
    public init(url: URL) throws {
        pool = try IndexDatabase.open(at: url, migrator: Self.migrator)
    }

    /// Remembers that `path` (absolute) holds the bytes of `digest` on this machine.
    public func remember(_ digest: Digest, at path: String, on date: String) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO locations (digest, path, remembered_at) VALUES (?, ?, ?)
                ON CONFLICT (digest, path) DO UPDATE SET remembered_at = excluded.remembered_at
                """, arguments: [digest.description, path, date])
        }
    }

    /// The paths remembered for `digest`, most recently remembered first.
    public func paths(of digest: Digest) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT path FROM locations WHERE digest = ? ORDER BY remembered_at DESC, path",
                                arguments: [digest.description])
        }
    }

    private static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("locations v1") { db in
            try db.execute(sql: """
                CREATE TABLE locations (
                  digest TEXT NOT NULL,
                  path TEXT NOT NULL,
                  remembered_at TEXT NOT NULL,
                  PRIMARY KEY (digest, path)
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }()
}

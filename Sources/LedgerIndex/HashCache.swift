import Foundation
import GRDB
import LedgerCore

/// The SQLite hash cache: file digests keyed by device and inode, trusted only
/// while size, mtime and ctime (nanoseconds) are unchanged and the entry is not racy.
///
/// It is a cache: deleting the file loses nothing but time. Several `repro`
/// processes may share it; WAL and a busy timeout keep them from failing with
/// "database is locked".
public final class HashCache: DigestCache {
    /// An entry whose file changed less than this long before it was read may hide a
    /// same-size write in the same timestamp tick (git's "racy" problem); it is
    /// re-hashed next time. Two seconds covers the coarsest common file systems.
    public static let defaultRacyWindowNanoseconds: Int64 = 2_000_000_000

    private let pool: DatabasePool
    private let racyWindowNanoseconds: Int64

    /// Opens or creates the cache at `url`, creating its folder if needed.
    public init(url: URL, racyWindowNanoseconds: Int64 = HashCache.defaultRacyWindowNanoseconds) throws {
        self.racyWindowNanoseconds = racyWindowNanoseconds
        pool = try IndexDatabase.open(at: url, migrator: Self.migrator)
    }

    /// The racy-timestamp rule: an entry is trusted only when the file's last change
    /// happened well before the moment it was read.
    public func isRacy(identity: FileIdentity, hashedAtNanoseconds: Int64) -> Bool {
        identity.lastChangeNanoseconds + racyWindowNanoseconds >= hashedAtNanoseconds
    }

    public func digests(for identities: [FileIdentity]) throws -> [FileIdentity: Digest] {
        if identities.isEmpty { return [:] }
        var found: [FileIdentity: Digest] = [:]
        found.reserveCapacity(identities.count)
        try pool.read { db in
            func accept(_ identity: FileIdentity, _ row: Row) {
                let stored = FileIdentity(device: identity.device, inode: identity.inode, size: row[0],
                                          modifiedNanoseconds: row[1], changedNanoseconds: row[2])
                guard stored == identity, !isRacy(identity: stored, hashedAtNanoseconds: row[4]),
                      let digest = try? row.withUnsafeData(atIndex: 3, { $0?.withUnsafeBytes { Digest(bytes: $0) } })
                else { return }
                found[identity] = digest
            }
            let entries = try Int.fetchOne(db, sql: "SELECT count(*) FROM hash_cache") ?? 0
            if identities.count * 4 >= entries {
                // Most of the cache is wanted (re-verifying a folder): one sequential pass.
                // Two identities with one device and inode (a file replaced mid-scan): the
                // one left out is simply not found, so it is read.
                var wanted: [FileKey: FileIdentity] = [:]
                wanted.reserveCapacity(identities.count)
                for identity in identities { wanted[identity.key] = identity }
                let rows = try Row.fetchCursor(db, sql: "SELECT size, mtime_ns, ctime_ns, digest, hashed_at_ns, device, inode FROM hash_cache")
                while let row = try rows.next() {
                    let key = FileKey(device: UInt64(bitPattern: row[5]), inode: UInt64(bitPattern: row[6]))
                    if let identity = wanted[key] { accept(identity, row) }
                }
            } else {
                // A few files out of a large cache: one prepared point lookup each on the primary key.
                let statement = try db.cachedStatement(sql: """
                    SELECT size, mtime_ns, ctime_ns, digest, hashed_at_ns FROM hash_cache WHERE device = ? AND inode = ?
                    """)
                for identity in identities {
                    statement.setUncheckedArguments([Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode)])
                    if let row = try Row.fetchOne(statement) { accept(identity, row) }
                }
            }
        }
        return found
    }

    public func remember(_ entries: [CachedDigest]) throws {
        if entries.isEmpty { return }
        try pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO hash_cache (device, inode, size, mtime_ns, ctime_ns, digest, hashed_at_ns, path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (device, inode) DO UPDATE SET
                  size = excluded.size, mtime_ns = excluded.mtime_ns, ctime_ns = excluded.ctime_ns,
                  digest = excluded.digest, hashed_at_ns = excluded.hashed_at_ns, path = excluded.path
                """)
            for entry in entries {
                let id = entry.identity
                try statement.execute(arguments: [
                    Int64(bitPattern: id.device), Int64(bitPattern: id.inode), id.size,
                    id.modifiedNanoseconds, id.changedNanoseconds, Data(entry.digest.bytes),
                    entry.hashedAtNanoseconds, entry.path,
                ])
            }
        }
    }

    /// Number of entries, for tests and `repro` diagnostics.
    public func entryCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM hash_cache") ?? 0 }
    }

    private static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("hash_cache v1") { db in
            try db.execute(sql: """
                CREATE TABLE hash_cache (
                  device INTEGER NOT NULL,
                  inode INTEGER NOT NULL,
                  size INTEGER NOT NULL,
                  mtime_ns INTEGER NOT NULL,
                  ctime_ns INTEGER NOT NULL,
                  digest BLOB NOT NULL,
                  hashed_at_ns INTEGER NOT NULL,
                  path TEXT NOT NULL,
                  PRIMARY KEY (device, inode)
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }()
}

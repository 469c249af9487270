import GRDB
import LedgerCore

/// Which file an index was made in: its inode, stamped when this process creates it.
///
/// `.repro/` is git-ignored, but a co-author can force-add `.repro/index.sqlite`: a clone then
/// holds an index whose rows nobody verified on this machine (its `scanned_folders` can even
/// claim every folder is up to date), whose tables may be defined otherwise, and which may
/// carry triggers. A clone or a copy is a new file with another inode, so such an index never
/// matches its stamp. It is checked before anything else opens it, and rebuilt.
enum IndexOrigin {
    static func createTable(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS origin (inode INTEGER NOT NULL)")
    }

    /// Records `path` as the file this index was made in.
    static func stamp(_ db: Database, path: String) throws {
        guard let inode = try inode(of: path) else { return }
        try db.execute(sql: "DELETE FROM origin")
        try db.execute(sql: "INSERT INTO origin (inode) VALUES (?)", arguments: [inode])
    }

    /// True when the file at `path` is an index made here: stamped with its own inode, with no
    /// trigger or view (the schema makes none). Read on a read-only connection with no memory
    /// map and an untrusted schema, so nothing in the file runs; anything that fails (not
    /// SQLite, no stamp, another schema) means it was made elsewhere. The inode alone, not the
    /// device: network file systems number devices per client and boot.
    static func isMadeHere(path: String) -> Bool {
        guard let inode = try? inode(of: path) else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = 0")
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try IndexDatabase.foreignObjects(db) == 0 else { return false }
                return try Int64.fetchOne(db, sql: "SELECT inode FROM origin") == inode
            }
        } catch {
            return false
        }
    }

    private static func inode(of path: String) throws -> Int64? {
        guard let status = try OpenFolder.status(path, followingLinks: false) else { return nil }
        return Int64(bitPattern: UInt64(status.inode.rawValue))
    }
}

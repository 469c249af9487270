import GRDB
import LedgerCore

/// Which file an index was made in: its device and inode, stamped when it is created here.
///
/// `.repro/` is git-ignored, but a co-author can force-add `.repro/index.sqlite`: a clone then
/// holds an index whose rows nobody verified on this machine (its `scanned_folders` can even
/// claim every folder is up to date) and which may carry triggers. A clone or a copy is a new
/// file with another inode, so such an index never matches its stamp, and it is rebuilt.
enum IndexOrigin {
    static func createTable(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS origin (device INTEGER NOT NULL, inode INTEGER NOT NULL)")
    }

    /// Records `path` as the file this index was made in.
    static func stamp(_ db: Database, path: String) throws {
        guard let file = try identity(of: path) else { return }
        try db.execute(sql: "DELETE FROM origin")
        try db.execute(sql: "INSERT INTO origin (device, inode) VALUES (?, ?)", arguments: [file.device, file.inode])
    }

    /// True when the index at `path` was made here: stamped with this very file, or new and
    /// empty (stamped now). Another file's stamp, rows without a stamp, or a trigger or view
    /// (the schema makes none) mean it was made elsewhere.
    static func isMadeHere(_ pool: any DatabaseWriter, path: String) throws -> Bool {
        guard let file = try identity(of: path) else { return false }
        // A read: every command opens the index, and only a new one needs writing to.
        let state = try pool.read { db -> Bool? in
            let foreign = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')") ?? 0
            guard foreign == 0 else { return false }
            if let row = try Row.fetchOne(db, sql: "SELECT device, inode FROM origin") {
                return row[0] as Int64 == file.device && row[1] as Int64 == file.inode
            }
            return nil
        }
        if let state { return state }
        return try pool.write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM origin") == nil else { return true }
            let empty = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM skipped) + (SELECT count(*) FROM scanned_folders)
                """) == 0
            if empty { try stamp(db, path: path) }
            return empty
        }
    }

    private static func identity(of path: String) throws -> (device: Int64, inode: Int64)? {
        guard let status = try OpenFolder.status(path, followingLinks: false) else { return nil }
        return (Int64(bitPattern: UInt64(status.deviceID.rawValue)), Int64(bitPattern: UInt64(status.inode.rawValue)))
    }
}

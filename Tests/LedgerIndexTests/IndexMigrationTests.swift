import Dispatch
import Foundation
import GRDB
@testable import LedgerIndex
import LedgerCore
import Testing
import TestSupport

/// Caches written by older versions of `repro` must come up to date when opened.
@Suite struct IndexMigrationTests {
    /// Before v5 a folder indexed within the racy window was not remembered, so its
    /// removal went unseen; opening such a cache remembers every folder that holds a record.
    @Test func cachesFromBeforeV5RememberEveryIndexedFolder() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("index.sqlite")
        let id = String(repeating: "ab", count: 32)
        let old = try DatabaseQueue(path: url.path)
        try IndexSchema.migrator.migrate(old, upTo: "lineage by record v4")
        try old.write { db in
            try db.execute(sql: "INSERT INTO skipped (path, reason) VALUES (?, 'truncated')",
                           arguments: ["ledgers/main/artifacts/ab/\(id).json"])
        }
        try IndexSchema.migrator.migrate(old)
        let remembered = try old.read { db in
            try Row.fetchAll(db, sql: "SELECT path, mtime_ns FROM scanned_folders").map { "\($0[0] as String) \($0[1] as Int64)" }
        }
        #expect(remembered == ["ledgers/main/artifacts/ab -1"])
        try old.close()

        // Unstamped (before v9) and not empty: `RecordIndex` rebuilds it from the records, and
        // the folder is not on disk, so nothing the old cache held is left.
        let index = try RecordIndex(url: url, store: LedgerStore(top: folder.url))
        _ = try index.refresh()
        #expect(try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM skipped") } == 0)
        #expect(try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM origin") } == 1)
    }

    /// The index has several migrations: racing processes may each apply one the other
    /// has just recorded. Every opener must come out with the full schema, none with an error.
    @Test(arguments: ["new", "from v4"])
    func concurrentOpenersAllSucceed(start: String) throws {
        let folder = try TemporaryFolder()
        for round in 0..<10 {
            let url = folder.url.appendingPathComponent("index\(round).sqlite")
            if start == "from v4" {
                let old = try DatabaseQueue(path: url.path)
                try IndexSchema.migrator.migrate(old, upTo: "lineage by record v4")
                try old.close()
            }
            let failures = Collector<String>()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try RecordIndex(url: url, store: LedgerStore(top: folder.url)) } catch { failures.add("\(error)") }
            }
            #expect(failures.all.isEmpty, "round \(round)")
            let queue = try DatabaseQueue(path: url.path)
            #expect(try queue.read(IndexSchema.migrator.hasCompletedMigrations))
        }
    }
}

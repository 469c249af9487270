import Foundation
import GRDB
import LedgerCore
@testable import LedgerIndex
import Testing
import TestSupport

/// An index this machine did not make (a force-added `.repro/index.sqlite` in a clone, a copy)
/// holds rows nobody verified here: it is rebuilt from the records before anything reads it.
@Suite struct IndexOriginTests {
    let repo: PaperRepository
    let store: LedgerStore
    let agent = Agent(user: "ada", host: "lab-01")

    init() throws {
        repo = try PaperRepository()
        store = LedgerStore(top: repo.url)
        _ = try store.createLedger("main")
        try store.write(.artifact(ArtifactRecord(
            digest: Digest.of("weights"), name: "base", kind: .checkpoint, layout: .file, size: 7, fileCount: 1,
            sources: [], license: "llama3.1", derivedFrom: [], recordedAt: "2025-01-01T00:00:00Z", recordedBy: agent)),
            to: "main", durable: false)
        // Folders older than the racy window: an unchanged ledger is not listed again.
        let past = Date(timeIntervalSinceNow: -3_600)
        let artifacts = repo.url.appendingPathComponent("ledgers/main/artifacts")
        for fan in try FileManager.default.contentsOfDirectory(atPath: artifacts.path) {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: artifacts.appendingPathComponent(fan).path)
        }
    }

    var url: URL { repo.url.appendingPathComponent(".repro/index.sqlite") }

    func inode(_ url: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    func licenses(_ index: RecordIndex) throws -> [String?] {
        try index.snapshot(ledgers: ["main"]).artifacts.map(\.value.license)
    }

    /// An index at `url` whose license is forged and whose folders all claim to be current (so an
    /// incremental refresh would never look at the record again), checkpointed into its file.
    func forgedIndex(at url: URL, also statement: String? = nil) throws {
        let index = try RecordIndex(url: url, store: store)
        try index.refresh()
        try index.pool.write { db in
            try db.execute(sql: "UPDATE records SET json = replace(CAST(json AS TEXT), 'llama3.1', 'mit')")
            try db.execute(sql: "UPDATE scanned_folders SET mtime_ns = 9000000000000000000")
            if let statement { try db.execute(sql: statement) }
        }
        #expect(try licenses(index) == ["mit"])
        _ = try index.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// Someone else's index claiming every folder is current, with a forged license, copied in.
    @Test func copiedIndexWithForgedRowsIsRebuilt() throws {
        let elsewhere = repo.url.appendingPathComponent(".repro/elsewhere.sqlite")
        try forgedIndex(at: elsewhere)
        try FileManager.default.copyItem(at: elsewhere, to: url)

        let index = try RecordIndex(url: url, store: store)
        try index.refresh()
        #expect(try licenses(index) == ["llama3.1"])
    }

    /// The schema makes no trigger: one that would forge rows as the refresh inserts is gone.
    @Test func indexWithATriggerIsRebuilt() throws {
        try RecordIndex(url: url, store: store).pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER forge AFTER INSERT ON records BEGIN
                  UPDATE records SET json = replace(CAST(json AS TEXT), 'llama3.1', 'mit') WHERE path = NEW.path;
                END
                """)
        }
        let index = try RecordIndex(url: url, store: store)
        try index.refresh()
        #expect(try licenses(index) == ["llama3.1"])
        #expect(try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") } == 0)
    }

    /// Anything that is not this machine's stamped index is rebuilt, whatever it holds: no stamp
    /// (forged rows in any table), a schema claiming the stamp table it lacks, not SQLite at all.
    @Test(arguments: ["no stamp", "no stamp table", "not SQLite"])
    func unstampedOrUnreadableIndexIsRebuilt(damage: String) throws {
        try forgedIndex(at: url, also: damage == "no stamp" ? "DELETE FROM origin" : "DROP TABLE origin")
        if damage == "not SQLite" {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            try Data("not an index\n".utf8).write(to: url)
        }
        let index = try RecordIndex(url: url, store: store)
        try index.refresh()
        #expect(try licenses(index) == ["llama3.1"])
    }

    /// The hash cache and the location store are never rebuilt from records: one holding a
    /// trigger is refused (their callers then work without it, with a warning).
    @Test func cacheWithATriggerIsRefused() throws {
        let path = repo.url.appendingPathComponent(".repro/hashcache.sqlite")
        _ = try HashCache(url: path)
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { try $0.execute(sql: "CREATE VIEW anything AS SELECT 1") }
        try queue.close()
        #expect(throws: DatabaseError.self) { _ = try HashCache(url: path) }
    }

    /// This machine's own index, and one `reindex` renamed into place, are opened as they are.
    @Test func ownIndexIsKeptAndAReindexKeepsItsStamp() throws {
        try RecordIndex(url: url, store: store).refresh()
        let made = try inode(url)
        _ = try RecordIndex(url: url, store: store)
        #expect(try inode(url) == made)
        try RecordIndex.rebuild(at: url, store: store)
        let rebuilt = try inode(url)
        #expect(rebuilt != made)
        let index = try RecordIndex(url: url, store: store)
        #expect(try inode(url) == rebuilt)
        #expect(try licenses(index) == ["llama3.1"])
    }
}

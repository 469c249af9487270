import Foundation
import GRDB
import LedgerCore
@testable import LedgerIndex
import Testing

/// Every command refreshes the index first; on an unchanged ledger that must cost no write
/// and no fsync, or a read-only command waits on the disk.
extension IndexRefresherTests {
    var indexURL: URL { repo.url.appendingPathComponent(".repro/index.sqlite") }

    /// Size and modification time (ns) of a database and its WAL, nil where a file is missing.
    func files(of url: URL) throws -> [String: [Int64]?] {
        var out: [String: [Int64]?] = [:]
        for suffix in ["", "-wal"] {
            var st = stat()
            let path = url.path + suffix
            out[suffix] = stat(path, &st) == 0
                ? [Int64(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)] : nil
        }
        return out
    }

    @Test func aRefreshThatFindsNothingNewCommitsNothing() throws {
        for number in 0..<5 { try experiment(number) }
        try ageFolders()
        try index.refresh()
        // PRAGMA data_version, read again on one connection, changes when another one commits.
        let watcher = try DatabaseQueue(path: indexURL.path)
        let before = try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
        #expect(try index.refresh() == RecordIndex.RefreshSummary())
        #expect(try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } == before)

        try experiment(5)
        #expect(try index.refresh().added == 1)
        #expect(try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } != before)
    }

    @Test func openingAndRefreshingAnUnchangedIndexLeavesItsFilesAlone() throws {
        for number in 0..<5 { try experiment(number) }
        try ageFolders()
        // A file no other connection holds open, as in a fresh process: opened, refreshed, closed.
        let solo = repo.url.appendingPathComponent(".repro/solo.sqlite")
        func openRefreshAndClose() throws -> (RecordIndex.RefreshSummary, [String]) {
            let opened = try RecordIndex(url: solo, store: store)
            return (try opened.refresh(), try opened.experimentNames())
        }
        #expect(try openRefreshAndClose().0.added == 5)
        let before = try files(of: solo)
        #expect(before["-wal"]! != nil)
        let again = try openRefreshAndClose()
        #expect(again.0 == RecordIndex.RefreshSummary())
        #expect(again.1 == (0..<5).map { "run-\($0)" })
        #expect(try files(of: solo) == before)
    }

    /// Every row of every table, in order: what two indexes of the same files must share.
    func rows(of index: RecordIndex) throws -> [String] {
        try index.pool.read { db in
            var out: [String] = []
            for table in ["records", "artifacts", "lineage", "events", "experiments", "experiment_artifacts", "manifests",
                          "skipped", "scanned_folders"] {
                let order = table == "scanned_folders" ? "path" : "rowid"
                out += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { "\(table) \($0)" }
            }
            return out
        }
    }

    @Test func aRebuildGivesTheSameRowsAndChecksForeignKeysAgainAfter() throws {
        for number in 0..<9 { try experiment(number) }
        try ageFolders()
        let solo = repo.url.appendingPathComponent(".repro/solo.sqlite")
        let before = try rows(of: { let opened = try RecordIndex(url: solo, store: store); try opened.refresh(); return opened }())
        #expect(before.count > 9 * 3)
        let summary = try RecordIndex.rebuild(at: solo, store: store)
        #expect(summary.added == 9)
        let rebuilt = try RecordIndex(url: solo, store: store)
        #expect(try rows(of: rebuilt) == before)
        #expect(try rebuilt.pool.write { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
        // Cascades work again: a record removed takes its experiment rows with it.
        try rebuilt.pool.write { try $0.execute(sql: "DELETE FROM records WHERE type = 'experiment'") }
        #expect(try rebuilt.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM experiment_artifacts") } == 0)
    }
}

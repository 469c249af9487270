import Foundation
import LedgerCore
@testable import LedgerIndex
import Testing
import TestSupport

/// The incremental refresh must leave the index exactly as a rebuild from scratch would,
/// whatever happened to the files since the last refresh.
@Suite struct IndexRefresherTests {
    let repo: PaperRepository
    let store: LedgerStore
    let index: RecordIndex
    let agent = Agent(user: "ada", host: "lab-01")

    init() throws {
        repo = try PaperRepository()
        store = LedgerStore(top: repo.url)
        _ = try store.createLedger("main")
        index = try RecordIndex(url: repo.url.appendingPathComponent(".repro/index.sqlite"), store: store)
    }

    @discardableResult
    func experiment(_ number: Int) throws -> RecordFile {
        try store.write(.experiment(ExperimentRecord(
            name: "run-\(number)", ledger: "main", section: "tab:\(number % 3)",
            inputs: [ArtifactUse(digest: Digest.of("base"), name: "base")], outputs: [],
            code: CodeState(repository: true, commit: String(repeating: "a", count: 40), branch: "main", detached: false,
                            dirty: false, diffDigest: nil),
            command: nil, exitStatus: nil, outcome: .recorded,
            startedAt: "2025-01-01T00:00:\(String(format: "%02d", number % 60))Z", endedAt: nil, recordedBy: agent, note: nil)),
            to: "main", durable: false).file
    }

    /// Fan-out folders older than the racy window are remembered by mtime and not listed again.
    func ageFolders() throws {
        let past = Date(timeIntervalSinceNow: -3_600)
        let root = repo.url.appendingPathComponent("ledgers/main")
        for type in LedgerRecord.RecordType.allCases {
            let typeFolder = root.appendingPathComponent(type.folder)
            for fan in (try? FileManager.default.contentsOfDirectory(atPath: typeFolder.path)) ?? [] {
                try FileManager.default.setAttributes([.modificationDate: past],
                                                      ofItemAtPath: typeFolder.appendingPathComponent(fan).path)
            }
        }
    }

    /// What a rebuild from scratch holds, in a separate cache.
    func rebuilt() throws -> LedgerSnapshot {
        let url = repo.url.appendingPathComponent(".repro/rebuilt-\(UUID().uuidString).sqlite")
        try RecordIndex.rebuild(at: url, store: store)
        return try RecordIndex(url: url, store: store).snapshot(ledgers: ["main"])
    }

    func names() throws -> [String] { try index.experimentNames() }

    /// A ledger folder that is a link is not a ledger; every refresh says so instead of
    /// reading nothing and letting the statement say the ledger records no experiments.
    @Test func aLinkedLedgerFolderIsReportedNotSilentlyDropped() throws {
        try experiment(1)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: repo.url.appendingPathComponent("ledgers/evil"), withDestinationURL: outside)
        let first = try index.refresh()
        #expect(first.added == 1)
        #expect(first.unsafe == [UnsafeEntry(path: "ledgers/evil", kind: .symbolicLink)])
        #expect(try index.refresh().unsafe == [UnsafeEntry(path: "ledgers/evil", kind: .symbolicLink)])
    }

    @Test func addedRecordsAreIndexedAndAnUnchangedLedgerIsNotReadAgain() throws {
        for number in 0..<5 { try experiment(number) }
        try ageFolders()
        #expect(try index.refresh().added == 5)
        #expect(try index.refresh() == RecordIndex.RefreshSummary())
        try experiment(5)
        try experiment(6)
        let summary = try index.refresh()
        #expect(summary.added == 2)
        #expect(summary.removed == 0)
        #expect(try names() == (0...6).map { "run-\($0)" })
        #expect(try index.snapshot(ledgers: ["main"]) == rebuilt())
    }

    @Test func removedRecordsLeaveTheIndex() throws {
        let files = try (0..<6).map(experiment)
        try ageFolders()
        try index.refresh()
        try FileManager.default.removeItem(atPath: repo.folder.child(files[2].relativePath))
        let summary = try index.refresh()
        #expect(summary.removed == 1)
        #expect(summary.added == 0)
        #expect(try !names().contains("run-2"))
        #expect(try index.snapshot(ledgers: ["main"]) == rebuilt())
    }

    @Test func aRemovedFanOutFolderTakesItsRecordsWithIt() throws {
        let files = try (0..<12).map(experiment)
        try ageFolders()
        try index.refresh()
        let folder = (files[0].relativePath as NSString).deletingLastPathComponent
        let inFolder = files.filter { $0.relativePath.hasPrefix(folder + "/") }
        try FileManager.default.removeItem(atPath: repo.folder.child(folder))
        let summary = try index.refresh()
        #expect(summary.removed == inFolder.count)
        #expect(try index.counts()[.experiment] == 12 - inFolder.count)
        #expect(try index.snapshot(ledgers: ["main"]) == rebuilt())
    }

    @Test func switchingBranchesBringsTheIndexInLineWithTheCheckout() throws {
        let files = try (0..<8).map(experiment)
        try repo.git("add", "ledgers")
        try repo.git("commit", "-q", "-m", "eight runs")
        try repo.git("checkout", "-q", "-b", "sweep")
        for number in 8..<14 { try experiment(number) }
        try FileManager.default.removeItem(atPath: repo.folder.child(files[1].relativePath))
        try repo.git("add", "-A", "ledgers")
        try repo.git("commit", "-q", "-m", "sweep")
        try ageFolders()
        try index.refresh()
        #expect(try names() == ([0] + Array(2..<14)).map { "run-\($0)" }.sorted())

        try repo.git("checkout", "-q", "main")
        let summary = try index.refresh()
        #expect(summary.added == 1)
        #expect(summary.removed == 6)
        #expect(try names() == (0..<8).map { "run-\($0)" })
        #expect(try index.snapshot(ledgers: ["main"]) == rebuilt())
    }

    /// Replaces a record file the way an editor saves or a checkout writes: a new file renamed
    /// over the old name, which changes the folder's mtime.
    func rewrite(_ file: RecordFile, _ edit: (String) -> String) throws {
        let path = repo.folder.child(file.relativePath)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(edit(text).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    @Test func aRecordEditedUnderItsNameIsVerifiedAgain() throws {
        let files = try (0..<6).map(experiment)
        try ageFolders()
        try index.refresh()
        try rewrite(files[2]) { $0.replacingOccurrences(of: "run-2", with: "run-X") }
        let summary = try index.refresh()
        #expect(summary.added == 0)
        #expect(summary.skipped.map(\.path) == [files[2].relativePath])
        #expect(try !names().contains("run-2"))
        #expect(try !names().contains("run-X"))
        #expect(try index.skippedRecords().map(\.path) == [files[2].relativePath])
        #expect(try index.snapshot(ledgers: ["main"]) == rebuilt())

        // Put back as it was: verified again and indexed.
        try rewrite(files[2]) { $0.replacingOccurrences(of: "run-X", with: "run-2") }
        #expect(try index.refresh().added == 1)
        #expect(try names() == (0..<6).map { "run-\($0)" })
        #expect(try index.skippedRecords().isEmpty)
    }

    @Test func anEditRightAfterTheLastRefreshIsSeenToo() throws {
        let files = try (0..<6).map(experiment)
        try index.refresh()  // the folders changed within the racy window
        try rewrite(files[4]) { $0.replacingOccurrences(of: "run-4", with: "run-Y") }
        try index.refresh()
        #expect(try !names().contains("run-4"))
        #expect(try index.skippedRecords().map(\.path) == [files[4].relativePath])
        #expect(try index.snapshot(ledgers: ["main"]) == rebuilt())
    }

    @Test func aRecordRewrittenWithTheSameBytesChangesNothing() throws {
        let files = try (0..<6).map(experiment)
        try ageFolders()
        try index.refresh()
        try rewrite(files[1]) { $0 }
        #expect(try index.refresh() == RecordIndex.RefreshSummary())
        #expect(try names() == (0..<6).map { "run-\($0)" })
    }

    @Test func aLedgerRemovedAsAWholeTakesItsRecordsWithIt() throws {
        _ = try store.createLedger("other")
        for number in 0..<4 { try experiment(number) }
        try store.write(.experiment(ExperimentRecord(
            name: "elsewhere", ledger: "other", section: nil, inputs: [], outputs: [],
            code: CodeState(repository: false, commit: nil, branch: nil, detached: false, dirty: false, diffDigest: nil),
            command: nil, exitStatus: nil, outcome: .recorded, startedAt: "2025-01-01T00:00:00Z", endedAt: nil,
            recordedBy: agent, note: nil)), to: "other", durable: false)
        try ageFolders()
        try index.refresh()
        #expect(try index.pool.read(IndexRefresher.indexedLedgers) == ["main", "other"])
        try FileManager.default.removeItem(atPath: repo.folder.child("ledgers/other"))
        #expect(try index.refresh().removed == 1)
        #expect(try index.pool.read(IndexRefresher.indexedLedgers) == ["main"])
        #expect(try names() == (0..<4).map { "run-\($0)" })
    }
}

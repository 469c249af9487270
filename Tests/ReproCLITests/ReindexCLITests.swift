import Foundation
import GRDB
import LedgerCore
import Testing
import TestSupport

/// `repro reindex` builds a new index beside the old one and renames it into place: killed at
/// any moment, or run while other commands read, it leaves one whole index.
@Suite struct ReindexCLITests {
    let repo: PaperRepository
    let experiments = 1500

    init() throws {
        repo = try PaperRepository()
        try repo.repro("init")
        let store = LedgerStore(top: repo.url)
        let agent = Agent(user: "ada", host: "lab-01")
        for number in 0..<experiments {
            _ = try store.write(.experiment(ExperimentRecord(
                name: "run-\(number)", ledger: "main", section: "tab:\(number % 3)",
                inputs: [ArtifactUse(digest: Digest.of("base-\(number % 7)"), name: "base-\(number % 7)")], outputs: [],
                code: CodeState(repository: true, commit: String(repeating: "a", count: 40), branch: "main", detached: false,
                                dirty: false, diffDigest: nil),
                command: ["python", "train.py", "--seed", "\(number)"], exitStatus: 0, outcome: .succeeded,
                startedAt: "2025-01-01T00:00:00Z", endedAt: nil, recordedBy: agent, note: nil)),
                to: "main", durable: false)
        }
    }

    var cache: URL { repo.url.appendingPathComponent(".repro") }

    /// Files in `.repro/` that belong to the record index, sorted.
    func indexFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("index.sqlite") }.sorted()
    }

    /// SQLite's own check of the index file, and how many records it holds.
    func checkedRecordCount() throws -> Int {
        let queue = try DatabaseQueue(path: cache.appendingPathComponent("index.sqlite").path)
        defer { try? queue.close() }
        return try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? -1
        }
    }

    @Test func reindexGivesWhatTheIncrementalIndexGaveAndLeavesNoTemporaryFile() throws {
        let listed = try repo.repro("list", "experiments", "--json")
        let text = try repo.repro("list", "experiments")
        #expect(listed.status == 0 && text.status == 0)
        let reindexed = try repo.repro("reindex")
        #expect(reindexed.status == 0)
        #expect(reindexed.stdout == "indexed \(experiments) records\n")
        #expect(reindexed.stderr == "")
        #expect(try indexFiles() == ["index.sqlite", "index.sqlite.reindex-lock"])
        #expect(try repo.repro("list", "experiments", "--json").stdout == listed.stdout)
        #expect(try repo.repro("list", "experiments").stdout == text.stdout)
    }

    @Test func aLeftoverFromAnInterruptedReindexIsRemoved() throws {
        #expect(try repo.repro("list", "experiments").status == 0)
        for suffix in [".new", ".new-journal", ".new-wal"] {
            try Data("half a database".utf8).write(to: cache.appendingPathComponent("index.sqlite" + suffix))
        }
        let reindexed = try repo.repro("reindex")
        #expect(reindexed.status == 0, "\(reindexed.stderr)")
        #expect(try indexFiles() == ["index.sqlite", "index.sqlite.reindex-lock"])
        #expect(try checkedRecordCount() == experiments)
    }

    /// The index is a cache: one that is not a database at all is replaced, not an error
    /// (before the rebuild into a new file, reindex failed on it with SQLite error 26).
    @Test func anIndexThatIsNotADatabaseIsReplaced() throws {
        #expect(try repo.repro("list", "experiments").status == 0)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(at: cache.appendingPathComponent("index.sqlite" + suffix)) }
        try Data(repeating: 0x41, count: 8192).write(to: cache.appendingPathComponent("index.sqlite"))
        let reindexed = try repo.repro("reindex")
        #expect(reindexed.status == 0, "\(reindexed.stderr)")
        #expect(reindexed.stdout == "indexed \(experiments) records\n")
        #expect(try checkedRecordCount() == experiments)
    }

    /// SIGKILL at random moments of a reindex (while it reads records, fills the new file,
    /// renames it): every time, the index is a whole SQLite database, the old one or the new
    /// one, and commands answer from it; the next reindex removes what the killed one left.
    @Test func aKilledReindexLeavesTheOldIndexOrTheNewOne() throws {
        let listed = try repo.repro("list", "experiments", "--json").stdout
        let started = Date()
        #expect(try repo.repro("reindex").status == 0)
        let duration = Date().timeIntervalSince(started)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<12 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ReproBinary.path)
            process.arguments = ["reindex"]
            process.currentDirectoryURL = repo.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try checkedRecordCount() == experiments)
            #expect(try repo.repro("list", "experiments", "--json").stdout == listed)
        }
        #expect(try repo.repro("reindex").status == 0)
        #expect(try indexFiles().filter { $0.contains(".new") } == [])
        #expect(try repo.repro("list", "experiments", "--json").stdout == listed)
    }

    /// Readers started while reindexes run all get the whole answer: those that opened the old
    /// file finish on it, those that open during the swap wait for it and read the new one.
    @Test func readersDuringAReindexGetTheWholeAnswer() throws {
        let listed = try repo.repro("list", "experiments", "--json")
        #expect(listed.status == 0)
        let reindexes = Collector<Subprocess.Result?>()
        let readers = Collector<Subprocess.Result?>()
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            if lane == 0 {
                for _ in 0..<3 { reindexes.add(try? repo.repro("reindex")) }
            } else {
                for _ in 0..<12 { readers.add(try? repo.repro("list", "experiments", "--json")) }
            }
        }
        for result in reindexes.all { #expect(result?.status == 0, "\(result?.stderr ?? "did not run")") }
        for result in readers.all {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
            #expect(result?.stdout == listed.stdout)
        }
        #expect(try checkedRecordCount() == experiments)
    }
}

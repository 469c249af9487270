import Dispatch
import Foundation
import Synchronization
import Testing
@testable import LedgerGit

/// Two writers at once: both commits land, in a line, with a consistent index; or a clear error.
@Suite struct ConcurrentCommitTests {
    @Test(arguments: 1...3)
    func twoThreadsCommittingAtOnceBothLand(round: Int) throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/a/record.json", "a\(round)\n")
        try sandbox.write("ledgers/b/record.json", "b\(round)\n")
        try sandbox.write("src/model.py", "print('unstaged')\n")
        let work = sandbox.work
        let results = Mutex<[String: Result<CommitOutcome, any Error>]>([:])

        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let name = writer == 0 ? "a" : "b"
            let result = Result { try GitRepository.discover(from: work).commit(paths: ["ledgers/\(name)"], message: "Record \(name)") }
            results.withLock { $0[name] = result }
        }

        let a = try results.withLock { try #require($0["a"]).get() }
        let b = try results.withLock { try #require($0["b"]).get() }
        let (first, second) = a.parent == base ? (a, b) : (b, a)
        #expect(first.parent == base)
        #expect(second.parent == first.commit)
        #expect(try sandbox.revision() == second.commit)
        #expect(try sandbox.lines("ls-tree", "-r", "--name-only", "HEAD", "ledgers") == ["ledgers/a/record.json", "ledgers/b/record.json"])
        #expect(try sandbox.status() == [" M src/model.py"])
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }

    /// `git commit` and a ledger commit started together. git (2.39, strace shows it) reads HEAD,
    /// then the index, then takes index.lock only to write that index back, and moves HEAD last
    /// with its own compare-and-swap. Three outcomes are right: git lands first and we build on
    /// it; we land first and git builds on us, with our files in its tree; or git refuses (our
    /// lock, or HEAD moved under it). Never a lost commit.
    ///
    /// When git refuses after reading the index before our commit, the copy it wrote back lacks
    /// our files, as it would lack any other writer's (`git add` loses to it the same way): our
    /// commit stands and `git status` shows its files as staged for deletion.
    @Test(arguments: 1...4)
    func gitCommittingInAnotherProcessAtTheSameTime(round: Int) throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        let code = "print('round \(round)')\n"
        try sandbox.write("src/model.py", code)
        try sandbox.git("add", "src/model.py")
        try sandbox.write("ledgers/main/a.json", "{\"round\":\(round)}\n")
        let repository = try sandbox.open()
        repository.indexLockPatience = .seconds(10)

        let git = try sandbox.startGit("commit", "-q", "-m", "Code change")
        let outcome = try repository.commit(paths: ["ledgers"], message: "Record a")
        let other = git.finish()

        let history = try sandbox.lines("rev-list", "HEAD")
        if other.status == 0 {
            #expect(history.count == 3)
            if history.first == outcome.commit {
                #expect(outcome.parent == history[1])
            } else {
                #expect(history[1] == outcome.commit)
                #expect(outcome.parent == base)
            }
            #expect(try sandbox.git("show", "HEAD:src/model.py") == code)
            let status = try sandbox.status()
            #expect(status == [])
        } else {
            #expect(other.error.contains("index.lock") || other.error.contains("cannot lock ref 'HEAD'"))
            #expect(history == [outcome.commit, base])
            let status = try sandbox.status()
            let gitWroteBackAnOlderIndex = ["D  ledgers/main/a.json", "M  src/model.py", "?? ledgers/main/a.json"]
            #expect(status == ["M  src/model.py"] || status == gitWroteBackAnOlderIndex, "git said: \(other.error)")
        }
        #expect(try sandbox.lines("ls-tree", "-r", "--name-only", "HEAD", "ledgers") == ["ledgers/main/a.json"])
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }

    @Test func branchMovedByAnotherWriterIsRetriedOnTheFreshHEAD() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let tree = try sandbox.revision("HEAD^{tree}")
        let other = try sandbox.git("commit-tree", tree, "-p", base, "-m", "Someone else's commit")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try sandbox.open()
        var moves = 0
        repository.willMoveReference = {
            moves += 1
            if moves == 1 { _ = try? sandbox.git("update-ref", "refs/heads/main", other, base) }
        }

        let outcome = try repository.commit(paths: ["ledgers"], message: "Record a")

        #expect(moves == 2)
        #expect(outcome.parent == other)
        #expect(try sandbox.lines("rev-list", "HEAD") == [outcome.commit, other, base])
        #expect(try sandbox.status() == [])
        #expect(try sandbox.gitStatus("fsck", "--strict") == 0)
    }

    @Test func writerThatNeverStopsMovingTheBranchGivesAClearErrorAndNoIndexChange() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let tree = try sandbox.revision("HEAD^{tree}")
        let repository = try sandbox.open()
        var tip = base
        repository.willMoveReference = {
            guard let next = try? sandbox.git("commit-tree", tree, "-p", tip, "-m", "busy")
                .trimmingCharacters(in: .whitespacesAndNewlines) else { return }
            _ = try? sandbox.git("update-ref", "refs/heads/main", next, tip)
            tip = next
        }
        let indexBefore = try sandbox.git("ls-files", "--stage")

        #expect(throws: GitError.concurrentUpdate(reference: "refs/heads/main")) {
            try repository.commit(paths: ["ledgers"], message: "Record a")
        }
        #expect(try sandbox.revision() == tip)
        #expect(try sandbox.lines("rev-list", "--count", "HEAD") == ["\(GitRepository.commitAttempts + 1)"])
        #expect(try sandbox.git("ls-files", "--stage") == indexBefore)
        #expect(try sandbox.status() == ["?? ledgers/main/a.json"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.work.appendingPathComponent(".git/index.lock").path))
        #expect(!FileManager.default.fileExists(atPath: sandbox.work.appendingPathComponent(".git/index.repro-backup").path))
    }

    /// `git commit` reads HEAD, then the index, and only then waits for index.lock. Were the branch
    /// to move before the index is replaced, a git reading in between would commit on top of ours
    /// a tree without our files (seen under load in CI). So the index is in place first.
    @Test func indexIsReplacedBeforeTheBranchMoves() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("src/model.py", "print('staged')\n")
        try sandbox.git("add", "src/model.py")
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let repository = try sandbox.open()
        var seen: (head: String, index: [String])?
        repository.willMoveReference = {
            seen = ((try? sandbox.revision()) ?? "", (try? sandbox.lines("ls-files")) ?? [])
        }

        let outcome = try repository.commit(paths: ["ledgers"], message: "Record a")

        #expect(seen?.head == base)
        #expect(seen?.index == ["README.md", "ledgers/main/a.json", "src/model.py"])
        #expect(outcome.parent == base)
        let status = try sandbox.status()
        #expect(status == ["M  src/model.py"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.work.appendingPathComponent(".git/index.repro-backup").path))
    }
}

import Foundation
import Testing
import TestSupport

/// `repro commit`: exactly the ledger paths go in, the user's other work stays as it was.
@Suite struct CommitCLITests {
    /// A paper with code committed, `repro init` run, and an artifact and experiment recorded.
    private func paper() throws -> PaperRepository {
        let repo = try PaperRepository()
        try repo.folder.write("README.md", "# Paper\n")
        try repo.folder.write("src/model.py", "print('model')\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "Initial code")
        try #require(try repo.repro("init").status == 0)
        try repo.folder.write("data/train.csv", "a,b\n1,2\n")
        try #require(try repo.repro("track", "data/train.csv", "--name", "train", "--kind", "dataset").status == 0)
        try #require(try repo.repro("tag", "baseline", "--uses", "train", "--section", "tab:main").status == 0)
        return repo
    }

    /// Every ledger file in the work tree, as `git show --name-status` lists additions.
    private func ledgerAdditions(_ repo: PaperRepository) throws -> [String] {
        try repo.lines("ls-files", "--others", "--exclude-standard", "ledgers").map { "A\t\($0)" }
    }

    @Test func stagedAndUnstagedChangesStayExactlyAsTheyWere() throws {
        let repo = try paper()
        try repo.folder.write("src/model.py", "print('staged')\n")
        try repo.git("add", "src/model.py")
        try repo.folder.write("src/model.py", "print('staged, then edited')\n")
        try repo.folder.write("README.md", "# Paper, unstaged\n")
        try repo.folder.write("notes.txt", "untracked\n")
        let stagedBefore = try repo.git("diff", "--cached", "--", "src").stdout
        let unstagedBefore = try repo.git("diff").stdout
        let expected = try [".gitignore"].map { "A\t\($0)" } + ledgerAdditions(repo)

        let result = try repo.repro("commit")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.headChanges() == expected.sorted())
        #expect(try repo.git("diff", "--cached", "--", "src").stdout == stagedBefore)
        #expect(try repo.git("diff").stdout == unstagedBefore)
        #expect(try repo.status() == [" M README.md", "MM src/model.py", "?? data/train.csv", "?? notes.txt"])
        #expect(try repo.git("show", "HEAD:src/model.py").stdout == "print('model')\n")
        #expect(try repo.fsckStrict().status == 0)
    }

    @Test func defaultMessageCountsWhatTheCommitAddsPerLedger() throws {
        let repo = try PaperRepository()
        try repo.repro("init")
        #expect(try repo.repro("commit").stdout.contains(" repro: set up ledger main\n"))
        #expect(try repo.lines("log", "-1", "--format=%B") == ["repro: set up ledger main", ""])

        try repo.folder.write("a.csv", "a\n")
        try repo.folder.write("b.csv", "b\n")
        try repo.repro("track", "a.csv", "--name", "a", "--kind", "dataset")
        try repo.repro("track", "b.csv", "--name", "b", "--kind", "dataset")
        try repo.repro("tag", "run-1", "--uses", "a")
        try repo.repro("tag", "run-2", "--uses", "a", "b")
        try repo.repro("tag", "run-3", "--uses", "b")
        try repo.repro("availability", "a", "gated", "--as-of", "2026-01-02")
        try repo.repro("init", "--ledger", "other")
        try repo.repro("track", "a.csv", "--name", "a", "--kind", "dataset", "--ledger", "other")

        let result = try repo.repro("commit")

        let subject = "repro: 3 experiments, 2 artifacts, 1 availability event in ledger main; 1 artifact in ledger other"
        #expect(result.stdout == "committed \(try repo.revision().prefix(12)) \(subject)\n  8 files: 8 added\n")
        #expect(try repo.lines("log", "-1", "--format=%B") == [subject, ""])
        #expect(try repo.lines("log", "--format=%s") == [subject, "repro: set up ledger main"])
    }

    @Test func givenMessageAndJSON() throws {
        let repo = try paper()
        let result = try repo.repro("commit", "-m", "Ledger for the camera-ready", "--json")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["committed"] as? Bool == true)
        #expect(report["commit"] as? String == (try repo.revision()))
        #expect(report["parent"] as? String == (try repo.revision("HEAD~1")))
        #expect(report["paths"] as? [String] == ["ledgers", ".gitignore"])
        #expect((report["added"] as? [String])?.count == 7)
        #expect(try repo.lines("log", "-1", "--format=%s") == ["Ledger for the camera-ready"])
    }

    @Test func nothingToCommitIsNotAnError() throws {
        let repo = try paper()
        try repo.repro("commit")
        let head = try repo.revision()

        let text = try repo.repro("commit")
        let json = try repo.repro("commit", "--json")

        #expect(text.status == 0)
        #expect(text.stdout == "nothing to commit: ledgers is the same as in HEAD\n")
        #expect(json.status == 0)
        #expect(json.stdout == "{\n  \"added\" : [\n\n  ],\n  \"changed\" : [\n\n  ],\n  \"committed\" : false,\n  \"paths\" : [\n    \"ledgers\"\n  ],\n  \"removed\" : [\n\n  ]\n}\n")
        #expect(try repo.revision() == head)
    }

    /// `.gitignore` goes in only when `repro init`'s line is its only change, with or without a final newline before it.
    @Test func gitignoreIsCommittedOnlyWhenInitAloneChangedIt() throws {
        let repo = try PaperRepository()
        try repo.folder.write(".gitignore", "*.pyc")
        try repo.git("add", ".gitignore")
        try repo.git("commit", "-q", "-m", "Ignore bytecode")
        try repo.repro("init")
        #expect(try repo.repro("commit").status == 0)
        #expect(try repo.git("show", "HEAD:.gitignore").stdout == "*.pyc\n.repro/\n")
        #expect(try repo.status() == [])

        let other = try PaperRepository()
        try other.folder.write(".gitignore", "*.pyc\n")
        try other.git("add", ".gitignore")
        try other.git("commit", "-q", "-m", "Ignore bytecode")
        try other.repro("init")
        try other.folder.write(".gitignore", "*.pyc\n.repro/\nbuild/\n")
        #expect(try other.repro("commit").status == 0)
        #expect(try other.git("show", "HEAD:.gitignore").stdout == "*.pyc\n")
        #expect(try other.status() == [" M .gitignore"])
    }

    @Test func firstCommitOnAnUnbornBranch() throws {
        let repo = try PaperRepository()
        try repo.repro("init")

        let result = try repo.repro("commit")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.lines("rev-list", "--count", "HEAD") == ["1"])
        #expect(try repo.lines("log", "-1", "--format=%P") == [""])
        #expect(try repo.lines("symbolic-ref", "HEAD") == ["refs/heads/main"])
        #expect(try repo.status() == [])
        #expect(try repo.fsckStrict().status == 0)
    }

    @Test func detachedHEADMovesHEADAndLeavesTheBranch() throws {
        let repo = try paper()
        let main = try repo.revision("main")
        try repo.git("checkout", "-q", "--detach")

        #expect(try repo.repro("commit").status == 0)

        #expect(try repo.revision("main") == main)
        #expect(try repo.revision("HEAD~1") == main)
        #expect(try Subprocess.run(["git", "symbolic-ref", "-q", "HEAD"], in: repo.path).status == 1)
        #expect(try repo.status() == ["?? data/train.csv"])
    }

    @Test func linkedWorktreeCommitsOnItsOwnBranch() throws {
        let repo = try paper()
        let elsewhere = try TemporaryFolder("worktree")
        let worktree = elsewhere.child("wt")
        try repo.git("worktree", "add", "-q", "-b", "camera-ready", worktree)
        let main = try repo.revision("main")
        let mainStatus = try repo.status()

        #expect(try repo.repro(at: worktree, "init").status == 0)
        try elsewhere.write("wt/data.csv", "x\n")
        #expect(try repo.repro(at: worktree, "track", "data.csv", "--name", "data", "--kind", "dataset").status == 0)
        let result = try repo.repro(at: worktree, "commit")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.revision("main") == main)
        #expect(try repo.lines("log", "-1", "--format=%s", "camera-ready") == ["repro: 1 artifact in ledger main"])
        #expect(try repo.status() == mainStatus)
        #expect(try Subprocess.run(["git", "status", "--porcelain"], in: worktree).stdout == "?? data.csv\n")
    }

    @Test func fromASubfolder() throws {
        let repo = try paper()

        let result = try repo.repro("commit", in: "src")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.lines("log", "-1", "--format=%s") == ["repro: 1 experiment, 1 artifact in ledger main"])
        #expect(try repo.status() == ["?? data/train.csv"])
    }

    @Test func lockedIndexIsAClearErrorAndChangesNothing() throws {
        let repo = try paper()
        let lock = repo.folder.child(".git/index.lock")
        try Data().write(to: URL(fileURLWithPath: lock))
        let head = try repo.revision()
        let index = FileManager.default.contents(atPath: repo.folder.child(".git/index"))

        let result = try repo.repro("commit")

        #expect(result.status == 3)
        #expect(result.stderr.contains("The git index is locked by \(lock)"), "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(try repo.revision() == head)
        #expect(FileManager.default.contents(atPath: repo.folder.child(".git/index")) == index)
        #expect(FileManager.default.fileExists(atPath: lock))
        try FileManager.default.removeItem(atPath: lock)
        #expect(try repo.status().contains { $0.hasPrefix("?? ledgers/main/") })
    }

    /// The child `repro` gets a home, XDG folder and system config with no identity, so only the
    /// repository's own config counts, and that has none.
    @Test func missingIdentityIsAClearErrorAndChangesNothing() throws {
        let repo = try paper()
        try repo.git("config", "--unset", "user.name")
        try repo.git("config", "--unset", "user.email")
        let home = try TemporaryFolder("home")
        let head = try repo.revision()

        let result = try repo.repro("commit", environment: [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1",
        ])

        #expect(result.status == 3)
        #expect(result.stderr.contains("git does not know who is committing: user.name and user.email are not set."), "\(result.stderr)")
        #expect(try repo.revision() == head)
        #expect(try repo.status().contains { $0.hasPrefix("?? ledgers/main/") })
    }

    @Test func outsideARepositoryAndInABareOneIsAnEnvironmentError() throws {
        let plain = try TemporaryFolder("no-repo")
        let bare = try TemporaryFolder("bare")
        try Subprocess.run(["git", "init", "-q", "--bare", bare.path])

        for folder in [plain, bare] {
            let result = try ReproBinary.run(["commit"], in: folder.path, environment: PaperRepository.environment)
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.contains("is not inside a git work tree"), "\(result.stderr)")
        }
        #expect(try Subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], in: bare.path).status != 0)
    }

    @Test func mergeInProgressIsRefused() throws {
        let repo = try paper()
        try repo.git("checkout", "-q", "-b", "side")
        try repo.folder.write("README.md", "# Side\n")
        try repo.git("commit", "-q", "-am", "side")
        try repo.git("checkout", "-q", "main")
        try repo.folder.write("README.md", "# Main\n")
        try repo.git("commit", "-q", "-am", "main")
        #expect(try Subprocess.run(["git", "merge", "-q", "side"], in: repo.path).status != 0)
        let head = try repo.revision()

        let result = try repo.repro("commit")

        #expect(result.status == 3)
        #expect(result.stderr.contains("A merge is in progress"), "\(result.stderr)")
        #expect(try repo.revision() == head)
    }

    /// Two `repro commit` processes at once, round after round: each either commits or finds
    /// nothing left to commit (or, if it waited too long for the lock, says so), and the
    /// repository stays sound.
    @Test func concurrentCommitsFromTwoProcesses() throws {
        let repo = try paper()
        try repo.repro("commit")
        for round in 0..<4 {
            try repo.repro("tag", "left-\(round)", "--uses", "train")
            try repo.repro("tag", "right-\(round)", "--uses", "train")
            let results = Collector<Subprocess.Result?>()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                results.add(try? repo.repro("commit", "--json"))
            }
            for result in results.all {
                let result = try #require(result)
                #expect(result.status == 0 || (result.status == 3 && result.stderr.contains("locked")), "\(result.stderr)")
            }
            let committed = results.all.filter { $0?.stdout.contains("\"committed\" : true") == true }
            #expect(committed.count >= 1 || results.all.contains { $0?.status == 3 })
            #expect(try repo.git("status", "--porcelain").status == 0)
        }
        try repo.repro("commit")
        #expect(try repo.status() == ["?? data/train.csv"])
        #expect(try repo.lines("ls-tree", "-r", "--name-only", "HEAD", "ledgers/main/experiments").count == 9)
        #expect(try repo.fsckStrict().status == 0)
        #expect(try repo.repro("fsck").status == 0)
    }
}

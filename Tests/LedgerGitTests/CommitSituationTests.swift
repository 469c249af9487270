import Foundation
import Testing
@testable import LedgerGit

/// Ledger commits on an unborn branch, a detached HEAD and in a linked worktree.
@Suite struct CommitSituationTests {
    @Test func firstCommitOnAnUnbornBranchHasNoParentAndCreatesTheBranch() throws {
        let sandbox = try Sandbox()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        try sandbox.write("train.py", "fit()\n")
        try sandbox.write("config.yaml", "lr: 1\n")
        try sandbox.git("add", "config.yaml")

        let outcome = try sandbox.open().commit(paths: ["ledgers"], message: "Start the ledger")

        #expect(outcome == CommitOutcome(commit: try sandbox.revision("refs/heads/main"), parent: nil,
                                         added: ["ledgers/main/a.json"], changed: [], removed: []))
        #expect(try sandbox.lines("rev-list", "--parents", "HEAD") == [outcome.commit])
        #expect(try sandbox.lines("symbolic-ref", "HEAD") == ["refs/heads/main"])
        #expect(try sandbox.lines("ls-tree", "-r", "--name-only", "HEAD") == ["ledgers/main/a.json"])
        #expect(try sandbox.status() == ["A  config.yaml", "?? train.py"])
        #expect(try sandbox.lines("reflog", "-1", "--format=%gs", "main") == ["commit (initial): Start the ledger"])
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }

    @Test func detachedHeadMovesHEADAndLeavesBranchesAlone() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.git("checkout", "-q", "--detach")
        try sandbox.write("ledgers/main/a.json", "{}\n")
        try sandbox.write("README.md", "# Paper, edited\n")

        let outcome = try sandbox.open().commit(paths: ["ledgers"], message: "Record a")

        #expect(outcome.parent == base)
        #expect(try sandbox.revision("HEAD") == outcome.commit)
        #expect(try sandbox.revision("refs/heads/main") == base)
        #expect(try sandbox.gitStatus("symbolic-ref", "-q", "HEAD") == 1)
        #expect(try sandbox.status() == [" M README.md"])
        #expect(try sandbox.lines("reflog", "-1", "--format=%gs", "HEAD") == ["commit: Record a"])
    }

    @Test func linkedWorktreeCommitsToItsOwnBranchAndIndex() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("src/model.py", "print('main worktree edit')\n")
        try sandbox.git("add", "src/model.py")
        let mainBefore = try sandbox.state()
        let linked = sandbox.root.appendingPathComponent("linked", isDirectory: true)
        try sandbox.git("worktree", "add", "-q", "-b", "experiment", linked.path)
        try sandbox.write("README.md", "# staged in the worktree\n", in: linked)
        try sandbox.git("add", "README.md", in: linked)
        try sandbox.write("ledgers/main/a.json", "{}\n", in: linked)

        let repository = try sandbox.open(at: linked.appendingPathComponent("src", isDirectory: true))
        let outcome = try repository.commit(paths: ["ledgers"], message: "Record a in the worktree")

        #expect(repository.workTree.standardizedFileURL.path == linked.standardizedFileURL.path)
        #expect(outcome.parent == base)
        #expect(try sandbox.revision("refs/heads/experiment") == outcome.commit)
        #expect(try sandbox.revision("HEAD", in: linked) == outcome.commit)
        #expect(try sandbox.lines("show", "--name-only", "--format=", "experiment") == ["ledgers/main/a.json"])
        #expect(try sandbox.status(in: linked) == ["M  README.md"])
        var mainAfter = try sandbox.state()
        mainAfter.references = mainBefore.references
        #expect(mainAfter == mainBefore)
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }
}

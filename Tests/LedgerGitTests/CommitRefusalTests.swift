import Foundation
import LedgerCore
import Testing
@testable import LedgerGit

/// Situations where a ledger commit must refuse with a clear error and change nothing.
@Suite struct CommitRefusalTests {
    @Test func lockedIndexIsReportedAndLeftAlone() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        try sandbox.write("src/model.py", "print('staged')\n")
        try sandbox.git("add", "src/model.py")
        let lock = sandbox.work.appendingPathComponent(".git/index.lock")
        try Data().write(to: lock)
        let before = try sandbox.state()
        let repository = try sandbox.open()
        repository.indexLockPatience = .milliseconds(100)

        #expect(throws: GitError.indexLocked(lockFile: lock.path)) {
            try repository.commit(paths: ["ledgers"], message: "Record a")
        }
        #expect(FileManager.default.fileExists(atPath: lock.path))
        try FileManager.default.removeItem(at: lock)
        #expect(try sandbox.state() == before)
        #expect(GitError.indexLocked(lockFile: lock.path).category == .environment)
        #expect(GitError.indexLocked(lockFile: lock.path).description.contains("Another git process may be running"))
    }

    @Test func lockHeldBrieflyByAnotherProcessIsWaitedFor() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let lock = sandbox.work.appendingPathComponent(".git/index.lock")
        try Data().write(to: lock)
        let repository = try sandbox.open()
        repository.indexLockPatience = .seconds(10)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { try? FileManager.default.removeItem(at: lock) }

        let outcome = try repository.commit(paths: ["ledgers"], message: "Record a")

        #expect(try sandbox.revision() == outcome.commit)
        #expect(try sandbox.status() == [])
    }

    @Test func bareRepositoryIsRefused() throws {
        let sandbox = try Sandbox(initialise: false)
        try sandbox.git("init", "-q", "--bare", "-b", "main")

        #expect(throws: GitError.bareRepository(path: sandbox.work.path + "/")) { try sandbox.open() }
        #expect(throws: GitError.bareRepository(path: sandbox.work.path + "/")) { try GitRepository.codeState(at: sandbox.work) }
        #expect(GitError.bareRepository(path: "x").category == .environment)
    }

    @Test func folderOutsideAnyRepositoryIsRefused() throws {
        let sandbox = try Sandbox(initialise: false)
        let folder = sandbox.work.appendingPathComponent("paper", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        #expect(throws: GitError.notARepository(path: folder.standardizedFileURL.path)) { try sandbox.open(at: folder) }
        #expect(GitError.notARepository(path: "x").category == .environment)
    }

    @Test func mergeInProgressIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.git("checkout", "-q", "-b", "side")
        try sandbox.write("README.md", "# side\n")
        try sandbox.git("commit", "-q", "-am", "side edit")
        try sandbox.git("checkout", "-q", "main")
        try sandbox.write("README.md", "# main\n")
        try sandbox.git("commit", "-q", "-am", "main edit")
        #expect(try sandbox.gitStatus("merge", "-q", "side") == 1)
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let before = try sandbox.state()
        #expect(before.status == ["UU README.md", "?? ledgers/main/a.json"])

        #expect(throws: GitError.operationInProgress(operation: "merge", repository: sandbox.work.path)) {
            try sandbox.open().commit(paths: ["ledgers"], message: "Record a")
        }
        #expect(try sandbox.state() == before)
        #expect(GitError.operationInProgress(operation: "merge", repository: "x").category == .environment)
    }

    @Test func cherryPickInProgressIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.git("checkout", "-q", "-b", "side")
        try sandbox.write("README.md", "# side\n")
        try sandbox.git("commit", "-q", "-am", "side edit")
        try sandbox.git("checkout", "-q", "main")
        try sandbox.write("README.md", "# main\n")
        try sandbox.git("commit", "-q", "-am", "main edit")
        #expect(try sandbox.gitStatus("cherry-pick", "side") != 0)
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let before = try sandbox.state()

        #expect(throws: GitError.operationInProgress(operation: "cherry-pick", repository: sandbox.work.path)) {
            try sandbox.open().commit(paths: ["ledgers"], message: "Record a")
        }
        #expect(try sandbox.state() == before)
    }

    @Test func rebaseInProgressIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.git("checkout", "-q", "-b", "side")
        try sandbox.write("README.md", "# side\n")
        try sandbox.git("commit", "-q", "-am", "side edit")
        try sandbox.git("checkout", "-q", "main")
        try sandbox.write("README.md", "# main\n")
        try sandbox.git("commit", "-q", "-am", "main edit")
        try sandbox.git("checkout", "-q", "side")
        #expect(try sandbox.gitStatus("rebase", "main") != 0)
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let before = try sandbox.state()

        #expect(throws: GitError.operationInProgress(operation: "rebase", repository: sandbox.work.path)) {
            try sandbox.open().commit(paths: ["ledgers"], message: "Record a")
        }
        #expect(try sandbox.state() == before)
    }

    /// libgit2 also reads `~/.gitconfig`, and this machine has an identity there, so the test narrows
    /// the identity lookup to the repository's own config file (the internal `identitySource`);
    /// everything else on the commit path is the same as in production.
    @Test func missingIdentityIsRefusedWithTheCommandsToFixIt() throws {
        let sandbox = try Sandbox(identity: false)
        try sandbox.write("README.md", "# Paper\n")
        try sandbox.git("add", "README.md")
        try sandbox.git("-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q", "-m", "Initial")
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let before = try sandbox.state()
        let repository = try sandbox.open()
        repository.identitySource = .repositoryConfiguration

        let expected = GitError.missingIdentity(missingKeys: ["user.name", "user.email"])
        #expect(throws: expected) { try repository.commit(paths: ["ledgers"], message: "Record a") }
        #expect(try sandbox.state() == before)
        #expect(expected.category == .environment)
        #expect(expected.description.contains("`git config user.name \"Your Name\"`"))
        #expect(expected.description.contains("`git config user.email you@example.org`"))
    }

    /// An empty value in the repository's config overrides any global one, for git and for us.
    @Test func emptyUserNameInTheRepositoryConfigIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.git("config", "user.name", "")
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let before = try sandbox.state()

        #expect(throws: GitError.missingIdentity(missingKeys: ["user.name"])) {
            try sandbox.open().commit(paths: ["ledgers"], message: "Record a")
        }
        #expect(try sandbox.gitStatus("commit", "-q", "--allow-empty", "-m", "git refuses too") != 0)
        #expect(try sandbox.state() == before)
    }
}

import Foundation
import LedgerCore
import Testing
@testable import LedgerGit

/// `commit(paths:message:)` commits the ledger and leaves every other change exactly as the user had it.
@Suite struct CommitKeepsUserChangesTests {
    @Test func stagedUnrelatedChangeStaysStagedAndOutOfTheCommit() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("src/model.py", "print('model v2')\n")
        try sandbox.git("add", "src/model.py")
        try sandbox.write("ledgers/main/a.json", "{\"a\":1}\n")
        #expect(try sandbox.status() == ["M  src/model.py", "?? ledgers/main/a.json"])

        let repository = try sandbox.open()
        let outcome = try repository.commit(paths: ["ledgers"], message: "Record artifact a")

        #expect(outcome == CommitOutcome(commit: try sandbox.revision(), parent: base,
                                         added: ["ledgers/main/a.json"], changed: [], removed: []))
        #expect(try sandbox.lines("show", "--name-status", "--format=", "HEAD") == ["A\tledgers/main/a.json"])
        #expect(try sandbox.lines("show", "--stat", "--format=%s", "HEAD") == [
            "Record artifact a", "", " ledgers/main/a.json | 1 +", " 1 file changed, 1 insertion(+)",
        ])
        #expect(try sandbox.lines("diff", "--cached", "--name-only") == ["src/model.py"])
        #expect(try sandbox.git("show", ":src/model.py") == "print('model v2')\n")
        #expect(try sandbox.git("show", "HEAD:src/model.py") == "print('model')\n")
        #expect(try sandbox.status() == ["M  src/model.py"])
        let state = try repository.codeState(excluding: [])
        #expect(state.commit == outcome.commit)
        #expect(state.diffDigest == Digest.of(try sandbox.git("diff", "HEAD", "--full-index")))
    }

    @Test func unstagedChangeStaysUnstaged() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("README.md", "# Paper, edited\n")
        try sandbox.write("ledgers/main/a.json", "{}\n")

        try sandbox.open().commit(paths: ["ledgers"], message: "Record a")

        #expect(try sandbox.status() == [" M README.md"])
        #expect(try sandbox.lines("diff", "--name-only") == ["README.md"])
        #expect(try sandbox.lines("diff", "--cached", "--name-only") == [])
        #expect(try sandbox.git("show", "HEAD:README.md") == "# Paper\n")
    }

    @Test func untrackedFilesStayUntracked() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("notes.txt", "todo\n")
        try sandbox.write("data/raw.csv", "x,y\n")
        try sandbox.write("ledgers/main/a.json", "{}\n")

        try sandbox.open().commit(paths: ["ledgers"], message: "Record a")

        #expect(try sandbox.status() == ["?? data/raw.csv", "?? notes.txt"])
        #expect(try sandbox.lines("ls-tree", "-r", "--name-only", "HEAD") == ["README.md", "ledgers/main/a.json", "src/model.py"])
    }

    @Test func everyKindOfUserChangeAtOnceIsPreserved() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("staged.txt", "new and staged\n")
        try sandbox.git("add", "staged.txt")
        try sandbox.write("src/model.py", "print('half staged')\n")
        try sandbox.git("add", "src/model.py")
        try sandbox.write("src/model.py", "print('half staged, then edited')\n")
        try sandbox.git("rm", "-q", "--cached", "README.md")
        try sandbox.write("scratch.txt", "untracked\n")
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let before = try sandbox.status()
        let stagedBefore = try sandbox.git("diff", "--cached")
        let unstagedBefore = try sandbox.git("diff")

        try sandbox.open().commit(paths: ["ledgers"], message: "Record a")

        #expect(before.contains("?? ledgers/main/a.json"))
        #expect(try sandbox.status() == before.filter { !$0.contains("ledgers/") })
        #expect(try sandbox.git("diff", "--cached") == stagedBefore)
        #expect(try sandbox.git("diff") == unstagedBefore)
        #expect(try sandbox.lines("show", "--name-status", "--format=", "HEAD") == ["A\tledgers/main/a.json"])
    }

    @Test func ledgerFilesAlreadyStagedByTheUserEndUpClean() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{\"v\":1}\n")
        try sandbox.git("add", "ledgers")
        try sandbox.write("ledgers/main/a.json", "{\"v\":2}\n")

        let outcome = try sandbox.open().commit(paths: ["ledgers"], message: "Record a")

        #expect(outcome.added == ["ledgers/main/a.json"])
        #expect(try sandbox.git("show", "HEAD:ledgers/main/a.json") == "{\"v\":2}\n")
        #expect(try sandbox.status() == [])
    }
}

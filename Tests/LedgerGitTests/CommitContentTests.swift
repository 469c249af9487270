import Foundation
import LedgerCore
import Testing
@testable import LedgerGit

/// What goes into a ledger commit, and how it looks to git's own tools.
@Suite struct CommitContentTests {
    @Test func addsChangesAndRemovesExactlyTheWorkTreeContentOfThePaths() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write(".gitignore", "*.tmp\n")
        try sandbox.write("ledgers/main/keep.json", "keep\n")
        try sandbox.write("ledgers/main/edit.json", "old\n")
        try sandbox.write("ledgers/main/gone.json", "bye\n")
        try sandbox.write(".gitattributes", "*.json text\n")
        try sandbox.git("add", ".")
        try sandbox.git("commit", "-q", "-m", "Ledger so far")
        let base = try sandbox.revision()

        try sandbox.write("ledgers/main/edit.json", "new\n")
        try sandbox.remove("ledgers/main/gone.json")
        try sandbox.write("ledgers/other/new.json", "fresh\n")
        try sandbox.write("ledgers/run.sh", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.work.appendingPathComponent("ledgers/run.sh").path)
        try sandbox.write("ledgers/main/partial.tmp", "ignored\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.work.appendingPathComponent("ledgers/latest").path, withDestinationPath: "main/edit.json")
        try sandbox.write(".gitattributes", "*.json text eol=lf\n")

        let outcome = try sandbox.open().commit(paths: ["ledgers/", "./.gitattributes"], message: "Update ledger")

        #expect(outcome == CommitOutcome(
            commit: try sandbox.revision(), parent: base,
            added: ["ledgers/latest", "ledgers/other/new.json", "ledgers/run.sh"],
            changed: [".gitattributes", "ledgers/main/edit.json"],
            removed: ["ledgers/main/gone.json"]))
        #expect(outcome.files == [
            ".gitattributes", "ledgers/latest", "ledgers/main/edit.json", "ledgers/main/gone.json", "ledgers/other/new.json", "ledgers/run.sh",
        ])
        #expect(try sandbox.lines("show", "--name-status", "--format=", "HEAD") == [
            "M\t.gitattributes", "A\tledgers/latest", "M\tledgers/main/edit.json", "D\tledgers/main/gone.json",
            "A\tledgers/other/new.json", "A\tledgers/run.sh",
        ])
        #expect(try sandbox.lines("ls-tree", "-r", "--format=%(objectmode) %(path)", "HEAD", "ledgers") == [
            "120000 ledgers/latest", "100644 ledgers/main/edit.json", "100644 ledgers/main/keep.json",
            "100644 ledgers/other/new.json", "100755 ledgers/run.sh",
        ])
        #expect(try sandbox.git("cat-file", "blob", "HEAD:ledgers/latest") == "main/edit.json")
        #expect(try sandbox.git("show", "HEAD:ledgers/main/edit.json") == "new\n")
        #expect(try sandbox.status() == [])
        #expect(try sandbox.lines("status", "--porcelain=v1", "--ignored") == ["!! ledgers/main/partial.tmp"])
    }

    /// With `core.filemode=false` (file systems without an executable bit) git keeps the recorded mode.
    @Test func keepsRecordedModesWhenTheFileSystemCannotStoreThem() throws {
        let sandbox = try Sandbox()
        try sandbox.write("ledgers/tool.sh", "echo 1\n")
        try sandbox.git("add", "ledgers")
        try sandbox.commitInitialFiles()
        try sandbox.git("config", "core.filemode", "false")
        try sandbox.write("ledgers/tool.sh", "echo 2\n")
        try sandbox.write("ledgers/new.sh", "echo new\n")
        for path in ["ledgers/tool.sh", "ledgers/new.sh"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.work.appendingPathComponent(path).path)
        }

        try sandbox.open().commit(paths: ["ledgers"], message: "Edit tools")

        #expect(try sandbox.lines("ls-tree", "-r", "--format=%(objectmode) %(path)", "HEAD", "ledgers") == [
            "100644 ledgers/new.sh", "100644 ledgers/tool.sh",
        ])
        #expect(try sandbox.status() == [])
    }

    @Test func worksFromASubfolderWithPathsRelativeToTheTopOfTheWorkTree() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        let subfolder = sandbox.work.appendingPathComponent("src", isDirectory: true)

        let repository = try sandbox.open(at: subfolder)
        let outcome = try repository.commit(paths: ["ledgers"], message: "Record a")

        #expect(repository.workTree.standardizedFileURL.path == sandbox.work.standardizedFileURL.path)
        #expect(outcome.added == ["ledgers/main/a.json"])
        #expect(try sandbox.lines("show", "--name-only", "--format=", "HEAD") == ["ledgers/main/a.json"])
        #expect(try sandbox.status() == [])
    }

    @Test func commitLooksNormalToGitAndPassesStrictFsck() throws {
        let sandbox = try Sandbox()
        let base = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")

        let outcome = try sandbox.open().commit(paths: ["ledgers"], message: "Record a  \n\n\n\nWith a body line.   \n\n")

        let object = try sandbox.lines("cat-file", "-p", outcome.commit)
        #expect(object.count == 8)
        #expect(object[0] == "tree " + (try sandbox.revision("HEAD^{tree}")))
        #expect(object[1] == "parent " + base)
        #expect(object[2].hasPrefix("author Test Researcher <researcher@example.org> "))
        #expect(object[3].hasPrefix("committer Test Researcher <researcher@example.org> "))
        #expect(Array(object[4...]) == ["", "Record a", "", "With a body line."])
        #expect(try sandbox.git("cat-file", "commit", outcome.commit).hasSuffix("\n\nRecord a\n\nWith a body line.\n"))
        #expect(try sandbox.lines("reflog", "-1", "--format=%gs", "main") == ["commit: Record a"])
        #expect(try sandbox.lines("reflog", "-1", "--format=%gs", "HEAD") == ["commit: Record a"])
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }

    @Test func nothingToCommitWhenThePathsEqualHEAD() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")
        try sandbox.write("src/model.py", "print('changed')\n")
        let repository = try sandbox.open()
        try repository.commit(paths: ["ledgers"], message: "Record a")
        let before = try sandbox.state()

        #expect(throws: GitError.nothingToCommit(paths: ["ledgers"])) {
            try repository.commit(paths: ["ledgers"], message: "Again")
        }
        #expect(try sandbox.state() == before)
        #expect(GitError.nothingToCommit(paths: ["ledgers"]).category == .badInput)
    }

    @Test func overlappingPathsCountEachFileOnce() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{}\n")

        let outcome = try sandbox.open().commit(paths: ["ledgers/main", "ledgers", "ledgers/main/a.json"], message: "Record a")

        #expect(outcome.added == ["ledgers/main/a.json"])
    }

    @Test func rejectsPathsOutsideTheWorkTreeAndUnknownPaths() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        let repository = try sandbox.open()
        let before = try sandbox.state()

        for path in ["../elsewhere", "/etc/passwd", ".git/config", "", "ledgers/../../x"] {
            #expect(throws: GitError.invalidPath(path)) { try repository.commit(paths: [path], message: "m") }
        }
        #expect(throws: GitError.invalidPath("")) { try repository.commit(paths: [], message: "m") }
        #expect(throws: GitError.unknownPath("ledgrs")) { try repository.commit(paths: ["ledgrs"], message: "m") }
        #expect(throws: GitError.emptyMessage) { try repository.commit(paths: ["README.md"], message: " \n\t\n") }
        #expect(try sandbox.state() == before)
        #expect(GitError.invalidPath("x").category == .badInput)
    }
}

/// The index entries a ledger commit writes, checked with git's plumbing.
@Suite struct CommitIndexEntryTests {
    /// Old files get their real stat data, so `git diff-files` (which never re-reads content) sees
    /// them clean; files modified in the last seconds get size 0 so git re-checks their content once,
    /// since an edit within the same timestamp tick would otherwise go unnoticed.
    @Test func entriesCarryStatDataAndRecentFilesAreMarkedForRechecking() throws {
        let sandbox = try Sandbox()
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for (path, content) in [("README.md", "# Paper\n"), ("ledgers/main/old.json", "{\"old\":1}\n")] {
            try sandbox.write(path, content)
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: sandbox.work.appendingPathComponent(path).path)
        }
        try sandbox.git("add", "README.md")
        try sandbox.git("commit", "-q", "-m", "Initial")
        try sandbox.write("ledgers/main/new.json", "{\"new\":2}\n")

        try sandbox.open().commit(paths: ["ledgers"], message: "Record old and new")

        #expect(try sandbox.lines("diff-files", "--name-only") == ["ledgers/main/new.json"])
        let debug = try sandbox.lines("ls-files", "--debug", "ledgers")
        #expect(debug.filter { $0.hasPrefix("ledgers/") } == ["ledgers/main/new.json", "ledgers/main/old.json"])
        #expect(debug.contains { $0.contains("size: 10") })
        #expect(debug.contains { $0.contains("size: 0") })
        #expect(try sandbox.status() == [])
        #expect(try sandbox.lines("diff-files", "--name-only") == [])
    }
}

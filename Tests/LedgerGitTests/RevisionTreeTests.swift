import Foundation
import Testing
@testable import LedgerGit

/// Reading every file of one commit, and commit messages written from the changes.
@Suite struct RevisionTreeTests {
    @Test func listsFilesUnderAPrefixAtThatCommitOnly() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/b/2.json", "two\n")
        try sandbox.write("ledgers/main/a/1.json", "one\n")
        try sandbox.write("ledgers/other/x.json", "x\n")
        try sandbox.write("ledgers-old/y.json", "y\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.work.appendingPathComponent("ledgers/link").path,
                                                   withDestinationPath: "main/a/1.json")
        try sandbox.git("add", ".")
        try sandbox.git("commit", "-q", "-m", "ledgers")
        let tagged = try sandbox.revision()
        try sandbox.git("tag", "-a", "-m", "submitted", "v1")
        try sandbox.write("ledgers/main/c.json", "later\n")
        try sandbox.git("add", ".")
        try sandbox.git("commit", "-q", "-m", "later")

        let tree = try sandbox.open().tree(at: "v1")

        #expect(tree.commit == tagged)
        #expect(try tree.files(under: "ledgers/") == ["ledgers/link", "ledgers/main/a/1.json", "ledgers/main/b/2.json", "ledgers/other/x.json"])
        #expect(try tree.files(under: "ledgers/main") == ["ledgers/main/a/1.json", "ledgers/main/b/2.json"])
        #expect(try tree.files(under: "ledgers/main/a/1.json") == ["ledgers/main/a/1.json"])
        #expect(try tree.files(under: "ledgers/none") == [])
        #expect(try tree.files(under: "").count == 7)
        #expect(try tree.content(of: "ledgers/main/b/2.json") == Array("two\n".utf8))
        #expect(try tree.content(of: "ledgers/link") == Array("main/a/1.json".utf8))
        #expect(try tree.content(of: "ledgers/main/c.json") == nil)
        #expect(try tree.content(of: "ledgers/main") == nil)
        #expect(throws: GitError.invalidPath("../x")) { try tree.content(of: "../x") }
    }

    @Test func unknownRevisionsAndUnbornBranchesAreRefused() throws {
        let sandbox = try Sandbox()
        #expect(throws: GitError.unknownRevision("HEAD")) { try sandbox.open().tree(at: "HEAD") }
        try sandbox.commitInitialFiles()
        #expect(throws: GitError.unknownRevision("v9")) { try sandbox.open().tree(at: "v9") }
    }

    @Test func messageIsWrittenFromThePlannedChanges() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "a\n")
        try sandbox.write("README.md", "# Changed\n")
        var seen: [CommitChanges] = []

        let outcome = try sandbox.open().commit(paths: ["ledgers", "README.md", "src"]) { changes in
            seen.append(changes)
            return "Add \(changes.added.count), change \(changes.changed.count)"
        }

        #expect(seen == [CommitChanges(added: ["ledgers/main/a.json"], changed: ["README.md"], removed: [])])
        #expect(outcome.added == ["ledgers/main/a.json"])
        #expect(try sandbox.lines("log", "-1", "--format=%B") == ["Add 1, change 1"])
        #expect(throws: GitError.nothingToCommit(paths: ["ledgers"])) {
            try sandbox.open().commit(paths: ["ledgers"]) { _ in "never asked" }
        }
        #expect(throws: GitError.emptyMessage) {
            try sandbox.write("ledgers/main/b.json", "b\n")
            try sandbox.open().commit(paths: ["ledgers"]) { _ in "  \n" }
        }
        #expect(try sandbox.status() == ["?? ledgers/main/b.json"])
    }
}

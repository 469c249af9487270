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
        #expect(try tree.content(of: "ledgers/main/b/2.json", limit: 4) == .bytes(Array("two\n".utf8)))
        // A link's target is not content; a blob over the cap is refused by its size, unread.
        #expect(try tree.content(of: "ledgers/link", limit: 100) == .symbolicLink)
        #expect(try tree.content(of: "ledgers/main/b/2.json", limit: 3) == .tooLarge(size: 4))
        #expect(try tree.content(of: "ledgers/main/c.json", limit: 100) == nil)
        #expect(try tree.content(of: "ledgers/main", limit: 100) == nil)
        #expect(throws: GitError.invalidPath("../x")) { try tree.content(of: "../x", limit: 100) }
    }

    /// A blob of 64 MiB of zeros is 64 KiB in git: its size is read from the object's header,
    /// and it is refused before libgit2 inflates it, whether listed first or looked up by path.
    @Test func anOversizedBlobIsRefusedFromItsHeader() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/big.json", String(repeating: "\u{0}", count: 64 << 20))
        try sandbox.git("add", ".")
        try sandbox.git("commit", "-q", "-m", "big")
        try sandbox.git("gc", "-q")

        let tree = try sandbox.open().tree(at: "HEAD")
        #expect(try tree.content(of: "ledgers/main/big.json", limit: 4 << 20) == .tooLarge(size: 64 << 20))
        #expect(try tree.files(under: "ledgers") == ["ledgers/main/big.json"])
        #expect(try tree.content(of: "ledgers/main/big.json", limit: 4 << 20) == .tooLarge(size: 64 << 20))
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

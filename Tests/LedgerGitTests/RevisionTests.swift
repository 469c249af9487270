import Foundation
import LedgerCore
import Testing
@testable import LedgerGit

/// Reading history: resolving revisions, file contents at a revision, files added between two.
@Suite struct RevisionTests {
    /// Three commits: the initial code, a ledger with a.json, then b.json and a note outside the ledger.
    private func history() throws -> (Sandbox, [String]) {
        let sandbox = try Sandbox()
        let first = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/a.json", "{\"a\":1}\n")
        try sandbox.git("add", "ledgers")
        try sandbox.git("commit", "-q", "-m", "a")
        let second = try sandbox.revision()
        try sandbox.write("ledgers/main/b.json", "{\"b\":2}\n")
        try sandbox.write("ledgers/other/c.json", "{}\n")
        try sandbox.write("notes.md", "n\n")
        try sandbox.git("add", ".")
        try sandbox.git("commit", "-q", "-m", "b")
        return (sandbox, [first, second, try sandbox.revision()])
    }

    @Test func resolvesEveryKindOfRevisionToTheFullCommitId() throws {
        let (sandbox, ids) = try history()
        try sandbox.git("tag", "-a", "-m", "annotated", "v1", ids[1])
        try sandbox.git("tag", "light", ids[0])
        let repository = try sandbox.open()

        #expect(try repository.resolve("HEAD") == ids[2])
        #expect(try repository.resolve("main") == ids[2])
        #expect(try repository.resolve("HEAD~1") == ids[1])
        #expect(try repository.resolve("HEAD^^") == ids[0])
        #expect(try repository.resolve("v1") == ids[1])
        #expect(try repository.resolve("refs/tags/light") == ids[0])
        #expect(try repository.resolve(String(ids[1].prefix(12))) == ids[1])
        #expect(try repository.resolve(ids[0]) == ids[0])
    }

    @Test func unknownRevisionsAreReportedByName() throws {
        let (sandbox, _) = try history()
        let repository = try sandbox.open()

        #expect(throws: GitError.unknownRevision("no-such-branch")) { try repository.resolve("no-such-branch") }
        #expect(throws: GitError.unknownRevision("HEAD~9")) { try repository.resolve("HEAD~9") }
        #expect(throws: GitError.unknownRevision("HEAD^{tree}")) { try repository.resolve("HEAD^{tree}") }
        #expect(throws: GitError.unknownRevision("bad..spec..")) { try repository.resolve("bad..spec..") }
        #expect(GitError.unknownRevision("x").category == .badInput)
    }

    @Test func unbornHEADIsAnUnknownRevision() throws {
        let sandbox = try Sandbox()

        #expect(throws: GitError.unknownRevision("HEAD")) { try sandbox.open().resolve("HEAD") }
    }

    @Test func blobReturnsTheExactBytesAtThatRevision() throws {
        let (sandbox, ids) = try history()
        let binary = Data([0, 159, 146, 150, 10, 0])
        try sandbox.write("ledgers/main/blob.bin", binary)
        try sandbox.git("add", "ledgers")
        try sandbox.git("commit", "-q", "-m", "binary")
        let repository = try sandbox.open()

        #expect(try repository.blob(at: ids[1], path: "ledgers/main/a.json") == Array("{\"a\":1}\n".utf8))
        #expect(try repository.blob(at: "HEAD", path: "ledgers/main/blob.bin") == Array(binary))
        #expect(try repository.blob(at: ids[1], path: "ledgers/main/b.json") == nil)
        #expect(try repository.blob(at: "HEAD", path: "ledgers/main") == nil)
        #expect(throws: GitError.unknownRevision("nope")) { try repository.blob(at: "nope", path: "README.md") }
    }

    @Test func addedFilesListsOnlyNewFilesUnderThePrefix() throws {
        let (sandbox, ids) = try history()
        try sandbox.write("ledgers/main/a.json", "{\"a\":\"edited\"}\n")
        try sandbox.git("commit", "-q", "-am", "edit a")
        let repository = try sandbox.open()

        #expect(try repository.addedFiles(from: ids[0], to: ids[2], under: "ledgers") == [
            "ledgers/main/a.json", "ledgers/main/b.json", "ledgers/other/c.json",
        ])
        #expect(try repository.addedFiles(from: ids[1], to: nil, under: "ledgers/main") == ["ledgers/main/b.json"])
        #expect(try repository.addedFiles(from: ids[1], to: nil, under: "") == ["ledgers/main/b.json", "ledgers/other/c.json", "notes.md"])
        #expect(try repository.addedFiles(from: ids[2], to: "HEAD", under: "ledgers") == [])
        #expect(try repository.addedFiles(from: ids[2], to: ids[0], under: "ledgers") == [])
        #expect(try repository.addedFiles(from: ids[0], to: ids[2], under: "ledger") == [])
    }
}

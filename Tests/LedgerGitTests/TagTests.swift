import Foundation
import Testing
@testable import LedgerGit

/// Annotated tags marking ledger states.
@Suite struct TagTests {
    @Test func annotatedTagOnHEADWithTaggerFromConfig() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()
        let repository = try sandbox.open()

        let tag = try repository.createAnnotatedTag(name: "repro/submission-1", message: "Camera-ready ledger\n\nTables 1-3.")

        #expect(tag == (try sandbox.revision("refs/tags/repro/submission-1")))
        #expect(try sandbox.revision("repro/submission-1^{commit}") == head)
        let object = try sandbox.lines("cat-file", "-p", "refs/tags/repro/submission-1")
        #expect(Array(object[0...2]) == ["object \(head)", "type commit", "tag repro/submission-1"])
        #expect(object[3].hasPrefix("tagger Test Researcher <researcher@example.org> "))
        #expect(Array(object[4...]) == ["", "Camera-ready ledger", "", "Tables 1-3."])
        #expect(try repository.tagMessage("repro/submission-1") == "Camera-ready ledger\n\nTables 1-3.\n")
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }

    @Test func existingTagIsNeverMoved() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        let repository = try sandbox.open()
        let first = try repository.createAnnotatedTag(name: "v1", message: "first")
        try sandbox.write("README.md", "# next\n")
        try sandbox.git("commit", "-q", "-am", "next")

        #expect(throws: GitError.tagExists("v1")) { try repository.createAnnotatedTag(name: "v1", message: "second") }
        #expect(try sandbox.revision("refs/tags/v1") == first)
        #expect(try repository.tagMessage("v1") == "first\n")
    }

    @Test func invalidNamesAndUnbornBranchesAreRefused() throws {
        let sandbox = try Sandbox()
        let repository = try sandbox.open()
        #expect(throws: GitError.unbornBranch(branch: "main")) { try repository.createAnnotatedTag(name: "v1", message: "m") }

        try sandbox.commitInitialFiles()
        #expect(throws: GitError.invalidTagName("bad name")) { try repository.createAnnotatedTag(name: "bad name", message: "m") }
        #expect(throws: GitError.invalidTagName("v1..2")) { try repository.createAnnotatedTag(name: "v1..2", message: "m") }
        #expect(throws: GitError.emptyMessage) { try repository.createAnnotatedTag(name: "v1", message: "\n") }
        #expect(try sandbox.lines("tag") == [])
    }

    /// Reads the tagger from the repository's own config only, for the reason given in CommitRefusalTests.
    @Test func missingIdentityIsRefused() throws {
        let sandbox = try Sandbox(identity: false)
        try sandbox.write("README.md", "# Paper\n")
        try sandbox.git("add", "README.md")
        try sandbox.git("-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q", "-m", "Initial")
        let repository = try sandbox.open()
        repository.identitySource = .repositoryConfiguration

        #expect(throws: GitError.missingIdentity(missingKeys: ["user.name", "user.email"])) {
            try repository.createAnnotatedTag(name: "v1", message: "m")
        }
        #expect(try sandbox.lines("tag") == [])
    }

    @Test func tagNamesWithAPrefixInGitByteOrder() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        for name in ["repro/b", "repro/a", "repro/B", "other", "repro-x", "reprox"] {
            try sandbox.git("tag", name)
        }
        let repository = try sandbox.open()

        #expect(try repository.tagNames(withPrefix: "repro/") == ["repro/B", "repro/a", "repro/b"])
        #expect(try repository.tagNames(withPrefix: "repro") == ["repro-x", "repro/B", "repro/a", "repro/b", "reprox"])
        #expect(try repository.tagNames(withPrefix: "") == ["other", "repro-x", "repro/B", "repro/a", "repro/b", "reprox"])
        #expect(try repository.tagNames(withPrefix: "none") == [])
    }

    @Test func messagesOfLightweightAndMissingTags() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.git("tag", "light")
        try sandbox.git("tag", "-a", "-m", "made by git", "heavy")
        let repository = try sandbox.open()

        #expect(try repository.tagMessage("heavy") == "made by git\n")
        #expect(throws: GitError.notAnnotatedTag("light")) { try repository.tagMessage("light") }
        #expect(throws: GitError.unknownTag("missing")) { try repository.tagMessage("missing") }
    }

    /// A caller that just committed tags its own commit, even when HEAD has moved on since.
    @Test func tagsANamedCommitRatherThanHEAD() throws {
        let sandbox = try Sandbox()
        let first = try sandbox.commitInitialFiles()
        try sandbox.write("README.md", "# later\n")
        try sandbox.git("commit", "-q", "-am", "later")
        let repository = try sandbox.open()

        _ = try repository.createAnnotatedTag(name: "repro/main/1", message: "sealed", at: first)

        #expect(try sandbox.revision("repro/main/1^{commit}") == first)
        #expect(throws: GitError.unknownRevision("nope")) { try repository.createAnnotatedTag(name: "v2", message: "m", at: "nope") }
        #expect(try sandbox.lines("tag") == ["repro/main/1"])
        #expect(try sandbox.gitStatus("fsck", "--strict", "--no-dangling") == 0)
    }
}

import Testing
@testable import LedgerGit

/// Every error maps to the CLI's exit status (2 bad input, 3 environment) and says what to do.
@Suite struct GitErrorTests {
    static let cases: [(GitError, Int32, String)] = [
        (.notARepository(path: "/p"), 3, "`git init`"),
        (.bareRepository(path: "/p.git"), 3, "clone or worktree"),
        (.indexLocked(lockFile: "/p/.git/index.lock"), 3, "remove the file"),
        (.missingIdentity(missingKeys: ["user.email"]), 3, "`git config user.email you@example.org`"),
        (.operationInProgress(operation: "rebase", repository: "/p"), 3, "Finish it or abort it"),
        (.unbornBranch(branch: "main"), 3, "Make a first commit"),
        (.concurrentUpdate(reference: "refs/heads/main"), 3, "Run again"),
        (.indexNotUpdated(commit: "abc", paths: ["ledgers"], reason: "disk full"), 3, "`git reset -q -- ledgers`"),
        (.fileSystem(operation: "list", path: "/p", reason: "Permission denied"), 3, "Permission denied"),
        (.libgit2(operation: "read HEAD", code: -1, message: "corrupt"), 3, "Could not read HEAD: corrupt"),
        (.unknownRevision("v9"), 2, "git rev-parse --verify"),
        (.ambiguousRevision("ab"), 2, "more digits"),
        (.invalidPath("../x"), 2, "relative to the top of the work tree"),
        (.unknownPath("ledgrs"), 2, "Check the spelling"),
        (.nothingToCommit(paths: ["ledgers"]), 2, "the same as in HEAD"),
        (.emptyMessage, 2, "Give a message"),
        (.tagExists("v1"), 2, "`git tag -d 'v1'`"),
        (.invalidTagName("a b"), 2, "git check-ref-format"),
        (.unknownTag("v1"), 2, "`git tag`"),
        (.notAnnotatedTag("v1"), 2, "`git tag -a`"),
    ]

    @Test(arguments: cases)
    func exitCodeAndAdvice(error: GitError, exitCode: Int32, advice: String) {
        #expect(error.exitCode == exitCode)
        #expect(error.description.contains(advice))
    }
}

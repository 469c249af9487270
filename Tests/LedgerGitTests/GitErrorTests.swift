import LedgerCore
import Testing
@testable import LedgerGit

/// Every error says its category (bad input or environment; the CLI maps it to 2 or 3) and what to do.
@Suite struct GitErrorTests {
    static let cases: [(GitError, ErrorCategory, String)] = [
        (.notARepository(path: "/p"), .environment, "`git init`"),
        (.bareRepository(path: "/p.git"), .environment, "clone or worktree"),
        (.indexLocked(lockFile: "/p/.git/index.lock"), .environment, "remove the file"),
        (.missingIdentity(missingKeys: ["user.email"]), .environment, "`git config user.email you@example.org`"),
        (.operationInProgress(operation: "rebase", repository: "/p"), .environment, "Finish it or abort it"),
        (.unbornBranch(branch: "main"), .environment, "Make a first commit"),
        (.concurrentUpdate(reference: "refs/heads/main"), .environment, "Run again"),
        (.fileSystem(operation: "list", path: "/p", reason: "Permission denied"), .environment, "Permission denied"),
        (.libgit2(operation: "read HEAD", code: -1, message: "corrupt"), .environment, "Could not read HEAD: corrupt"),
        (.unknownRevision("v9"), .badInput, "git rev-parse --verify"),
        (.ambiguousRevision("ab"), .badInput, "more digits"),
        (.invalidPath("../x"), .badInput, "relative to the top of the work tree"),
        (.unknownPath("ledgrs"), .badInput, "Check the spelling"),
        (.nothingToCommit(paths: ["ledgers"]), .badInput, "the same as in HEAD"),
        (.emptyMessage, .badInput, "Give a message"),
        (.tagExists("v1"), .badInput, "`git tag -d 'v1'`"),
        (.invalidTagName("a b"), .badInput, "git check-ref-format"),
        (.unknownTag("v1"), .badInput, "`git tag`"),
        (.notAnnotatedTag("v1"), .badInput, "`git tag -a`"),
    ]

    @Test(arguments: cases)
    func categoryAndAdvice(error: GitError, category: ErrorCategory, advice: String) {
        #expect(error.category == category)
        #expect(error.description.contains(advice))
    }
}

import CLibGit2
import Foundation

/// An open git repository with a work tree, read and written through libgit2.
///
/// Not `Sendable`: libgit2 objects may be used from one thread at a time only.
/// Threads that need the same repository each open their own handle; commits
/// stay safe between handles and processes because they take git's index lock.
public final class GitRepository {
    let pointer: OpaquePointer

    /// Top of the work tree.
    public let workTree: URL

    /// Which configuration files the committer identity comes from; tests narrow it to the
    /// repository's own file so the machine's `~/.gitconfig` cannot hide a missing identity.
    var identitySource = IdentitySource.allConfiguration

    /// How long a commit waits for another process's index lock before giving up.
    var indexLockPatience: Duration = .seconds(2)

    /// Called after the new commit is written and before the branch moves, so tests can play a concurrent writer.
    var willMoveReference: (() -> Void)?

    private init(pointer: OpaquePointer, workTree: URL) {
        self.pointer = pointer
        self.workTree = workTree
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository containing `directory`, searching upward, so it works from a subfolder and in a linked worktree.
    ///
    /// Throws `GitError.notARepository` when no repository contains the folder and
    /// `GitError.bareRepository` when the one found has no work tree.
    public static func discover(from directory: URL) throws -> GitRepository {
        LibGit2.initialise()
        let start = directory.standardizedFileURL.path
        var found = git_buf()
        defer { git_buf_dispose(&found) }
        let code = git_repository_discover(&found, start, 0, nil)
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError.notARepository(path: start)
        }
        try check(code, "look for a git repository containing \(start)")

        var opened: OpaquePointer?
        try check(git_repository_open(&opened, found.ptr), "open the git repository found at \(String(cString: found.ptr))")
        guard let repository = opened else {
            throw GitError.libgit2(operation: "open the git repository containing \(start)", code: -1, message: "libgit2 returned no repository")
        }
        guard git_repository_is_bare(repository) == 0, let workdir = git_repository_workdir(repository) else {
            let gitDirectory = String(cString: git_repository_path(repository))
            git_repository_free(repository)
            throw GitError.bareRepository(path: gitDirectory)
        }
        return GitRepository(pointer: repository, workTree: URL(fileURLWithPath: String(cString: workdir), isDirectory: true))
    }

    /// The `.git` folder of this work tree (`.git/worktrees/NAME` in a linked worktree), for messages.
    var gitDirectory: String {
        String(cString: git_repository_path(pointer))
    }

    /// The work tree path without its trailing `/`, for messages and file-system calls.
    var workTreePath: String {
        workTree.path.hasSuffix("/") && workTree.path.count > 1 ? String(workTree.path.dropLast()) : workTree.path
    }

    /// Absolute file-system path of a repository-relative path.
    func absolutePath(_ relative: String) -> String {
        workTreePath + "/" + relative
    }
}

import LedgerCore

/// Everything that can go wrong talking to git, worded so a researcher knows what to do next.
///
/// `category`: bad input when the request itself is wrong, environment when the repository
/// or machine is not in a state we can work in.
public enum GitError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// No repository contains this folder.
    case notARepository(path: String)
    /// The repository has no work tree, so there is nothing to record or commit from.
    case bareRepository(path: String)
    /// Another git process holds the index, or a crashed one left its lock behind.
    case indexLocked(lockFile: String)
    /// `user.name` or `user.email` (the listed keys) is unset or empty.
    case missingIdentity(missingKeys: [String])
    /// A merge, rebase, cherry-pick, revert, bisect or `git am` is unfinished (the name of it).
    case operationInProgress(operation: String, repository: String)
    /// HEAD's branch has no commit yet, and the request needs one.
    case unbornBranch(branch: String)
    /// The revision names no commit here.
    case unknownRevision(String)
    /// A short id matches several objects.
    case ambiguousRevision(String)
    /// A path that cannot name a file in the work tree (absolute, `..`, inside `.git`, empty).
    case invalidPath(String)
    /// A path to commit that exists neither in the work tree nor in HEAD nor in the index.
    case unknownPath(String)
    /// The given paths in the work tree are identical to HEAD.
    case nothingToCommit(paths: [String])
    /// The commit or tag message is empty once whitespace is stripped.
    case emptyMessage
    case tagExists(String)
    case invalidTagName(String)
    case unknownTag(String)
    /// The tag is lightweight, so it has no message.
    case notAnnotatedTag(String)
    /// The reference kept moving under us while we tried to commit.
    case concurrentUpdate(reference: String)
    /// A file-system call failed outside libgit2.
    case fileSystem(operation: String, path: String, reason: String)
    /// Any other libgit2 failure: what we tried, libgit2's code and its message.
    case libgit2(operation: String, code: Int32, message: String)

    public var category: ErrorCategory {
        switch self {
        case .unknownRevision, .ambiguousRevision, .invalidPath, .unknownPath, .nothingToCommit,
             .emptyMessage, .tagExists, .invalidTagName, .unknownTag, .notAnnotatedTag:
            return .badInput
        case .notARepository, .bareRepository, .indexLocked, .missingIdentity, .operationInProgress, .unbornBranch,
             .concurrentUpdate, .fileSystem, .libgit2:
            return .environment
        }
    }

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "\(path) is not inside a git repository. Run the command from your paper's repository, or create one with `git init`."
        case .bareRepository(let path):
            return "\(path) is a bare git repository, which has no work tree to record or commit. Run the command in a clone or worktree of it."
        case .indexLocked(let lockFile):
            return "The git index is locked by \(lockFile). Another git process may be running; wait for it to finish. If none is running, a crashed one left the lock behind: remove the file and run again."
        case .missingIdentity(let keys):
            let commands = keys.map { $0 == "user.name" ? "git config user.name \"Your Name\"" : "git config user.email you@example.org" }
            return "git does not know who is committing: \(keys.joined(separator: " and ")) \(keys.count == 1 ? "is" : "are") not set. Run \(commands.map { "`\($0)`" }.joined(separator: " and ")) in this repository (add --global to set it for every repository), then run again."
        case .operationInProgress(let operation, let repository):
            return "A \(operation) is in progress in \(repository). Finish it or abort it (see `git status`), then run again; committing now would mix the ledger into it."
        case .unbornBranch(let branch):
            return "Branch \(branch) has no commits yet. Make a first commit, then run again."
        case .unknownRevision(let revision):
            return "'\(revision)' does not name a commit in this repository. Check it with `git rev-parse --verify '\(revision)^{commit}'`."
        case .ambiguousRevision(let revision):
            return "'\(revision)' is ambiguous: several objects start with it. Give more digits of the commit id."
        case .invalidPath(let path):
            return "'\(path)' cannot be committed: give a path relative to the top of the work tree, without '..' and outside .git."
        case .unknownPath(let path):
            return "'\(path)' is neither in the work tree nor known to git. Check the spelling."
        case .nothingToCommit(let paths):
            return "Nothing to commit: \(paths.joined(separator: ", ")) \(paths.count == 1 ? "is" : "are") the same as in HEAD."
        case .emptyMessage:
            return "The message is empty. Give a message that says what the ledger change records."
        case .tagExists(let name):
            return "Tag '\(name)' already exists. Choose another name, or delete the old tag with `git tag -d '\(name)'` if it is wrong."
        case .invalidTagName(let name):
            return "'\(name)' is not a valid git tag name (see `git check-ref-format`). Avoid spaces, '..', '~', '^', ':' and a trailing '.lock'."
        case .unknownTag(let name):
            return "There is no tag '\(name)'. List the tags with `git tag`."
        case .notAnnotatedTag(let name):
            return "Tag '\(name)' is a lightweight tag and has no message. Only annotated tags (`git tag -a`) carry one."
        case .concurrentUpdate(let reference):
            return "\(reference) kept changing while committing (another process is committing at the same time). Run again once it has finished."
        case .fileSystem(let operation, let path, let reason):
            return "Could not \(operation) \(path): \(reason)."
        case .libgit2(let operation, let code, let message):
            return "Could not \(operation): \(message) (libgit2 error \(code))."
        }
    }
}

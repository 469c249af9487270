import Foundation
import LedgerCore
import LedgerGit

/// What `repro commit` did. When nothing differed from HEAD, `committed` is false and the rest is empty.
public struct CommitReport: Codable, Sendable, Equatable {
    public var committed: Bool
    /// The paths considered: `ledgers`, and `.gitignore` when only `repro init` changed it.
    public var paths: [String]
    public var commit: String?
    public var parent: String?
    public var message: String?
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
}

extension Workspace {
    /// The git repository holding this work tree, opened through libgit2.
    public func repository() throws -> GitRepository {
        try GitRepository.discover(from: top)
    }

    /// Commits the ledger paths, and only them; the message defaults to a summary of the records added.
    ///
    /// A ledger identical to HEAD is not an error for the user: it returns `committed: false`.
    /// Anything under `ledgers/` that `fsck` would report stops it before git is touched.
    public func commitLedgers(message: String? = nil) throws -> CommitReport {
        try commitLedgers(message: message, in: repository())
    }

    func commitLedgers(message: String?, in repository: GitRepository) throws -> CommitReport {
        let problems = workTreeProblems()
        guard problems.isEmpty else { throw CommitRefusal(problems: problems) }
        let paths = try LedgerCommitScope.paths(top: top, repository: repository)
        var written = ""
        do {
            let outcome = try repository.commit(paths: paths) { changes in
                written = message ?? CommitSummary.message(for: changes)
                return written
            }
            return CommitReport(committed: true, paths: paths, commit: outcome.commit, parent: outcome.parent,
                                message: written, added: outcome.added, changed: outcome.changed, removed: outcome.removed)
        } catch GitError.nothingToCommit {
            return CommitReport(committed: false, paths: paths)
        }
    }
}

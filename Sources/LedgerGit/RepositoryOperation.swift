import CLibGit2

/// Unfinished multi-step git operations, which a ledger commit must not land in the middle of.
extension GitRepository {
    /// The name of the operation in progress (`merge`, `rebase`, ...), or nil when the repository is idle.
    var operationInProgress: String? {
        switch git_repository_state(pointer) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return nil
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return "merge"
        case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): return "revert"
        case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue): return "cherry-pick"
        case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): return "bisect"
        case Int32(GIT_REPOSITORY_STATE_REBASE.rawValue), Int32(GIT_REPOSITORY_STATE_REBASE_INTERACTIVE.rawValue),
             Int32(GIT_REPOSITORY_STATE_REBASE_MERGE.rawValue): return "rebase"
        case Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue), Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue): return "`git am`"
        default: return "git operation"
        }
    }

    /// Throws `operationInProgress` unless the repository is idle.
    func requireNoOperationInProgress() throws {
        if let operation = operationInProgress {
            throw GitError.operationInProgress(operation: operation, repository: workTreePath)
        }
    }
}

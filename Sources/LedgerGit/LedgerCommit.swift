import CLibGit2
import Foundation

extension GitRepository {
    /// Commits exactly `paths` (work-tree-relative files or folders, e.g. `["ledgers", ".gitattributes"]`)
    /// as they are in the work tree, and nothing else.
    ///
    /// The new tree is HEAD's tree with only those paths replaced, so the user's other staged
    /// changes stay staged and out of the commit. Afterwards only those paths' index entries
    /// change, to match the commit; everything else in `git status` stays as it was. The branch
    /// HEAD points to moves with a compare-and-swap, retried on a fresh HEAD if another writer
    /// moved it. When it throws, nothing has changed but possibly some unreferenced objects in
    /// `.git/objects`, which `git gc` removes.
    ///
    /// Author and committer come from `user.name` and `user.email`.
    @discardableResult
    public func commit(paths: [String], message: String) throws -> CommitOutcome {
        let text = try CommitMessage.prettified(message)
        return try commit(paths: paths, message: { _ in text })
    }

    /// Like `commit(paths:message:)`, with the message written from what the commit changes.
    ///
    /// `message` sees the files this attempt adds, changes and removes; it runs again when a
    /// concurrent writer forces a rebuild on a fresh HEAD, so a summary always matches its commit.
    @discardableResult
    public func commit(paths rawPaths: [String], message: (CommitChanges) throws -> String) throws -> CommitOutcome {
        let paths = try Self.outermost(rawPaths.map(RepositoryPath.init))
        try requireNoOperationInProgress()
        let author = try identity()
        let keepsFileModes = try keepsFileModes()

        let indexPath = try self.indexPath()
        let lock = try IndexLock(indexPath: indexPath, patience: indexLockPatience)
        defer { lock.release() }
        // Again under the lock: a merge or rebase may have started while we waited for it.
        try requireNoOperationInProgress()
        let index = try IndexDraft(indexPath: indexPath)

        var contested = ""
        for attempt in 1...Self.commitAttempts {
            let head = try readHead()
            contested = head.reference
            let plan = try plan(paths: paths, onto: head, index: index, keepsFileModes: keepsFileModes)
            guard !plan.isEmpty else { throw GitError.nothingToCommit(paths: paths.map(\.text)) }
            let text = try CommitMessage.prettified(message(plan.changes))
            let commit = try writeCommit(tree: plan.tree, parent: head.commit, author: author, message: text)
            // The index goes in before the branch moves, and comes back out if the branch does not:
            // `git commit` reads HEAD and then the index before it takes index.lock, so a git that
            // sees our commit must also see our index, or it commits a tree without our files.
            try index.replaceEntries(under: paths, with: plan.files)
            try index.install()
            willMoveReference?()
            let moved: Bool
            do {
                moved = try move(head, to: commit, message: text)
            } catch {
                try index.restore()
                throw error
            }
            guard moved else {
                try index.restore()
                usleep(UInt32(attempt) * 10_000)
                continue
            }
            index.keep()
            return CommitOutcome(commit: commit.hex, parent: head.commit?.hex,
                                 added: plan.added, changed: plan.changed, removed: plan.removed)
        }
        throw GitError.concurrentUpdate(reference: contested)
    }

    /// A commit racing another writer rebuilds on the fresh HEAD this many times before giving up.
    static let commitAttempts = 5

    /// Drops paths inside other given paths, so each file is considered once.
    static func outermost(_ paths: [RepositoryPath]) throws -> [RepositoryPath] {
        guard !paths.isEmpty else { throw GitError.invalidPath("") }
        let unique = Set(paths)
        return unique.filter { path in !unique.contains { $0 != path && $0.covers(path.text) } }
            .sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
    }

    func indexPath() throws -> String {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "open the index of \(workTreePath)")
        defer { git_index_free(index) }
        guard let path = git_index_path(index) else {
            throw GitError.libgit2(operation: "locate the index of \(workTreePath)", code: -1, message: "the index has no file")
        }
        return String(cString: path)
    }

    private func writeCommit(tree: git_oid, parent: git_oid?, author: Identity, message: String) throws -> git_oid {
        let signature = try author.signatureNow()
        defer { git_signature_free(signature) }

        var treeID = tree
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, pointer, &treeID), "read the new tree \(tree.hex)")
        defer { git_tree_free(treeObject) }

        var parents: [OpaquePointer?] = []
        defer { parents.forEach { git_commit_free($0) } }
        if var parentID = parent {
            var parentObject: OpaquePointer?
            try check(git_commit_lookup(&parentObject, pointer, &parentID), "read the parent commit \(parentID.hex)")
            parents.append(parentObject)
        }

        var commit = git_oid()
        try check(git_commit_create(&commit, pointer, nil, signature, signature, nil, message, treeObject, parents.count, &parents),
                  "create the commit")
        return commit
    }

    /// Moves HEAD's branch (or HEAD itself when detached) from the commit we built on to `commit`.
    /// Returns false when another writer got there first, so the caller can rebuild on the new HEAD.
    private func move(_ head: Head, to commit: git_oid, message: String) throws -> Bool {
        let subject = CommitMessage.subject(of: message)
        var target = commit
        var reference: OpaquePointer?
        defer { git_reference_free(reference) }
        let code: Int32
        if var expected = head.commit {
            code = git_reference_create_matching(&reference, pointer, head.reference, &target, 1, &expected, "commit: \(subject)")
        } else {
            code = git_reference_create(&reference, pointer, head.reference, &target, 0, "commit (initial): \(subject)")
        }
        if [GIT_EMODIFIED.rawValue, GIT_EEXISTS.rawValue, GIT_ELOCKED.rawValue].contains(code) {
            return false
        }
        try check(code, "move \(head.reference) to the new commit \(commit.hex)")
        return true
    }
}

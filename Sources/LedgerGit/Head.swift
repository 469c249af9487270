import CLibGit2

/// What HEAD points at, read once so everything in one operation agrees on it.
struct Head {
    /// The reference a new commit moves: the branch (`refs/heads/main`), or `HEAD` itself when detached.
    var reference: String
    /// Short branch name; nil when detached.
    var branch: String?
    /// The commit HEAD resolves to; nil on an unborn branch.
    var commit: git_oid?

    var isDetached: Bool { branch == nil }
}

extension GitRepository {
    func readHead() throws -> Head {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, pointer, "HEAD"), "read HEAD in \(workTreePath)")
        defer { git_reference_free(head) }

        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC else {
            guard let target = git_reference_target(head) else {
                throw GitError.libgit2(operation: "read HEAD in \(workTreePath)", code: -1, message: "detached HEAD has no target")
            }
            return Head(reference: "HEAD", branch: nil, commit: target.pointee)
        }
        let target = String(cString: git_reference_symbolic_target(head))
        let branch = target.hasPrefix("refs/heads/") ? String(target.dropFirst("refs/heads/".count)) : target
        var commit = git_oid()
        let code = git_reference_name_to_id(&commit, pointer, target)
        if code == GIT_ENOTFOUND.rawValue {
            return Head(reference: target, branch: branch, commit: nil)
        }
        try check(code, "resolve \(target)")
        return Head(reference: target, branch: branch, commit: commit)
    }

    /// The tree of `commit`, or nil for an unborn branch; the caller frees it.
    func tree(ofCommit commit: git_oid?) throws -> OpaquePointer? {
        guard var id = commit else { return nil }
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, pointer, &id), "read commit \(id.hex)")
        defer { git_commit_free(object) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, object), "read the tree of commit \(id.hex)")
        return tree
    }
}

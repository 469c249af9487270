import CLibGit2

extension GitRepository {
    /// The full commit id of any revision git understands: a tag, a branch, `HEAD~1`, a short id.
    ///
    /// Throws `unknownRevision` when it names no commit and `ambiguousRevision` when a short id is not unique.
    public func resolve(_ revision: String) throws -> String {
        try commitID(of: revision).hex
    }

    func commitID(of revision: String) throws -> git_oid {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision)
        defer { git_object_free(object) }
        if code == GIT_EAMBIGUOUS.rawValue {
            throw GitError.ambiguousRevision(revision)
        }
        if [GIT_ENOTFOUND.rawValue, GIT_EINVALIDSPEC.rawValue, GIT_EUNBORNBRANCH.rawValue].contains(code) {
            throw GitError.unknownRevision(revision)
        }
        try check(code, "resolve the revision '\(revision)'")

        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        defer { git_object_free(commit) }
        if [GIT_EPEEL.rawValue, GIT_ENOTFOUND.rawValue, GIT_EINVALIDSPEC.rawValue].contains(peeled) {
            throw GitError.unknownRevision(revision)
        }
        try check(peeled, "find the commit named by '\(revision)'")
        return git_object_id(commit).pointee
    }

    /// The content of the file at `path` in `revision`, or nil when that commit has no file there.
    public func blob(at revision: String, path: String) throws -> [UInt8]? {
        let file = try RepositoryPath(path)
        let tree = try tree(ofCommit: commitID(of: revision))
        defer { git_tree_free(tree) }

        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, file.text)
        defer { git_tree_entry_free(entry) }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "look up \(file) in \(revision)")
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }

        var blob: OpaquePointer?
        try check(git_tree_entry_to_object(&blob, pointer, entry), "read \(file) in \(revision)")
        defer { git_object_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// Files present in `to` (HEAD when nil) but not in `from`, under `prefix` (a folder or file;
    /// empty for the whole tree), in git's byte order. Renamed files count as added.
    public func addedFiles(from: String, to: String? = nil, under prefix: String) throws -> [String] {
        try changedFiles(from: from, to: to, under: prefix).added
    }

    /// Files added, modified and removed from `from` to `to` (HEAD when nil), under `prefix`, each
    /// list in git's byte order. Renames count as a removal and an addition.
    public func changedFiles(from: String, to: String? = nil, under prefix: String) throws
        -> (added: [String], modified: [String], removed: [String]) {
        let scope = prefix.isEmpty ? nil : try RepositoryPath(prefix)
        let oldTree = try tree(ofCommit: commitID(of: from))
        defer { git_tree_free(oldTree) }
        let newTree = try tree(ofCommit: commitID(of: to ?? "HEAD"))
        defer { git_tree_free(newTree) }

        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options),
                  "compare \(from) with \(to ?? "HEAD")")
        defer { git_diff_free(diff) }

        var added: [String] = [], modified: [String] = [], removed: [String] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let path = String(cString: delta.status == GIT_DELTA_DELETED ? delta.old_file.path : delta.new_file.path)
            guard scope?.covers(path) ?? true else { continue }
            switch delta.status {
            case GIT_DELTA_ADDED: added.append(path)
            case GIT_DELTA_DELETED: removed.append(path)
            // A symbolic link that became a file, or the reverse, is a change of the same path.
            case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE: modified.append(path)
            default: continue
            }
        }
        return (added.sortedLikeGit(), modified.sortedLikeGit(), removed.sortedLikeGit())
    }
}

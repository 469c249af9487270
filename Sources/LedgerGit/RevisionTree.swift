import CLibGit2

/// The files of one commit, resolved once and then read many times.
///
/// Checking a seal or listing a diff reads thousands of records at one revision; resolving
/// the revision and its tree once per file (as `blob(at:path:)` does) would repeat that work.
/// Not `Sendable`, like the repository it reads from.
public final class RevisionTree {
    /// Full hex id of the commit the revision named.
    public let commit: String
    private let repository: GitRepository
    private let tree: OpaquePointer
    /// Blob ids of the files `files(under:)` has listed, so reading them skips the path lookup.
    private var listed: [String: git_oid] = [:]

    init(repository: GitRepository, revision: String) throws {
        let id = try repository.commitID(of: revision)
        guard let tree = try repository.tree(ofCommit: id) else { throw GitError.unknownRevision(revision) }
        self.repository = repository
        self.tree = tree
        commit = id.hex
    }

    deinit {
        git_tree_free(tree)
    }

    /// Every file (blob or symbolic link) at or under `prefix` (a folder or file; empty for the whole
    /// tree), as work-tree-relative paths in git's byte order. Submodules are left out.
    public func files(under prefix: String) throws -> [String] {
        guard !prefix.isEmpty else { return try files(in: tree, named: "").sortedLikeGit() }
        let scope = try RepositoryPath(prefix)
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, scope.text)
        defer { git_tree_entry_free(entry) }
        if code == GIT_ENOTFOUND.rawValue { return [] }
        try check(code, "look up \(scope) in \(commit)")
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB:
            if let id = git_tree_entry_id(entry) { listed[scope.text] = id.pointee }
            return [scope.text]
        case GIT_OBJECT_TREE:
            var subtree: OpaquePointer?
            try check(git_tree_lookup(&subtree, repository.pointer, git_tree_entry_id(entry)), "read \(scope) in \(commit)")
            defer { git_tree_free(subtree) }
            return try files(in: subtree, named: scope.text).sortedLikeGit()
        default:
            return []
        }
    }

    /// The bytes of the file at `path`, or nil when this commit has no file there.
    public func content(of path: String) throws -> [UInt8]? {
        let file = try RepositoryPath(path)
        var id: git_oid
        if let known = listed[file.text] {
            id = known
        } else {
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, tree, file.text)
            defer { git_tree_entry_free(entry) }
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "look up \(file) in \(commit)")
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let found = git_tree_entry_id(entry) else { return nil }
            id = found.pointee
        }

        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, &id), "read \(file) in \(commit)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }

    private func files(in tree: OpaquePointer?, named folder: String) throws -> [String] {
        var found: [String] = []
        for position in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, position) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let path = folder.isEmpty ? name : folder + "/" + name
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_BLOB:
                found.append(path)
                if let id = git_tree_entry_id(entry) { listed[path] = id.pointee }
            case GIT_OBJECT_TREE:
                var subtree: OpaquePointer?
                try check(git_tree_lookup(&subtree, repository.pointer, git_tree_entry_id(entry)), "read \(path) in \(commit)")
                defer { git_tree_free(subtree) }
                found += try files(in: subtree, named: path)
            default:
                continue
            }
        }
        return found
    }
}

extension GitRepository {
    /// The files of the commit `revision` names (a tag, branch, `HEAD~1`, id), for reading many of them.
    ///
    /// Throws `unknownRevision` when it names no commit, including HEAD on an unborn branch.
    public func tree(at revision: String) throws -> RevisionTree {
        try RevisionTree(repository: self, revision: revision)
    }
}

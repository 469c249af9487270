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
    /// The object database, asked for a blob's size before its bytes are inflated.
    private let objects: OpaquePointer
    /// Blob ids and modes of the files `files(under:)` has listed, so reading them skips the path lookup.
    private var listed: [String: Listed] = [:]

    private struct Listed {
        var id: git_oid
        var mode: git_filemode_t
    }

    init(repository: GitRepository, revision: String) throws {
        let id = try repository.commitID(of: revision)
        guard let tree = try repository.tree(ofCommit: id) else { throw GitError.unknownRevision(revision) }
        var objects: OpaquePointer?
        do {
            try check(git_repository_odb(&objects, repository.pointer), "open the object database")
        } catch {
            git_tree_free(tree)
            throw error
        }
        self.repository = repository
        self.tree = tree
        self.objects = objects!
        commit = id.hex
    }

    deinit {
        git_tree_free(tree)
        git_odb_free(objects)
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
            if let id = git_tree_entry_id(entry) { listed[scope.text] = Listed(id: id.pointee, mode: git_tree_entry_filemode(entry)) }
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

    /// What the commit holds at `path`, reading at most `limit` bytes; nil when it has no file
    /// there. A commit is a co-author's input: a symbolic link is not read as content, and a
    /// blob's size is read from its header first, so a 4 GB blob (18 MB compressed) is refused
    /// without being inflated.
    public func content(of path: String, limit: Int) throws -> CommittedFile? {
        let file = try RepositoryPath(path)
        var found: Listed
        if let known = listed[file.text] {
            found = known
        } else {
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, tree, file.text)
            defer { git_tree_entry_free(entry) }
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "look up \(file) in \(commit)")
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry) else { return nil }
            found = Listed(id: id.pointee, mode: git_tree_entry_filemode(entry))
        }
        if found.mode == GIT_FILEMODE_LINK { return .symbolicLink }

        var size = 0
        var type = GIT_OBJECT_INVALID
        try check(git_odb_read_header(&size, &type, objects, &found.id), "read \(file) in \(commit)")
        guard size <= limit else { return .tooLarge(size: size) }
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, &found.id), "read \(file) in \(commit)")
        defer { git_blob_free(blob) }
        let count = Int(git_blob_rawsize(blob))
        guard count <= limit else { return .tooLarge(size: count) }
        guard count > 0, let bytes = git_blob_rawcontent(blob) else { return .bytes([]) }
        return .bytes(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
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
                if let id = git_tree_entry_id(entry) { listed[path] = Listed(id: id.pointee, mode: git_tree_entry_filemode(entry)) }
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

/// A file of a commit, as `RevisionTree.content(of:limit:)` reads it.
public enum CommittedFile: Equatable, Sendable {
    case bytes([UInt8])
    /// Mode 120000: its target is text git stores, not the file's content, and is not read.
    case symbolicLink
    /// Over the reader's cap; `size` is from the object's header, the bytes were never read.
    case tooLarge(size: Int)
}

extension GitRepository {
    /// The files of the commit `revision` names (a tag, branch, `HEAD~1`, id), for reading many of them.
    ///
    /// Throws `unknownRevision` when it names no commit, including HEAD on an unborn branch.
    public func tree(at revision: String) throws -> RevisionTree {
        try RevisionTree(repository: self, revision: revision)
    }
}

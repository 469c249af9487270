import CLibGit2

/// HEAD's tree loaded into an in-memory index, edited path by path and written back as a new tree.
///
/// Starting from HEAD's tree rather than the repository's index is what keeps the user's
/// other staged changes out of the ledger commit.
final class TreeDraft {
    private let index: OpaquePointer

    init(tree: OpaquePointer?) throws {
        var created: OpaquePointer?
        try check(git_index_new(&created), "create an in-memory index")
        guard let created else {
            throw GitError.libgit2(operation: "create an in-memory index", code: -1, message: "libgit2 returned no index")
        }
        index = created
        if let tree {
            try check(git_index_read_tree(index, tree), "load HEAD's tree")
        }
    }

    deinit {
        git_index_free(index)
    }

    /// Files under `path` in the tree (gitlinks left out: we never touch submodules).
    func files(under path: RepositoryPath) -> [String: TreeFile] {
        var found: [String: TreeFile] = [:]
        for (name, _, entry) in entries(of: index) where path.covers(name) && entry.mode != GitMode.gitlink {
            found[name] = TreeFile(id: entry.id, mode: entry.mode)
        }
        return found
    }

    func remove(_ path: String) throws {
        try check(git_index_remove(index, path, 0), "remove \(path) from the new tree")
    }

    func put(_ path: String, _ file: TreeFile) throws {
        var entry = git_index_entry()
        entry.mode = file.mode
        entry.id = file.id
        try path.withCString { text in
            entry.path = text
            try check(git_index_add(index, &entry), "add \(path) to the new tree")
        }
    }

    func write(into repository: GitRepository) throws -> git_oid {
        var tree = git_oid()
        try check(git_index_write_tree_to(&tree, index, repository.pointer), "write the new tree")
        return tree
    }
}

import CLibGit2

/// One attempt's new tree: HEAD's tree with only the given paths replaced by their work-tree content.
struct CommitPlan {
    var tree: git_oid
    /// Every work-tree file under the paths, which the index must list after the commit.
    var files: [WorkTreeFile]
    var added: [String] = []
    var changed: [String] = []
    var removed: [String] = []

    var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    var changes: CommitChanges { CommitChanges(added: added, changed: changed, removed: removed) }
}

extension GitRepository {
    func plan(paths: [RepositoryPath], onto head: Head, index: IndexDraft, keepsFileModes: Bool) throws -> CommitPlan {
        let base = try tree(ofCommit: head.commit)
        defer { git_tree_free(base) }
        let draft = try TreeDraft(tree: base)

        var files: [WorkTreeFile] = []
        var added: [String] = []
        var changed: [String] = []
        var removed: [String] = []
        for path in paths {
            let previous = draft.files(under: path)
            let current = try workTreeFiles(
                under: path, isTracked: { previous[$0] != nil || index.tracks($0) },
                keepsFileModes: keepsFileModes, previous: previous)
            if current.isEmpty, previous.isEmpty, !index.tracks(anythingUnder: path),
               try FileStatus(path: absolutePath(path.text)) == nil {
                throw GitError.unknownPath(path.text)
            }
            let present = Set(current.map(\.path))
            for old in previous.keys where !present.contains(old) {
                removed.append(old)
                try draft.remove(old)
            }
            for file in current {
                if let old = previous[file.path] {
                    if old != file.tree { changed.append(file.path) }
                } else {
                    added.append(file.path)
                }
            }
            files += current
        }
        let touched = Set(added + changed)
        for file in files where touched.contains(file.path) {
            try draft.put(file.path, file.tree)
        }
        return CommitPlan(tree: try draft.write(into: self), files: files,
                          added: added.sortedLikeGit(), changed: changed.sortedLikeGit(), removed: removed.sortedLikeGit())
    }
}

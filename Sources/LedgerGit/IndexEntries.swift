import CLibGit2

/// A file as git records it in a tree or index: its id and mode.
struct TreeFile: Equatable {
    var id: git_oid
    var mode: UInt32

    static func == (lhs: TreeFile, rhs: TreeFile) -> Bool {
        lhs.mode == rhs.mode && lhs.id.isSame(as: rhs.id)
    }
}

enum GitMode {
    static let file: UInt32 = 0o100644
    static let executable: UInt32 = 0o100755
    static let symbolicLink: UInt32 = 0o120000
    static let gitlink: UInt32 = 0o160000
}

/// Every entry of a libgit2 index as (path, stage, entry).
///
/// Paths are copied into Swift strings so the result stays valid while the index is edited;
/// the `path` pointer inside each copied entry must not be used.
func entries(of index: OpaquePointer) -> [(path: String, stage: Int32, entry: git_index_entry)] {
    (0..<git_index_entrycount(index)).compactMap { position in
        guard let entry = git_index_get_byindex(index, position) else { return nil }
        return (String(cString: entry.pointee.path), git_index_entry_stage(entry), entry.pointee)
    }
}

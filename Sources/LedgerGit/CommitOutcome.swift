/// What a ledger commit did: the new commit and the files it added, changed and removed
/// (work-tree-relative, in git's byte order).
public struct CommitOutcome: Hashable, Sendable {
    /// Full hex id of the new commit.
    public var commit: String
    /// Full hex id of its parent; nil for the first commit of a branch.
    public var parent: String?
    public var added: [String]
    public var changed: [String]
    public var removed: [String]

    public init(commit: String, parent: String?, added: [String], changed: [String], removed: [String]) {
        self.commit = commit
        self.parent = parent
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    /// Every file the commit touched, in git's byte order.
    public var files: [String] {
        (added + changed + removed).sortedLikeGit()
    }
}

extension Array where Element == String {
    /// Sorted by UTF-8 bytes, the order git lists paths and refs in.
    func sortedLikeGit() -> [String] {
        sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

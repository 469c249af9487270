/// The files a ledger commit adds, changes and removes (work-tree-relative, in git's byte order),
/// known before the commit is written so its message can describe them.
public struct CommitChanges: Hashable, Sendable {
    public var added: [String]
    public var changed: [String]
    public var removed: [String]

    public init(added: [String], changed: [String], removed: [String]) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }
}

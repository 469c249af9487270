/// A symlink, FIFO, device or socket found under `ledgers/`: a defect, never opened.
public struct UnsafeEntry: Sendable, Hashable {
    /// Relative to the work tree.
    public var path: String
    public var kind: EntryKind

    public init(path: String, kind: EntryKind) {
        self.path = path
        self.kind = kind
    }

    public var problem: String { FileSystemError.notFollowed(path: path, kind: kind).reason }
}

/// What `fsck` says about a regular file under `ledgers/` that `repro` never writes.
public enum ForeignFile {
    public static let problem = "not a file repro writes under ledgers/ (records, README.md, .gitignore, .gitattributes)"
}

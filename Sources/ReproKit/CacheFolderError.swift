import LedgerCore

/// The repository's `.repro/` is not a plain folder of plain files. A clone can carry a
/// committed `.repro` symlink (git ignores only the folder `.repro/`), which would send the
/// index's writes, and its reads, wherever the link points; it is refused, never followed.
public enum CacheFolderError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// `.repro` itself is a link or special file.
    case notAFolder(path: String, kind: EntryKind)
    /// Something in `.repro/` is not a plain file (an index file pointing elsewhere, a folder).
    case unsafeEntry(path: String, kind: EntryKind)

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .notAFolder(let path, let kind):
            "\(path) is \(kind.phrase), not a folder; repro keeps its caches in a real folder there and does not follow it "
                + "out of the repository. Remove it (`git rm --cached .repro` if a commit brought it, then delete it), "
                + "or set REPRO_CACHE_DIR to a folder of your own"
        case .unsafeEntry(let path, let kind):
            "\(path) is \(kind.phrase); repro's caches are plain files and it does not follow one out of the repository. "
                + "Delete it (the caches are derived; `repro reindex` rebuilds the index), or set REPRO_CACHE_DIR to a folder of your own"
        }
    }
}

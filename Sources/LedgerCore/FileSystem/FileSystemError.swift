import SystemPackage

/// Every failure of the file-system layer: one errno becomes one case here, in one place.
public enum FileSystemError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A system call failed; `path` is relative to the work tree when it is inside it.
    case system(operation: String, path: String, errno: Errno)
    /// A symlink, FIFO, device or socket where a file or folder was expected; never followed.
    case notFollowed(path: String, kind: EntryKind)
    /// A regular file where a folder was expected, or the reverse.
    case wrongKind(path: String, kind: EntryKind, expected: EntryKind)
    /// A file larger than the reader's cap; it was not read.
    case tooLarge(path: String, limit: Int)
    /// A name that is not a single path component.
    case invalidName(String)

    public var category: ErrorCategory { .environment }

    public var path: String {
        switch self {
        case .system(_, let path, _), .notFollowed(let path, _), .wrongKind(let path, _, _), .tooLarge(let path, _): return path
        case .invalidName(let name): return name
        }
    }

    /// What is wrong, without the path, for messages that already name it.
    public var reason: String {
        switch self {
        case .system(let operation, _, let errno): return "\(operation) failed: \(errno.description)"
        case .notFollowed(_, let kind): return "is \(kind.phrase), which repro never follows or opens"
        case .wrongKind(_, let kind, let expected): return "is \(kind.phrase), not \(expected.phrase)"
        case .tooLarge(_, let limit): return "is larger than the \(limit)-byte cap (\(limit / 1024 / 1024) MiB); not read"
        case .invalidName: return "is not a single file name"
        }
    }

    /// The path escaped as `ls -b` does: it comes from the disk or from a record.
    public var description: String { "\(TerminalText.escaped(path)): \(reason)" }
}

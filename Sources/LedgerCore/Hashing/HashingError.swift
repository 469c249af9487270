/// Why a path could not be hashed. Every case names the path so the researcher can act.
public enum HashingError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A path the user named that cannot be hashed is bad input; a read that failed is the machine's.
    public var category: ErrorCategory {
        switch self {
        case .notFound, .danglingSymlink, .symlinkLoop, .specialFile: .badInput
        case .unreadable, .changedWhileHashing: .environment
        }
    }

    case notFound(path: String)
    case danglingSymlink(path: String)
    case symlinkLoop(path: String)
    case specialFile(path: String, kind: String)
    case unreadable(path: String, reason: String)
    case changedWhileHashing(path: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder"
        case .danglingSymlink(let path):
            return "\(path): symbolic link points to nothing (dangling symlink)"
        case .symlinkLoop(let path):
            return "\(path): symbolic link loop; refusing to follow it"
        case .specialFile(let path, let kind):
            return "\(path): is a \(kind), not a regular file or folder; refusing to hash it"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason))"
        case .changedWhileHashing(let path):
            return "\(path): changed while it was being hashed (size or timestamps differ before and after); stop the writer and try again"
        }
    }
}

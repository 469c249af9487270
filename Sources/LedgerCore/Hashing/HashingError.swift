/// Why a path could not be hashed. Every case names the path so the researcher can act.
/// A system call that fails is a `FileSystemError` instead (one errno mapping, in the
/// file-system layer); these are what the hasher itself refuses.
public enum HashingError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A path the user named that cannot be hashed is bad input; a file that changed while
    /// it was read is the machine's.
    public var category: ErrorCategory {
        switch self {
        case .notFound, .danglingSymlink, .symlinkLoop, .specialFile, .linkOutside, .nameNotUTF8: .badInput
        case .changedWhileHashing: .environment
        }
    }

    case notFound(path: String)
    case danglingSymlink(path: String)
    case symlinkLoop(path: String)
    case specialFile(path: String, kind: String)
    /// A link inside a hashed folder that leads (itself or through a later hop) outside it:
    /// `target` is what the link holds, `reached` the outside place. Never opened.
    case linkOutside(path: String, target: String, reached: String)
    /// A name that is not UTF-8, escaped as `ls -b` does (`caf\351`).
    case nameNotUTF8(path: String)
    case changedWhileHashing(path: String)

    public var description: String {
        // Paths come from the disk and from records: escaped as `ls -b` does (`nameNotUTF8`
        // holds a path escaped already, from its bytes).
        let safe: (String) -> String = { TerminalText.escaped($0) }
        switch self {
        case .notFound(let path):
            return "\(safe(path)): no such file or folder"
        case .danglingSymlink(let path):
            return "\(safe(path)): symbolic link points to nothing (dangling symlink)"
        case .symlinkLoop(let path):
            return "\(safe(path)): symbolic link loop; refusing to follow it"
        case .specialFile(let path, let kind):
            return "\(safe(path)): is a \(kind), not a regular file or folder; refusing to hash it"
        case .linkOutside(let path, let target, let reached):
            return "\(safe(path)): symbolic link to \(safe(target)) leads outside the folder being hashed (to \(safe(reached))); "
                + "refusing to follow it (a link inside a folder may lead only within it, or for a Hugging Face snapshot into its blobs/)"
        case .nameNotUTF8(let path):
            return "\(path): the name is not valid UTF-8; rename it (e.g. with convmv) to hash this folder"
        case .changedWhileHashing(let path):
            return "\(safe(path)): changed while it was being hashed (size or timestamps differ before and after); stop the writer and try again"
        }
    }
}

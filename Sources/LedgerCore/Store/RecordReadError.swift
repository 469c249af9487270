/// Why a record file could not be used: the file itself (a symlink, too large, unreadable)
/// or what it holds.
public enum RecordReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case file(FileSystemError)
    case defect(RecordDefect)

    public var description: String {
        switch self {
        case .file(let error): return error.reason
        case .defect(let defect): return defect.description
        }
    }
}

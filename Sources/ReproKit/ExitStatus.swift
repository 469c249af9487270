import LedgerCore
import LedgerGit

/// The exit codes of the command-line contract (CLI.md).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// A check failed: verify mismatch, fsck problem, disclaimer lint error.
    case checkFailed = 1
    /// Bad usage or bad input.
    case badInput = 2
    /// The environment is wrong: no git repository, unreadable file, missing library feature.
    case environment = 3

    /// Classifies any error `repro` can raise; unknown errors are environment problems.
    public init(for error: any Error) {
        switch error {
        case let error as HashingError:
            switch error {
            case .notFound, .danglingSymlink, .symlinkLoop, .specialFile, .linkOutside, .nameNotUTF8: self = .badInput
            case .changedWhileHashing: self = .environment
            }
        case let error as GitError:
            self = ExitStatus(rawValue: error.exitCode) ?? .environment
        case let error as any CategorizedError:
            self.init(error.category)
        default:
            self = .environment
        }
    }

    public init(_ category: ErrorCategory) {
        switch category {
        case .badInput: self = .badInput
        case .environment: self = .environment
        case .checkFailed: self = .checkFailed
        }
    }
}

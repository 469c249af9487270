import LedgerCore

/// The exit codes of the command-line contract (CLI.md), decided here and nowhere else.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// A check failed: verify mismatch, fsck problem, disclaimer lint error.
    case checkFailed = 1
    /// Bad usage or bad input.
    case badInput = 2
    /// The environment is wrong: no git repository, unreadable file, missing library feature.
    case environment = 3

    /// Every error type of the libraries says its category; anything else (Foundation, SQLite)
    /// is the machine's problem.
    public init(for error: any Error) {
        self = (error as? any CategorizedError).map { ExitStatus($0.category) } ?? .environment
    }

    public init(_ category: ErrorCategory) {
        switch category {
        case .badInput: self = .badInput
        case .environment: self = .environment
        case .checkFailed: self = .checkFailed
        }
    }

    /// The process exit code for an error: its category's status, except that `repro run`
    /// passes on the failed status of a command that ran but could not be recorded.
    public static func code(for error: any Error) -> Int32 {
        if case RunError.notRecorded(_, _, let status) = error, status != 0 { return status }
        return ExitStatus(for: error).rawValue
    }
}

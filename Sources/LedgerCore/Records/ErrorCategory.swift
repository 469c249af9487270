/// How a failure should be reported: the user's input, or the machine's state.
public enum ErrorCategory: Sendable {
    /// Bad usage or bad input: fix the command line or the data.
    case badInput
    /// The environment is wrong: missing repository, unreadable file, read-only folder.
    case environment
    /// A check ran and found a problem.
    case checkFailed
}

/// Errors that know their category; the CLI turns it into an exit code.
public protocol CategorizedError: Error {
    var category: ErrorCategory { get }
}

/// What went wrong with a ledger operation, in words a researcher can act on.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    case invalidName(name: String, role: String, reason: String)
    case invalidDate(String)
    /// A date later than tomorrow (UTC): the ledger records what happened, not what will.
    case futureDate(String, latest: String)
    case invalidTimestamp(String)
    case invalidLicense(expression: String, reason: String)
    case notInitialized(top: String)
    case unknownLedger(String, known: [String])
    case unknownArtifact(String, suggestions: [String])
    case ambiguousPrefix(String, candidates: [String])
    case unknownExperiment(String, suggestions: [String])
    case unknownReference(String, suggestions: [String])
    case notWritable(path: String, reason: String)
    case unreadableFile(path: String, reason: String)
    case corruptRecord(path: String, reason: String)
    case lfsBlobMismatch(path: String, expected: String, actual: String)
    /// A non-LFS file of a Hugging Face snapshot whose git blob SHA-1 is not its blob's name.
    case gitBlobMismatch(path: String, expected: String, actual: String)
    case invalidInput(String)

    public var category: ErrorCategory {
        switch self {
        case .notInitialized, .notWritable, .unreadableFile, .corruptRecord: return .environment
        case .lfsBlobMismatch, .gitBlobMismatch: return .checkFailed
        default: return .badInput
        }
    }

    public var description: String {
        switch self {
        case .invalidName(let name, let role, let reason):
            return "invalid \(role) name \(name.quotedForMessage): \(reason)"
        case .invalidDate(let text):
            return "invalid date \(text.quotedForMessage): expected a calendar day as YYYY-MM-DD, e.g. 2024-07-23"
        case .futureDate(let text, let latest):
            return "invalid date \(text.quotedForMessage): it is in the future; the latest accepted is \(latest) (tomorrow, UTC)"
        case .invalidTimestamp(let text):
            return "invalid time \(text.quotedForMessage): expected a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-07-23T18:12:23Z"
        case .invalidLicense(let expression, let reason):
            return "invalid license \(expression.quotedForMessage): \(reason)"
        case .notInitialized(let top):
            return "no ledgers/ folder in \(top); run `repro init` first"
        case .unknownLedger(let name, let known):
            // With no ledger at all, the CLI adds how to create one (CommandLineAdvice).
            return "no ledger named \(name.debugDescription)" + (known.isEmpty ? "" : "; known ledgers: \(known.joined(separator: ", "))")
        case .unknownArtifact(let name, let suggestions):
            return "no artifact named \(name.debugDescription)"
                + (suggestions.isEmpty ? "; `repro list artifacts` shows what is recorded"
                    : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?")
        case .ambiguousPrefix(let prefix, let candidates):
            return "digest prefix \(prefix) is ambiguous; it matches:\n" + candidates.map { "  \($0)" }.joined(separator: "\n")
        case .unknownExperiment(let name, let suggestions):
            return "no experiment named \(name.debugDescription)"
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?")
        case .unknownReference(let name, let suggestions):
            return "no artifact or experiment named \(name.debugDescription)"
                + (suggestions.isEmpty ? "; `repro list artifacts` and `repro list experiments` show what is recorded"
                    : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?")
        case .notWritable(let path, let reason):
            return "cannot write \(path): \(reason); nothing was recorded"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason); nothing was recorded"
        case .corruptRecord(let path, let reason):
            return "\(path): \(reason)"
        case .lfsBlobMismatch(let path, let expected, let actual):
            return "\(path): Hugging Face blob named \(expected) hashes to \(actual); the download is corrupt"
        case .gitBlobMismatch(let path, let expected, let actual):
            return "\(path): Hugging Face blob named \(expected) has git blob SHA-1 \(actual); the download is corrupt"
        case .invalidInput(let message):
            return message
        }
    }
}

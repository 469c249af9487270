import LedgerCore

/// Why an export could not be written, worded so the user knows which option to fix.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible, CategorizedError {
    case invalidTimestamp(String)

    public var category: ErrorCategory { .badInput }

    public var description: String {
        switch self {
        case .invalidTimestamp(let text):
            "invalid export timestamp \(text.debugDescription): expected UTC time as YYYY-MM-DDTHH:MM:SSZ, "
                + "e.g. 2026-01-01T00:00:00Z"
        }
    }
}

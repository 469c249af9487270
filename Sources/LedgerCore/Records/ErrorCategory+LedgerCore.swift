// The category of LedgerCore's error types that are usually wrapped before they reach the CLI;
// declared anyway, so no error falls through to a default exit code.

/// A record file that cannot be used is the ledger's state, like `LedgerError.corruptRecord`.
extension RecordReadError: CategorizedError {
    public var category: ErrorCategory {
        switch self {
        case .file(let error): error.category
        case .defect(let defect): defect.category
        }
    }
}

extension RecordDefect: CategorizedError {
    public var category: ErrorCategory { .environment }
}

/// Bytes handed in that are not JSON are bad input.
extension JSONParser.Failure: CategorizedError {
    public var category: ErrorCategory { .badInput }
}

/// A value with no canonical JSON form (a non-finite or oversized number) is bad input.
extension CanonicalJSON.Failure: CategorizedError {
    public var category: ErrorCategory { .badInput }
}

/// A model card whose front matter cannot be read is bad input (`track` warns and goes on).
extension ModelCard.Failure: CategorizedError {
    public var category: ErrorCategory { .badInput }
}

extension LicenseExpressionError: CategorizedError {
    public var category: ErrorCategory { .badInput }
}

/// A stored folder manifest that does not parse is a damaged file.
extension ManifestParseError: CategorizedError {
    public var category: ErrorCategory { .environment }
}

import LedgerCore

/// Why a ledger could not be sealed, or a tag cannot be checked as a seal.
public enum SealError: Error, Equatable, CustomStringConvertible, CategorizedError {
    /// Records of the ledger fail their check; a seal over them would pin broken bytes.
    case defectiveRecords(ledger: String, problems: [FsckProblem])
    /// Another commit changed the ledger between building the seal and committing it.
    case ledgerMoved(ledger: String, sealRecord: String, commit: String)
    /// The tag exists but its message is not a seal's.
    case notASeal(tag: String)

    public var category: ErrorCategory {
        switch self {
        case .defectiveRecords: return .checkFailed
        case .ledgerMoved: return .environment
        case .notASeal: return .badInput
        }
    }

    public var description: String {
        switch self {
        case .defectiveRecords(let ledger, let problems):
            let listed = problems.prefix(5).map { "\($0.path): \($0.problem)" }.joined(separator: "; ")
            let more = problems.count > 5 ? "; and \(problems.count - 5) more" : ""
            return "ledger \(ledger) has \(problems.count) file\(problems.count == 1 ? " that fails its" : "s that fail their") check (\(listed)\(more)). "
                + "Nothing was sealed. Run `repro fsck` and fix them, then seal again."
        case .ledgerMoved(let ledger, let sealRecord, let commit):
            return "another process committed changes to ledger \(ledger) while it was being sealed, so commit \(commit) holds "
                + "records the seal does not cover; no tag was made. The seal record \(sealRecord) stays as an untagged record. "
                + "Run `repro seal \(ledger)` again."
        case .notASeal(let tag):
            return "tag '\(tag)' is not a repro seal: its message does not start with `repro seal <ledger> #<n>` followed by "
                + "root, records and seal-record lines. Seal tags are named repro/<ledger>/<n>; list them with `git tag -l 'repro/*'`."
        }
    }
}

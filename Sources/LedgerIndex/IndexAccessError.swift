import Foundation
import GRDB
import LedgerCore

/// The index is a cache beside the ledgers: when it is behind them and cannot be written,
/// the researcher needs to know which folder to fix, not SQLite's error code.
public enum IndexAccessError: Error, Equatable, CustomStringConvertible, CategorizedError {
    case readOnly(path: String)

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .readOnly(let path):
            "the record index \(TerminalText.escaped(path)) is behind the ledgers and cannot be updated: it is read-only; "
                + "make its folder writable, or set REPRO_CACHE_DIR to a writable folder"
        }
    }

    /// `error` as this type when SQLite refused to write, else `error` itself.
    static func mapping(_ error: any Error, path: String) -> any Error {
        guard let database = error as? DatabaseError,
              database.resultCode == .SQLITE_READONLY || database.resultCode == .SQLITE_CANTOPEN
                || database.resultCode == .SQLITE_PERM else { return error }
        return IndexAccessError.readOnly(path: path)
    }
}

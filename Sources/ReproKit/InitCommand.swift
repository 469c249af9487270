import Foundation
import LedgerCore

/// What `repro init` did.
public struct InitOutcome: Codable, Sendable, Equatable {
    public var ledger: String
    public var ledgerFolder: String
    public var created: Bool
    public var gitignoreUpdated: Bool
}

extension Workspace {
    /// Creates `ledgers/<ledger>/`, the cache folder, and the `.gitignore` entry; safe to repeat.
    /// A `.gitignore` repro must not write (a link, a FIFO) is refused before anything is made.
    public func initialize(ledger: String) throws -> InitOutcome {
        try Names.validate(ledger, as: .ledger)
        _ = try writable { () throws(FileSystemError) in try CacheIgnoreEntry.current(in: top) }
        let created = try store.createLedger(ledger)
        try FileManager.default.createDirectory(at: try cacheFolder, withIntermediateDirectories: true)
        let gitignoreUpdated = try writable { () throws(FileSystemError) in try CacheIgnoreEntry.ensure(in: top) }
        return InitOutcome(ledger: ledger, ledgerFolder: "\(LedgerStore.folderName)/\(ledger)/", created: created,
                           gitignoreUpdated: gitignoreUpdated)
    }

    /// `.gitignore` said the way every refused write is said (`cannot write …`).
    private func writable<T>(_ body: () throws(FileSystemError) -> T) throws(LedgerError) -> T {
        do { return try body() } catch { throw .notWritable(path: error.path, reason: error.reason) }
    }
}

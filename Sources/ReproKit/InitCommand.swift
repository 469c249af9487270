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
    public func initialize(ledger: String) throws -> InitOutcome {
        try Names.validate(ledger, as: .ledger)
        let created = try store.createLedger(ledger)
        try FileManager.default.createDirectory(at: try cacheFolder, withIntermediateDirectories: true)
        let gitignoreUpdated = try ensureIgnored(".repro/")
        return InitOutcome(ledger: ledger, ledgerFolder: "\(LedgerStore.folderName)/\(ledger)/", created: created,
                           gitignoreUpdated: gitignoreUpdated)
    }

    /// Appends `entry` to the top-level `.gitignore` unless a line already says it.
    private func ensureIgnored(_ entry: String) throws -> Bool {
        let url = top.appendingPathComponent(".gitignore")
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let bare = entry.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if lines.contains(where: { [entry, bare, "/" + entry, "/" + bare].contains($0) }) { return false }
        let addition = (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + "\(entry)\n"
        do {
            let handle = try FileHandle(forUpdating: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(addition.utf8))
        } catch CocoaError.fileNoSuchFile {
            try Data(addition.utf8).write(to: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) {
                try Data(addition.utf8).write(to: url)
            } else {
                throw LedgerError.notWritable(path: url.path, reason: error.localizedDescription)
            }
        }
        return true
    }
}

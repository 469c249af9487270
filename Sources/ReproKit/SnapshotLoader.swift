import LedgerCore

extension Workspace {
    /// Reads and verifies every record of `ledgers` (all when empty). Records that fail
    /// verification are left out with a warning, as everywhere else.
    public func snapshot(ledgers requested: [String] = []) throws -> LedgerSnapshot {
        guard store.isInitialized else { throw LedgerError.notInitialized(top: top.path) }
        for ledger in requested { try store.requireLedger(ledger) }
        let ledgers = requested.isEmpty ? store.ledgerNames() : requested
        // Artifacts, events and licenses are shared knowledge: an artifact is the same
        // wherever its digest appears, so they come from every ledger.
        let listing = store.list()
        var snapshot = LedgerSnapshot(ledgers: ledgers)
        for entry in listing.unsafeEntries { warn("skipped \(entry.path): \(entry.problem) (run `repro fsck`)") }
        let root = try? store.openLedgers()
        let decoded = ParallelMap.map(listing.records) { file in Result { () throws(RecordReadError) in try self.store.read(file, under: root) } }
        for (file, result) in zip(listing.records, decoded) {
            switch result {
            case .failure(let defect):
                warn("skipped record \(file.relativePath): \(defect) (run `repro fsck`)")
            case .success(let record):
                let scoped = record.type == .experiment || record.type == .seal
                if scoped && !ledgers.contains(file.ledger) { continue }
                snapshot.add(record, id: Digest(parsing: file.id)!, ledger: file.ledger)
            }
        }
        snapshot.sort()
        return snapshot
    }
}

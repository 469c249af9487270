import LedgerCore
import LedgerIndex

extension Workspace {
    /// Every record of `ledgers` (all when empty), from the record index: brought up to date
    /// incrementally, it holds records already verified, so none is read or hashed again here.
    /// Records that failed verification are left out with a warning, as everywhere else.
    public func snapshot(ledgers requested: [String] = []) throws -> LedgerSnapshot {
        try snapshot(SnapshotScope(ledgers: requested))
    }

    /// The records a statement about `scope` needs (see `RecordIndex.snapshot(_:)`); the
    /// whole of its ledgers when it names no experiment or section. A name or label that
    /// no experiment carries gets the whole snapshot, so the analysis reports it with the
    /// same suggestions as always.
    public func snapshot(_ scope: SnapshotScope) throws -> LedgerSnapshot {
        let (index, scope) = try readableScope(scope)
        return try index.snapshot(scope)
    }

    /// The index and the scope to read from it: `requested` with its ledgers checked (all of
    /// them when it names none), or the whole ledgers when it names an experiment or label no
    /// experiment carries, so the analysis reports that name with its suggestions.
    func readableScope(_ requested: SnapshotScope) throws -> (RecordIndex, SnapshotScope) {
        guard store.isInitialized else { throw LedgerError.notInitialized(top: top.path) }
        for ledger in requested.ledgers { try store.requireLedger(ledger) }
        let ledgers = requested.ledgers.isEmpty ? store.ledgerNames() : requested.ledgers
        let index = try index()
        let scope = SnapshotScope(ledgers: ledgers, experiments: requested.experiments, sections: requested.sections)
        guard !scope.isWhole else { return (index, scope) }
        let found = try index.existing(experiments: scope.experiments, sections: scope.sections, ledgers: ledgers)
        guard found.experiments.isSuperset(of: scope.experiments), found.sections.isSuperset(of: scope.sections) else {
            return (index, SnapshotScope(ledgers: ledgers))
        }
        return (index, scope)
    }
}

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
        guard store.isInitialized else { throw LedgerError.notInitialized(top: top.path) }
        for ledger in scope.ledgers { try store.requireLedger(ledger) }
        var scope = scope
        if scope.ledgers.isEmpty { scope.ledgers = store.ledgerNames() }
        let index = try index()
        guard !scope.isWhole else { return try index.snapshot(ledgers: scope.ledgers) }
        let found = try index.existing(experiments: scope.experiments, sections: scope.sections, ledgers: scope.ledgers)
        guard found.experiments.isSuperset(of: scope.experiments), found.sections.isSuperset(of: scope.sections) else {
            return try index.snapshot(ledgers: scope.ledgers)
        }
        return try index.snapshot(scope)
    }
}

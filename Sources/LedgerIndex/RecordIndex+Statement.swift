import Foundation
import GRDB
import LedgerCore

extension RecordIndex {
    /// What a statement or checklist about `scope` reads, in one read transaction, so a
    /// record committed meanwhile is seen with all its others or not at all (an experiment
    /// without the artifact record it names would state that artifact's license as unknown).
    ///
    /// Returns the records besides the experiments: for the whole ledgers, the artifacts,
    /// events and licenses of every ledger (shared knowledge); for a scope, those of its
    /// closure and the licenses (the records `snapshot(_:)` holds), sorted. Hands each
    /// experiment in scope to `eachRun`, in no particular order: a batch at a time decoded on
    /// every core (`ExperimentJSONReader`, `JSONDecoder` for what it leaves), so only one
    /// batch of whole records is held at once. A scoped statement costs in proportion to its
    /// scope; a whole one is one pass.
    public func statementInput(_ scope: SnapshotScope,
                               eachRun: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws -> LedgerSnapshot {
        try pool.read { db in
            // One pass reads each page once: a small page cache and no memory map.
            try Self.streaming(db) {
                guard scope.isWhole else { return try Self.closureSnapshot(db, scope, eachExperiment: eachRun) }
                let records = try Self.sortedSnapshot(db, ledgers: scope.ledgers, where: "type IN ('artifact', 'availability', 'license')")
                let runs: SQL = "SELECT id, ledger, type, json FROM records WHERE type = 'experiment' AND ledger IN \(scope.ledgers)"
                try Self.decodeExperiments(db, runs, eachRun)
                return records
            }
        }
    }
}

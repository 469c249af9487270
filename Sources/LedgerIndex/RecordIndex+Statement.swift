import Foundation
import GRDB
import LedgerCore

extension RecordIndex {
    /// Every record a whole-ledger statement or checklist reads besides the experiments: the
    /// artifacts, events and licenses of every ledger (shared knowledge), sorted as in
    /// `snapshot(ledgers:)` (seals and manifests are not read by a statement).
    public func statementRecords(ledgers: [String]) throws -> LedgerSnapshot {
        try sortedSnapshot(ledgers: ledgers, where: "type IN ('artifact', 'availability', 'license')")
    }

    /// The same for a statement about `scope`: the artifacts and events of its closure, and
    /// the licenses (see `snapshot(_:)`, which reads the same records).
    public func statementRecords(_ scope: SnapshotScope) throws -> LedgerSnapshot {
        guard !scope.isWhole else { return try statementRecords(ledgers: scope.ledgers) }
        return try closureSnapshot(scope, withExperiments: false)
    }

    /// Each experiment a statement about `scope` reads (those of `snapshot(_:)`), in no
    /// particular order: a scoped statement costs in proportion to its scope, a whole one is
    /// one pass. Records are decoded a batch at a time on every core (`ExperimentJSONReader`,
    /// `JSONDecoder` for what it leaves), so only one batch of whole records is held at once.
    public func forEachStatementRun(_ scope: SnapshotScope,
                                    _ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws {
        let selection: SQL
        if scope.isWhole {
            selection = "SELECT id, ledger, type, json FROM records WHERE type = 'experiment' AND ledger IN \(scope.ledgers)"
        } else {
            let query = ScopeQuery(scope)
            selection = "\(query.closure) SELECT r.id, r.ledger, r.type, r.json FROM records r WHERE \(query.experimentRecords)"
        }
        try pool.read { db in
            // One pass reads each page once: a small page cache and no memory map.
            try Self.streaming(db) {
                try Self.decodeInBatches(try Row.fetchCursor(db, literal: selection)) { record, id, ledger in
                    guard case .experiment(let value) = record else {
                        throw IndexSnapshotError.malformedRow(id: id.hex, type: "not an experiment")
                    }
                    try body(LedgerSnapshot.Entry(id: id, ledger: ledger, value: value))
                }
            }
        }
    }
}

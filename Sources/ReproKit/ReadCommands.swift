import Foundation
import LedgerCore
import LedgerIndex

/// One line of `repro list ledgers`.
public struct LedgerSummary: Codable, Sendable {
    public var name: String
    public var artifacts: Int
    public var experiments: Int
    public var events: Int
}

/// What `repro reindex` rebuilt.
public struct ReindexOutcome: Codable, Sendable {
    public var records: Int
    public var skipped: [RecordIndex.SkippedRecord]
}

extension Workspace {
    public func listLedgers() throws -> [LedgerSummary] {
        let index = try index()
        return try store.ledgerNames().map { name in
            let counts = try index.counts(ledger: name)
            return LedgerSummary(name: name, artifacts: counts[.artifact] ?? 0, experiments: counts[.experiment] ?? 0,
                                 events: counts[.availability] ?? 0)
        }
    }

    /// Streams each distinct (digest, name) artifact in recording order.
    public func forEachArtifact(ledger: String?, _ body: (IndexedRecord<ArtifactRecord>) throws -> Void) throws {
        if let ledger { try store.requireLedger(ledger) }
        var seen = Set<String>()
        try index().forEach(ArtifactRecord.self, recordType: .artifact, ledger: ledger) { record in
            if seen.insert(record.value.digest.hex + "\u{0}" + record.value.name).inserted { try body(record) }
        }
    }

    public func forEachExperiment(ledger: String?, _ body: (IndexedRecord<ExperimentRecord>) throws -> Void) throws {
        if let ledger { try store.requireLedger(ledger) }
        try index().forEach(ExperimentRecord.self, recordType: .experiment, ledger: ledger, body)
    }

    /// Streams experiments as stored JSON, undecoded: `list experiments --json` at any size.
    public func forEachRawExperiment(ledger: String?, _ body: (RawRecord) throws -> Void) throws {
        if let ledger { try store.requireLedger(ledger) }
        try index().forEachRaw(recordType: .experiment, ledger: ledger, body)
    }

    public func log(ledger: String?, limit: Int) throws -> [IndexedRecord<LedgerRecord>] {
        if let ledger { try store.requireLedger(ledger) }
        return try index().log(ledger: ledger, limit: limit)
    }

    public func reindex() throws -> ReindexOutcome {
        guard store.isInitialized else { throw LedgerError.notInitialized(top: top.path) }
        let summary = try RecordIndex.rebuild(at: try cacheFolder.appendingPathComponent("index.sqlite"), store: store)
        for entry in summary.unsafe { warn("skipped \(TerminalText.escaped(entry.path)): \(entry.problem) (run `repro fsck`)") }
        return ReindexOutcome(records: summary.added, skipped: summary.skipped)
    }
}

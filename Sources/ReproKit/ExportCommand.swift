import Foundation
import LedgerCore
import LedgerExport
import LedgerIndex

extension Workspace {
    /// An interchange document of the chosen ledgers (all when empty): a pure function of the records.
    public func export(format: ExportFormat, ledgers: [String], asOf: CalendarDay?) throws -> String {
        let sink = TextSink()
        try export(format: format, ledgers: ledgers, asOf: asOf, to: sink)
        return sink.text
    }

    /// The same document written to `sink` as it is produced, the experiments streamed from
    /// the index: memory does not grow with the ledger.
    public func export(format: ExportFormat, ledgers: [String], asOf: CalendarDay?, to sink: TextSink) throws {
        let options = ExportOptions(asOf: try asOf.map { day throws -> CalendarDay in try Timestamps.pastDay(day) })
        try LedgerExport.export(try exportSource(ledgers: ledgers), format: format, options: options, to: sink)
    }

    /// The lineage picture: artifacts → experiments → derived artifacts.
    public func graph(format: GraphFormat, ledgers: [String]) throws -> String {
        let sink = TextSink()
        try graph(format: format, ledgers: ledgers, to: sink)
        return sink.text
    }

    /// The same picture written to `sink` as it is produced.
    public func graph(format: GraphFormat, ledgers: [String], to sink: TextSink) throws {
        try LedgerExport.graph(try exportSource(ledgers: ledgers), format: format, to: sink)
    }

    /// The index, brought up to date, as an export source for `ledgers` (all when empty).
    func exportSource(ledgers requested: [String]) throws -> IndexExportSource {
        guard store.isInitialized else { throw LedgerError.notInitialized(top: top.path) }
        for ledger in requested { try store.requireLedger(ledger) }
        return IndexExportSource(index: try index(), ledgers: requested.isEmpty ? store.ledgerNames() : requested)
    }
}

/// The index as an export source: shared records in memory, experiments streamed.
struct IndexExportSource: ExportSource {
    let index: RecordIndex
    let ledgers: [String]

    func sharedRecords() throws -> LedgerSnapshot { try index.sharedRecords(ledgers: ledgers) }

    func forEachExperiment(_ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws {
        try index.forEachExperiment(ledgers: ledgers, body)
    }

    func forEachRecordID(_ body: (Digest) throws -> Void) throws { try index.forEachRecordID(ledgers: ledgers, body) }
}

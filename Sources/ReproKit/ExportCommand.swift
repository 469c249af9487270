import Foundation
import LedgerCore
import LedgerExport

extension Workspace {
    /// An interchange document of the chosen ledgers (all when empty): a pure function of the records.
    public func export(format: ExportFormat, ledgers: [String], asOf: String?) throws -> String {
        let options = ExportOptions(asOf: try asOf.map { day throws -> String in try Timestamps.pastDay(day) })
        return try LedgerExport.export(try snapshot(ledgers: ledgers), format: format, options: options)
    }

    /// The lineage picture: artifacts → experiments → derived artifacts.
    public func graph(format: GraphFormat, ledgers: [String]) throws -> String {
        LedgerExport.graph(try snapshot(ledgers: ledgers), format: format)
    }
}

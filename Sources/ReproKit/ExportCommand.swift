import Foundation
import LedgerCore
import LedgerExport

extension Workspace {
    /// An interchange document of the chosen ledgers (all when empty): a pure function of the records.
    public func export(format: ExportFormat, ledgers: [String], asOf: String?) throws -> String {
        let options = ExportOptions(asOf: try asOf.map(Timestamps.day))
        return try LedgerExport.export(try snapshot(ledgers: ledgers), format: format, options: options)
    }

    /// The lineage picture: artifacts → experiments → derived artifacts.
    public func graph(format: GraphFormat, ledgers: [String]) throws -> String {
        LedgerExport.graph(try snapshot(ledgers: ledgers), format: format)
    }

    /// Writes `text` to `path` atomically, or returns it for stdout when `path` is nil.
    public func write(_ text: String, to path: String?, from directory: URL) throws -> String? {
        guard let path else { return text }
        let url = URL(fileURLWithPath: absolutePath(path, from: directory))
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw LedgerError.notWritable(path: url.path, reason: error.localizedDescription)
        }
        return nil
    }
}

import ArgumentParser
import LedgerCore
import LedgerExport
import ReproKit

extension ExportFormat: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the ledger as CycloneDX 1.6 JSON, W3C PROV-JSON or BibTeX.",
        discussion: "Deterministic: the same records give the same bytes. Availability is folded as of --as-of (default: every event).")

    @Option(help: "cyclonedx, prov or bibtex.")
    var format: ExportFormat

    @Option(help: "Only these ledgers (repeatable); all by default.")
    var ledger: [String] = []

    @Option(name: .customLong("as-of"), help: "Fold availability events up to this day, YYYY-MM-DD.")
    var asOf: String?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        guard output != nil else {
            // Streamed: memory does not grow with the ledger.
            return try Console.withWorkspace { try $0.export(format: format, ledgers: ledger, asOf: asOf, to: TextSink(fileDescriptor: 1)) }
        }
        let text = try Console.withWorkspace { try $0.export(format: format, ledgers: ledger, asOf: asOf) }
        try DocumentOutput.write(text, to: output)
    }
}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw lineage: artifacts → experiments → derived artifacts, withdrawn or gated ones marked.",
        discussion: "Mermaid renders on code hosts; DOT renders with Graphviz (dot -Tsvg).")

    @Option(help: "mermaid or dot.")
    var format: GraphFormat = .mermaid

    @Option(help: "Only these ledgers (repeatable); all by default.")
    var ledger: [String] = []

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        guard output != nil else {
            return try Console.withWorkspace { try $0.graph(format: format, ledgers: ledger, to: TextSink(fileDescriptor: 1)) }
        }
        let text = try Console.withWorkspace { try $0.graph(format: format, ledgers: ledger) }
        try DocumentOutput.write(text, to: output)
    }
}

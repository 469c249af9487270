import ArgumentParser
import LedgerCore
import LedgerExport
import ReproKit

struct Export: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the ledger as CycloneDX 1.6 JSON, W3C PROV-JSON or BibTeX.",
        discussion: "Deterministic: the same records give the same bytes. Availability is folded as of --as-of (default: every event).")

    @Option(help: "The interchange format.")
    var format: ExportFormat

    @Option(help: "Only these ledgers (repeatable); all by default.")
    var ledger: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Fold availability events up to this day.", valueName: CalendarDay.help),
            transform: CalendarDay.argument)
    var asOf: CalendarDay?

    @OptionGroup var destination: DocumentDestination

    func run(in workspace: Workspace) throws {
        guard destination.file != nil else {
            // Streamed: memory does not grow with the ledger.
            return try workspace.export(format: format, ledgers: ledger, asOf: asOf, to: TextSink(fileDescriptor: 1))
        }
        let text = try workspace.export(format: format, ledgers: ledger, asOf: asOf)
        try destination.write(text)
    }
}

struct Graph: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw lineage: artifacts → experiments → derived artifacts, withdrawn or gated ones marked.",
        discussion: "Mermaid renders on code hosts; DOT renders with Graphviz (dot -Tsvg).")

    @Option(help: "The diagram language.")
    var format: GraphFormat = .mermaid

    @Option(help: "Only these ledgers (repeatable); all by default.")
    var ledger: [String] = []

    @OptionGroup var destination: DocumentDestination

    func run(in workspace: Workspace) throws {
        guard destination.file != nil else {
            return try workspace.graph(format: format, ledgers: ledger, to: TextSink(fileDescriptor: 1))
        }
        let text = try workspace.graph(format: format, ledgers: ledger)
        try destination.write(text)
    }
}

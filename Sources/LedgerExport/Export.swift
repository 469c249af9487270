import LedgerCore

/// Writes `snapshot` in an interchange format; the bytes depend only on the snapshot and
/// `options`, never on the clock or the file system.
public func export(_ snapshot: LedgerSnapshot, format: ExportFormat,
                   options: ExportOptions = ExportOptions()) throws(ExportError) -> String {
    switch format {
    case .cyclonedx: try CycloneDXExporter(options: options).render(snapshot)
    case .prov: try PROVExporter(options: options).render(snapshot)
    case .bibtex: try BibTeXExporter(options: options).render(snapshot)
    }
}

/// Draws the lineage of every artifact and experiment in `snapshot`, with each artifact's
/// latest recorded availability.
public func graph(_ snapshot: LedgerSnapshot, format: GraphFormat) -> String {
    let lineage = LineageGraph(ExportModel(snapshot, asOf: nil))
    switch format {
    case .mermaid: return MermaidRenderer.render(lineage)
    case .dot: return DOTRenderer.render(lineage)
    }
}

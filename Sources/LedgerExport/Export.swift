import LedgerCore

/// Writes the records of `source` in an interchange format, streamed to `sink`; the bytes
/// depend only on the records and `options`, never on the clock or the file system.
public func export(_ source: some ExportSource, format: ExportFormat, options: ExportOptions = ExportOptions(),
                   to sink: TextSink) throws {
    switch format {
    case .cyclonedx: try CycloneDXExporter(options: options).write(source, to: sink)
    case .prov: try PROVExporter(options: options).write(source, to: sink)
    case .bibtex: try BibTeXExporter(options: options).write(source, to: sink)
    }
}

/// Draws the lineage of every artifact and experiment of `source`, with each artifact's
/// latest recorded availability, streamed to `sink`.
public func graph(_ source: some ExportSource, format: GraphFormat, to sink: TextSink) throws {
    switch format {
    case .mermaid: try LineageGraph.write(source, renderer: MermaidRenderer(), to: sink)
    case .dot: try LineageGraph.write(source, renderer: DOTRenderer(), to: sink)
    }
}

/// `export(_:format:options:to:)` of a snapshot in memory, as text.
public func export(_ snapshot: LedgerSnapshot, format: ExportFormat, options: ExportOptions = ExportOptions()) throws -> String {
    let sink = TextSink()
    try export(SnapshotExportSource(snapshot), format: format, options: options, to: sink)
    return sink.text
}

/// `graph(_:format:to:)` of a snapshot in memory, as text.
public func graph(_ snapshot: LedgerSnapshot, format: GraphFormat) throws -> String {
    let sink = TextSink()
    try graph(SnapshotExportSource(snapshot), format: format, to: sink)
    return sink.text
}

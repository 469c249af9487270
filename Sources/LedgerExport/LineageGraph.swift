import LedgerCore

/// Artifacts and experiments as a directed graph: inputs flow into the experiments that
/// used them, experiments into what they produced, and recorded lineage (`derivedFrom`)
/// links ancestor to descendant. Both diagram languages draw this same graph.
///
/// Streamed: one pass over the experiments; their nodes and edges wait in spill files
/// while the artifact nodes (which need every digest the experiments name) are written.
enum LineageGraph {
    struct Node: Hashable, Sendable {
        enum Shape: Hashable, Sendable { case artifact, experiment }

        var id: String
        var lines: [String]
        var shape: Shape
        /// A status that limits reproduction, drawn so it stands out.
        var limit: AvailabilityStatus?
    }

    struct Edge: Hashable, Sendable {
        var from: String
        var to: String
        /// Lineage recorded on the artifact rather than observed in a run; drawn dashed.
        var isDerivation: Bool
    }

    /// Writes the graph of `source` in `renderer`'s language: artifact nodes, experiment
    /// nodes, then edges (run edges in experiment order, then lineage), each edge once.
    static func write(_ source: some ExportSource, renderer: some GraphRenderer, to sink: TextSink) throws {
        var catalog = ExportCatalog(try source.sharedRecords(), asOf: nil)
        let experimentNodes = try TextSink.spill(), runEdges = try TextSink.spill()
        var experiments = 0
        try source.forEachExperiment { experiment in
            catalog.see(experiment.value)
            experiments += 1
            let id = "e\(experiments)"
            let record = experiment.value
            var detail = [record.section, record.outcome.endedEarly ? record.outcome.rawValue : nil].compactMap { $0 }
            if detail.isEmpty { detail = ["experiment"] }
            experimentNodes.write(renderer.line(Node(id: id, lines: [record.name, detail.joined(separator: ", ")],
                                                     shape: .experiment)))
            // Edges name this run, so a repeat can only come from this run's own uses.
            var seen = Set<Edge>()
            for input in record.inputs {
                let edge = Edge(from: artifactID(catalog, input.digest), to: id, isDerivation: false)
                if seen.insert(edge).inserted { runEdges.write(renderer.line(edge)) }
            }
            for output in record.outputs {
                let edge = Edge(from: id, to: artifactID(catalog, output.digest), isDerivation: false)
                if seen.insert(edge).inserted { runEdges.write(renderer.line(edge)) }
            }
        }
        catalog.finish()

        sink.write(renderer.header)
        var limits = Set<AvailabilityStatus>()
        for artifact in catalog.artifacts {
            let limit = artifact.limitingStatus?.status
            if let limit { limits.insert(limit) }
            sink.write(renderer.line(Node(id: artifactID(catalog, artifact.digest), lines: [artifact.name, detail(artifact)],
                                          shape: .artifact, limit: limit)))
        }
        try sink.append(contentsOf: experimentNodes)
        try sink.append(contentsOf: runEdges)
        var seen = Set<Edge>()
        for artifact in catalog.artifacts {
            for ancestor in artifact.derivedFrom {
                let edge = Edge(from: artifactID(catalog, ancestor), to: artifactID(catalog, artifact.digest), isDerivation: true)
                if seen.insert(edge).inserted { sink.write(renderer.line(edge)) }
            }
        }
        sink.write(renderer.footer(limits: limits))
        try sink.flush()
    }

    /// `a1`, `a2`, …: the artifact's place in the catalog, which every digest named has.
    private static func artifactID(_ catalog: ExportCatalog, _ digest: Digest) -> String {
        "a\(catalog.position(digest)! + 1)"
    }

    /// `checkpoint, withdrawn as of 2025-03-01`: the kind and any limiting status in words,
    /// so the mark survives a black-and-white print.
    private static func detail(_ artifact: ExportedArtifact) -> String {
        var detail = artifact.kind?.rawValue ?? "not recorded in these ledgers"
        if let limit = artifact.limitingStatus {
            detail += ", " + limit.status.phrase + " as of " + limit.asOf
        }
        return detail
    }
}

/// One diagram language: a line per node and per edge, between a header and a footer.
protocol GraphRenderer {
    var header: String { get }
    func line(_ node: LineageGraph.Node) -> String
    func line(_ edge: LineageGraph.Edge) -> String
    /// What closes the document; `limits` are the statuses some node was drawn with.
    func footer(limits: Set<AvailabilityStatus>) -> String
}

import LedgerCore

/// Artifacts and experiments as a directed graph: inputs flow into the experiments that
/// used them, experiments into what they produced, and recorded lineage (`derivedFrom`)
/// links ancestor to descendant. Both diagram languages draw this same graph.
struct LineageGraph: Sendable {
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

    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []

    init(_ model: ExportModel) {
        var artifactIDs: [Digest: String] = [:]
        for (index, artifact) in model.artifacts.enumerated() {
            let id = "a\(index + 1)"
            artifactIDs[artifact.digest] = id
            nodes.append(Node(id: id, lines: [artifact.name, Self.detail(artifact)], shape: .artifact,
                              limit: artifact.limitingStatus?.status))
        }
        var seen = Set<Edge>()
        func connect(_ edge: Edge) {
            if seen.insert(edge).inserted { edges.append(edge) }
        }
        for (index, experiment) in model.experiments.enumerated() {
            let id = "e\(index + 1)"
            let record = experiment.value
            var detail = [record.section, record.outcome.endedEarly ? record.outcome.rawValue : nil].compactMap { $0 }
            if detail.isEmpty { detail = ["experiment"] }
            nodes.append(Node(id: id, lines: [record.name, detail.joined(separator: ", ")], shape: .experiment))
            for input in record.inputs {
                connect(Edge(from: artifactIDs[input.digest]!, to: id, isDerivation: false))
            }
            for output in record.outputs {
                connect(Edge(from: id, to: artifactIDs[output.digest]!, isDerivation: false))
            }
        }
        for artifact in model.artifacts {
            for ancestor in artifact.derivedFrom {
                connect(Edge(from: artifactIDs[ancestor]!, to: artifactIDs[artifact.digest]!, isDerivation: true))
            }
        }
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

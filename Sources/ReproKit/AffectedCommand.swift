import LedgerCore
import LedgerIndex

/// Everything that depends on an artifact, in every ledger.
public struct AffectedReport: Codable, Sendable {
    public struct Dependent: Codable, Sendable, Hashable {
        public var digest: Digest
        public var names: [String]
        /// How many lineage or experiment steps separate it from the artifact asked about.
        public var distance: Int
    }

    public struct Run: Codable, Sendable, Hashable {
        public var name: String
        public var ledger: String
        public var section: String?
        public var record: String
        public var distance: Int
    }

    /// Nil when the name is an external parent: a Hub id named by model cards, not tracked.
    public var artifact: Digest?
    public var names: [String]
    public var artifacts: [Dependent]
    public var experiments: [Run]
}

extension Workspace {
    /// Follows derived-from lineage and experiment outputs transitively, breadth first.
    public func affected(by reference: String) throws -> AffectedReport {
        let index = try index()
        let root: Digest?
        var frontier: [Digest]
        var dependents: [AffectedReport.Dependent] = []
        var distance = 0
        do {
            root = try ArtifactResolver(index: index).resolve(reference)
            frontier = [root!]
        } catch LedgerError.unknownArtifact(let name, let suggestions) {
            // A Hub id kept as an external parent: its children are the first step.
            var children: [Digest] = []
            try index.forEach(ArtifactRecord.self, recordType: .artifact) { record in
                if record.value.externalParents?.contains(reference) == true { children.append(record.value.digest) }
            }
            guard !children.isEmpty else { throw LedgerError.unknownArtifact(name, suggestions: suggestions) }
            root = nil
            frontier = unique(children)
            distance = 1
            let names = try index.names(of: frontier)
            dependents = frontier.map { .init(digest: $0, names: names[$0] ?? [], distance: 1) }
        }
        var seen = Set(frontier)
        var runs: [AffectedReport.Run] = []
        var seenRuns = Set<String>()
        while !frontier.isEmpty {
            distance += 1
            for run in try index.experimentReferences(using: frontier) where seenRuns.insert(run.path).inserted {
                runs.append(.init(name: run.name, ledger: run.ledger, section: run.section, record: run.path, distance: distance))
            }
            let next = try index.children(of: frontier) + index.outputs(ofExperimentsUsing: frontier)
            frontier = next.filter { seen.insert($0).inserted }
            let names = try index.names(of: frontier)
            dependents += frontier.map { .init(digest: $0, names: names[$0] ?? [], distance: distance) }
        }
        let names = try root.map { try index.names(of: [$0])[$0] ?? [] } ?? [reference]
        return AffectedReport(artifact: root, names: names, artifacts: dependents, experiments: runs)
    }
}

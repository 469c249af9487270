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

    public var artifact: Digest
    public var names: [String]
    public var artifacts: [Dependent]
    public var experiments: [Run]
}

extension Workspace {
    /// Follows derived-from lineage and experiment outputs transitively, breadth first.
    public func affected(by reference: String) throws -> AffectedReport {
        let index = try index()
        let root = try ArtifactResolver(index: index).resolve(reference)
        var seen: Set<Digest> = [root]
        var frontier = [root]
        var dependents: [AffectedReport.Dependent] = []
        var runs: [AffectedReport.Run] = []
        var seenRuns = Set<String>()
        var distance = 0
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
        return AffectedReport(artifact: root, names: try index.names(of: [root])[root] ?? [],
                              artifacts: dependents, experiments: runs)
    }
}

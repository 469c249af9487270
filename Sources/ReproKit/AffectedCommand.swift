import Algorithms
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
    /// `file` or `folder`: with the digest, which artifact was asked about.
    public var layout: ArtifactIdentity.Layout?
    public var names: [String]
    public var artifacts: [Dependent]
    public var experiments: [Run]
}

extension Workspace {
    /// Follows derived-from lineage and experiment outputs transitively, breadth first. The first
    /// step is by identity (a file and a folder sharing a digest are apart); lineage is by digest.
    public func affected(by reference: String) throws -> AffectedReport {
        let index = try index()
        let identity: ArtifactIdentity?
        var frontier: [Digest]
        var dependents: [AffectedReport.Dependent] = []
        var distance = 0
        do {
            identity = try ArtifactResolver(index: index, warn: warn).resolve(reference)
            frontier = [identity!.digest]
        } catch LedgerError.unknownArtifact(let name, let suggestions) {
            // A Hub id kept as an external parent: its children are the first step.
            var children: [Digest] = []
            try index.forEach(ArtifactRecord.self, recordType: .artifact) { record in
                if record.value.externalParents?.contains(reference) == true { children.append(record.value.digest) }
            }
            guard !children.isEmpty else { throw LedgerError.unknownArtifact(name, suggestions: suggestions) }
            identity = nil
            frontier = Array(children.uniqued())
            distance = 1
            let names = try index.names(of: frontier)
            dependents = frontier.map { .init(digest: $0, names: names[$0] ?? [], distance: 1) }
        }
        var seen = Set(frontier)
        var runs: [AffectedReport.Run] = []
        var seenRuns = Set<String>()
        while !frontier.isEmpty {
            distance += 1
            let first = distance == 1 ? identity : nil
            let users = try first.map { try index.experimentReferences(using: [$0]) } ?? index.experimentReferences(using: frontier)
            for run in users where seenRuns.insert(run.path).inserted {
                runs.append(.init(name: run.name, ledger: run.ledger, section: run.section, record: run.path, distance: distance))
            }
            let written = first != nil ? try users.flatMap { try index.experimentOutputs(path: $0.path) }
                : try index.outputs(ofExperimentsUsing: frontier)
            let next = try index.children(of: frontier) + written
            frontier = next.filter { seen.insert($0).inserted }
            let names = try index.names(of: frontier)
            dependents += frontier.map { .init(digest: $0, names: names[$0] ?? [], distance: distance) }
        }
        let names = try identity.map { Array(try index.artifactRecords($0).map(\.value.name).uniqued()) } ?? [reference]
        return AffectedReport(artifact: identity?.digest, layout: identity?.layout, names: names,
                              artifacts: dependents, experiments: runs)
    }
}

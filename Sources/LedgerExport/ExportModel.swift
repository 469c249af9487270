import LedgerCore

/// The snapshot as the exporters see it: one merged entry per digest, the experiments in
/// snapshot order, and the document time. Built once per export so formats agree.
struct ExportModel: Sendable {
    /// Recorded artifacts in first-recorded order, then digests only experiments or
    /// lineage links mention, in the order they are first mentioned.
    private(set) var artifacts: [ExportedArtifact] = []
    /// In snapshot order; a record filed in two ledgers appears once, under the first.
    let experiments: [LedgerSnapshot.Entry<ExperimentRecord>]
    let ledgers: [String]
    /// The latest time any record carries; nil for an empty snapshot.
    let latestRecordTime: String?
    private var positions: [Digest: Int] = [:]

    init(_ snapshot: LedgerSnapshot, asOf: String?) {
        var snapshot = snapshot
        snapshot.sort()
        ledgers = snapshot.ledgers
        var seen = Set<Digest>()
        experiments = snapshot.experiments.filter { seen.insert($0.id).inserted }
        latestRecordTime = Self.latestTime(in: snapshot)

        // One view per digest, grouped once: filtering the snapshot per artifact was quadratic.
        let views = snapshot.artifactViews(asOf: asOf)
        for digest in snapshot.artifactDigests {
            insert(Self.exported(views[digest]!))
        }
        for experiment in snapshot.experiments {
            for use in experiment.value.inputs + experiment.value.outputs where positions[use.digest] == nil {
                insert(ExportedArtifact(digest: use.digest, name: use.name))
            }
        }
        for artifact in artifacts {
            for ancestor in artifact.derivedFrom where positions[ancestor] == nil {
                insert(ExportedArtifact(digest: ancestor, name: ancestor.description))
            }
        }
        for index in artifacts.indices {
            let view = views[artifacts[index].digest]
            artifacts[index].availability = view?.availability
            artifacts[index].retainedCopy = view?.retainedCopy
        }
    }

    func artifact(_ digest: Digest) -> ExportedArtifact? {
        positions[digest].map { artifacts[$0] }
    }

    /// The time a format's required timestamp takes: the option, else the latest record time.
    func documentTime(_ options: ExportOptions) -> String {
        options.timestamp ?? latestRecordTime ?? "1970-01-01T00:00:00Z"
    }

    private mutating func insert(_ artifact: ExportedArtifact) {
        positions[artifact.digest] = artifacts.count
        artifacts.append(artifact)
    }

    /// The export's reading of the ledger's one artifact view.
    private static func exported(_ view: ArtifactView) -> ExportedArtifact {
        let latest = view.latest!
        var artifact = ExportedArtifact(digest: view.digest, name: latest.name, kind: latest.kind, layout: latest.layout,
                                        size: latest.size, fileCount: latest.fileCount)
        artifact.firstRecordedAt = view.first?.recordedAt
        artifact.recordedBy = view.first?.recordedBy
        artifact.license = view.license
        artifact.note = view.note
        artifact.sources = view.sources
        artifact.derivedFrom = view.derivedFrom
        artifact.ledgers = view.ledgers
        return artifact
    }

    /// Record times share one format (`YYYY-MM-DDTHH:MM:SSZ`), so text order is time order.
    private static func latestTime(in snapshot: LedgerSnapshot) -> String? {
        var times = snapshot.artifacts.map(\.value.recordedAt)
        times += snapshot.events.map(\.value.recordedAt)
        times += snapshot.experiments.flatMap { [$0.value.startedAt] + ($0.value.endedAt.map { [$0] } ?? []) }
        times += snapshot.licenses.map(\.value.recordedAt)
        return times.filter(ExportOptions.isUTCTimestamp).max()
    }
}

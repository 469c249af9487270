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

        // Grouped once: filtering the whole snapshot per artifact made exports quadratic.
        let recordsByDigest = Dictionary(grouping: snapshot.artifacts, by: \.value.digest)
        let eventsByDigest = Dictionary(grouping: snapshot.events.map(\.value), by: \.digest)
        for digest in snapshot.artifactDigests {
            insert(Self.merge(recordsByDigest[digest] ?? [], digest: digest))
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
            let events = eventsByDigest[artifacts[index].digest] ?? []
            artifacts[index].availability = AvailabilityFold.status(of: events, onOrBefore: asOf)
            artifacts[index].retainedCopy = AvailabilityFold.retainedCopy(in: events, onOrBefore: asOf)
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

    private static func merge(_ entries: [LedgerSnapshot.Entry<ArtifactRecord>], digest: Digest) -> ExportedArtifact {
        let latest = entries.last!.value
        var artifact = ExportedArtifact(digest: digest, name: latest.name, kind: latest.kind, layout: latest.layout,
                                        size: latest.size, fileCount: latest.fileCount)
        artifact.firstRecordedAt = entries.first?.value.recordedAt
        artifact.recordedBy = entries.first?.value.recordedBy
        artifact.license = entries.last { $0.value.license != nil }?.value.license
        artifact.note = entries.last { $0.value.note != nil }?.value.note
        for entry in entries {
            for source in entry.value.sources where !artifact.sources.contains(source) {
                artifact.sources.append(source)
            }
            for ancestor in entry.value.derivedFrom where !artifact.derivedFrom.contains(ancestor) && ancestor != digest {
                artifact.derivedFrom.append(ancestor)
            }
            if !artifact.ledgers.contains(entry.ledger) { artifact.ledgers.append(entry.ledger) }
        }
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

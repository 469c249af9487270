import LedgerCore

/// The artifacts as the exporters see them, gathered while the experiments stream past:
/// one merged entry per digest, so every format describes an artifact the same way.
///
/// Order: recorded artifacts in first-recorded order, then digests only experiments name,
/// in the order they are first named (`see(_:)`), then digests only lineage links name
/// (`finish()`). Holds one entry per digest and never an experiment.
struct ExportCatalog {
    private(set) var artifacts: [ExportedArtifact] = []
    let ledgers: [String]
    /// The latest valid time any record carries so far; nil when none.
    private(set) var latestRecordTime: String?
    private var positions: [Digest: Int] = [:]
    private let views: [Digest: ArtifactView]

    /// The recorded artifacts of `shared` (a snapshot without experiments), folded as of `asOf`.
    init(_ shared: LedgerSnapshot, asOf: String?) {
        ledgers = shared.ledgers
        views = shared.artifactViews(asOf: asOf)
        let digests = shared.artifactDigests
        // Room for the digests only runs and lineage name, so appending never copies 20,000 entries.
        let room = digests.count + digests.count / 4 + 64
        artifacts.reserveCapacity(room)
        positions.reserveCapacity(room)
        for digest in digests {
            insert(ExportedArtifact(views[digest]!))
        }
        for time in shared.artifacts.map(\.value.recordedAt) + shared.events.map(\.value.recordedAt)
            + shared.licenses.map(\.value.recordedAt) {
            consider(time)
        }
    }

    /// Takes note of one experiment: the digests it names that no record describes, its times.
    mutating func see(_ experiment: ExperimentRecord) {
        for use in experiment.inputs + experiment.outputs where positions[use.digest] == nil {
            insert(ExportedArtifact(digest: use.digest, name: use.name))
        }
        consider(experiment.startedAt)
        if let endedAt = experiment.endedAt { consider(endedAt) }
    }

    /// Adds the digests only lineage links name; call once, after the last experiment.
    mutating func finish() {
        for artifact in artifacts {
            for ancestor in artifact.derivedFrom where positions[ancestor] == nil {
                insert(ExportedArtifact(digest: ancestor, name: ancestor.description))
            }
        }
    }

    func artifact(_ digest: Digest) -> ExportedArtifact? {
        positions[digest].map { artifacts[$0] }
    }

    /// The artifact's place in `artifacts`, from 0.
    func position(_ digest: Digest) -> Int? { positions[digest] }

    /// The time a format's required timestamp takes: the option, else the latest record time.
    func documentTime(_ options: ExportOptions) -> String {
        options.timestamp ?? latestRecordTime ?? "1970-01-01T00:00:00Z"
    }

    private mutating func insert(_ artifact: ExportedArtifact) {
        var artifact = artifact
        let view = views[artifact.digest]
        artifact.availability = view?.availability
        artifact.retainedCopy = view?.retainedCopy
        positions[artifact.digest] = artifacts.count
        artifacts.append(artifact)
    }

    /// Record times share one format (`YYYY-MM-DDTHH:MM:SSZ`), so text order is time order;
    /// a time that is not valid is never the latest.
    private mutating func consider(_ time: String) {
        if let latest = latestRecordTime, time <= latest { return }
        if ExportOptions.isUTCTimestamp(time) { latestRecordTime = time }
    }
}

extension ExportedArtifact {
    /// The export's reading of the ledger's one artifact view (of a recorded digest).
    init(_ view: ArtifactView) {
        let latest = view.latest!
        self.init(digest: view.digest, name: latest.name, kind: latest.kind, layout: latest.layout,
                  size: latest.size, fileCount: latest.fileCount)
        firstRecordedAt = view.first?.recordedAt
        recordedBy = view.first?.recordedBy
        license = view.license
        note = view.note
        sources = view.sources
        derivedFrom = view.derivedFrom
        ledgers = view.ledgers
    }
}

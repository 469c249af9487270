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
    /// The status of each digest that availability events describe but no artifact record
    /// does: a run or a lineage link may still name it. (Recorded digests carry theirs.)
    private var unrecordedStatus: [Digest: (availability: AvailabilityEvent?, retainedCopy: AvailabilityEvent?)] = [:]

    /// The recorded artifacts of `shared` (a snapshot without experiments), folded as of `asOf`.
    /// One digest at a time: the view a merged entry is built from is dropped once it is
    /// built, so the views of 20,000 artifacts are never held at once.
    init(_ shared: LedgerSnapshot, asOf: CalendarDay?) {
        ledgers = shared.ledgers
        var order: [Digest] = []
        var recordsOf: [Digest: [Int]] = [:]
        for (index, entry) in shared.artifacts.enumerated() {
            let digest = entry.value.digest
            if recordsOf[digest] == nil { order.append(digest) }
            recordsOf[digest, default: []].append(index)
        }
        var eventsOf = Dictionary(grouping: shared.events.map(\.value), by: \.digest)
        // Room for the digests only runs and lineage name, so appending never copies 20,000 entries.
        let room = order.count + order.count / 4 + 64
        artifacts.reserveCapacity(room)
        positions.reserveCapacity(room)
        for digest in order {
            let entries = recordsOf.removeValue(forKey: digest)!.map { shared.artifacts[$0] }
            let view = ArtifactView(digest: digest, records: entries.map(\.value), ledgers: entries.map(\.ledger),
                                    events: eventsOf.removeValue(forKey: digest) ?? [], asOf: asOf)
            var artifact = ExportedArtifact(view)
            artifact.availability = view.availability
            artifact.retainedCopy = view.retainedCopy
            positions[digest] = artifacts.count
            artifacts.append(artifact)
        }
        for (digest, events) in eventsOf {
            let view = ArtifactView(digest: digest, records: [], ledgers: [], events: events, asOf: asOf)
            unrecordedStatus[digest] = (view.availability, view.retainedCopy)
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

    /// Adds a digest no artifact record describes, with any status events give it.
    private mutating func insert(_ artifact: ExportedArtifact) {
        var artifact = artifact
        let status = unrecordedStatus[artifact.digest]
        artifact.availability = status?.availability
        artifact.retainedCopy = status?.retainedCopy
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

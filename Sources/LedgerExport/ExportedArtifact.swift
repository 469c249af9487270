import LedgerCore

/// Everything the chosen ledgers say about one digest, merged across its records, so every
/// format describes an artifact the same way.
struct ExportedArtifact: Sendable {
    var digest: Digest
    /// The name most recently given; for a digest only an experiment mentions, the name it used.
    var name: String
    /// Nil when no artifact record in the snapshot describes the digest (it was recorded in
    /// another ledger, or only named by an experiment or a lineage link).
    var kind: ArtifactKind?
    var layout: ArtifactLayout?
    var size: Int64?
    var fileCount: Int?
    /// Every distinct source of every record, in the order first recorded.
    var sources: [ArtifactSource] = []
    /// The latest license given; later records correct earlier ones.
    var license: String?
    /// Lineage from every record, without repeats.
    var derivedFrom: [Digest] = []
    /// Ledgers whose records describe the digest.
    var ledgers: [String] = []
    /// The latest free-form note.
    var note: String?
    var firstRecordedAt: String?
    var recordedBy: Agent?
    var statuses: AvailabilityFold.Statuses?

    /// The status in force on the export's as-of day (nil: nothing recorded).
    var availability: AvailabilityEvent? {
        get { statuses?.availability }
        set { setStatuses(newValue, statuses?.retainedCopy) }
    }

    /// A `retained` event: the authors keep a copy.
    var retainedCopy: AvailabilityEvent? {
        get { statuses?.retainedCopy }
        set { setStatuses(statuses?.availability, newValue) }
    }

    private mutating func setStatuses(_ availability: AvailabilityEvent?, _ retainedCopy: AvailabilityEvent?) {
        statuses = .boxing(availability: availability, retainedCopy: retainedCopy)
    }

    var isRecorded: Bool { kind != nil }

    /// Sources a reader can fetch from, as IRIs, with a word on what each is.
    var locations: [SourceLocation] {
        sources.compactMap { SourceLocation(source: $0, kind: kind) }
    }

    /// The Hugging Face revision, when a source pins one.
    var revision: String? {
        sources.first { $0.type == .huggingface }?.revision
    }

    /// Whether the status limits reproduction; `open` does not.
    var limitingStatus: AvailabilityEvent? {
        guard let availability, availability.status != .open, availability.status != .retained else { return nil }
        return availability
    }
}

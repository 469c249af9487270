import Algorithms

/// What the ledger says about one digest as of a day: its artifact records merged (later
/// records correct earlier ones; sources and parents gathered from all) and its availability.
///
/// The one fold behind the statement, the checklist, the exports and `repro show`, so they
/// never disagree on a name, a license or a status.
public struct ArtifactView: Sendable, Hashable {
    public let digest: Digest
    /// Every record of the digest, oldest first.
    public let records: [ArtifactRecord]
    /// The ledger each record is filed in, parallel to `records`.
    public let recordLedgers: [String]
    /// Availability events in fold order (day, then recording time).
    public let events: [AvailabilityEvent]
    /// The status in force on the view's day (nil: nothing recorded by then).
    public var availability: AvailabilityEvent? { fold?.availability }
    /// The latest `retained` event by then: the authors keep a copy.
    public var retainedCopy: AvailabilityEvent? { fold?.retainedCopy }
    private let fold: AvailabilityFold.Statuses?

    /// `records` and `recordLedgers` oldest first, `events` in fold order; `asOf` is a
    /// `YYYY-MM-DD` day, nil for the latest events.
    public init(digest: Digest, records: [ArtifactRecord], ledgers: [String], events: [AvailabilityEvent], asOf: CalendarDay?) {
        precondition(records.count == ledgers.count, "one ledger per record")
        self.digest = digest
        self.records = records
        recordLedgers = ledgers
        self.events = events
        // Stored, not computed: lineage walks ask for parents again and again.
        sources = Self.distinct(records.flatMap(\.sources))
        derivedFrom = Self.distinct(records.flatMap(\.derivedFrom).filter { $0 != digest })
        fold = .boxing(availability: AvailabilityFold.status(of: events, onOrBefore: asOf),
                       retainedCopy: AvailabilityFold.retainedCopy(in: events, onOrBefore: asOf))
    }

    /// Each item once, in first-seen order; one item or none needs no set (most digests have
    /// one record with one source and a parent or none).
    private static func distinct<T: Hashable>(_ items: [T]) -> [T] {
        items.count < 2 ? items : Array(items.uniqued())
    }

    /// Whether some artifact record describes the digest (else only a run or a lineage link names it).
    public var isRecorded: Bool { !records.isEmpty }
    public var latest: ArtifactRecord? { records.last }
    public var first: ArtifactRecord? { records.first }

    /// The name most recently given.
    public var name: String? { latest?.name }
    public var kind: ArtifactKind? { latest?.kind }
    /// The latest license given; later records correct earlier ones.
    public var license: String? { records.last { $0.license != nil }?.license }
    public var note: String? { records.last { $0.note != nil }?.note }

    /// Every distinct value, in the order first recorded.
    public var names: [String] { Array(records.map(\.name).uniqued()) }
    public var kinds: [ArtifactKind] { Array(records.map(\.kind).uniqued()) }
    public var licenses: [String] { Array(records.compactMap(\.license).uniqued()) }
    public var ledgers: [String] { Array(recordLedgers.uniqued()) }
    /// Every distinct source of every record, in the order first recorded.
    public let sources: [ArtifactSource]
    /// Parents through `derivedFrom` across every record, each once; never the digest itself.
    public let derivedFrom: [Digest]

    /// Only a git-LFS pointer was ever recorded: the content itself was never hashed.
    public var pointerOnly: Bool { isRecorded && records.allSatisfy { $0.layout == .lfsPointer } }

    /// How the digest was taken: a pointer only if every record says so, else the latest
    /// layout of the content itself.
    public var layout: ArtifactLayout? {
        guard isRecorded else { return nil }
        return pointerOnly ? .lfsPointer : records.last { $0.layout != .lfsPointer }?.layout
    }
}

extension LedgerSnapshot {
    /// One view per digest any artifact record or event of the snapshot describes, built in
    /// one pass (grouping first: filtering the snapshot per digest was quadratic).
    public func artifactViews(asOf: CalendarDay?) -> [Digest: ArtifactView] {
        var records: [Digest: (records: [ArtifactRecord], ledgers: [String])] = [:]
        records.reserveCapacity(artifacts.count)
        func file(_ entry: LedgerSnapshot.Entry<ArtifactRecord>, in group: inout (records: [ArtifactRecord], ledgers: [String])) {
            group.records.append(entry.value)
            group.ledgers.append(entry.ledger)
        }
        for entry in artifacts { file(entry, in: &records[entry.value.digest, default: ([], [])]) }
        let eventsByDigest = Dictionary(grouping: events.map(\.value), by: \.digest)
        var views: [Digest: ArtifactView] = [:]
        views.reserveCapacity(records.count + eventsByDigest.count)
        for digest in chain(records.keys, eventsByDigest.keys.filter { records[$0] == nil }) {
            let found = records[digest] ?? ([], [])
            views[digest] = ArtifactView(digest: digest, records: found.records, ledgers: found.ledgers,
                                         events: eventsByDigest[digest] ?? [], asOf: asOf)
        }
        return views
    }
}

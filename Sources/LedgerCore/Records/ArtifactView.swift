import Algorithms

/// What the ledger says about one digest as of a day: its artifact records merged (later
/// records correct earlier ones; sources and parents gathered from all) and its availability.
///
/// The one fold behind the statement, the checklist, the exports and `repro show`, so they
/// never disagree on a name, a license or a status.
public struct ArtifactView: Sendable, Hashable {
    /// The fields behind one immutable box: a statement looks a view up in its table many
    /// times per artifact, and each lookup copied five arrays (a retain and release each).
    private final class Storage: Sendable {
        let digest: Digest
        let records: [ArtifactRecord]
        let recordLedgers: [String]
        let events: [AvailabilityEvent]
        let sources: [ArtifactSource]
        let derivedFrom: [Digest]
        let fold: AvailabilityFold.Statuses?

        init(digest: Digest, records: [ArtifactRecord], recordLedgers: [String], events: [AvailabilityEvent],
             sources: [ArtifactSource], derivedFrom: [Digest], fold: AvailabilityFold.Statuses?) {
            self.digest = digest
            self.records = records
            self.recordLedgers = recordLedgers
            self.events = events
            self.sources = sources
            self.derivedFrom = derivedFrom
            self.fold = fold
        }
    }

    private let storage: Storage

    public var digest: Digest { storage.digest }
    /// Every record of the digest, oldest first.
    public var records: [ArtifactRecord] { storage.records }
    /// The ledger each record is filed in, parallel to `records`.
    public var recordLedgers: [String] { storage.recordLedgers }
    /// Availability events in fold order (day, then recording time).
    public var events: [AvailabilityEvent] { storage.events }
    /// The status in force on the view's day (nil: nothing recorded by then).
    public var availability: AvailabilityEvent? { storage.fold?.availability }
    /// The latest `retained` event by then: the authors keep a copy.
    public var retainedCopy: AvailabilityEvent? { storage.fold?.retainedCopy }
    /// Every distinct source of every record, in the order first recorded.
    public var sources: [ArtifactSource] { storage.sources }
    /// Parents through `derivedFrom` across every record, each once; never the digest itself.
    public var derivedFrom: [Digest] { storage.derivedFrom }

    /// `records` and `recordLedgers` oldest first, `events` in fold order; `asOf` is a
    /// `YYYY-MM-DD` day, nil for the latest events.
    public init(digest: Digest, records: [ArtifactRecord], ledgers: [String], events: [AvailabilityEvent], asOf: CalendarDay?) {
        precondition(records.count == ledgers.count, "one ledger per record")
        // Sources and parents are gathered once: lineage walks ask for parents again and again.
        storage = Storage(
            digest: digest, records: records, recordLedgers: ledgers, events: events,
            sources: Self.distinct(records.flatMap(\.sources)),
            derivedFrom: Self.distinct(records.flatMap(\.derivedFrom).filter { $0 != digest }),
            fold: .boxing(availability: AvailabilityFold.status(of: events, onOrBefore: asOf),
                          retainedCopy: AvailabilityFold.retainedCopy(in: events, onOrBefore: asOf)))
    }

    public static func == (lhs: ArtifactView, rhs: ArtifactView) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.digest == rhs.digest && lhs.records == rhs.records && lhs.recordLedgers == rhs.recordLedgers
                && lhs.events == rhs.events && lhs.storage.fold == rhs.storage.fold)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
        hasher.combine(records)
        hasher.combine(recordLedgers)
        hasher.combine(events)
        hasher.combine(storage.fold)
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

import Algorithms

/// Every record of one or more ledgers, in memory, for the pure functions that turn a
/// ledger into statements and exports (same snapshot and options, same bytes).
public struct LedgerSnapshot: Sendable, Hashable {
    public struct Entry<Value: Sendable & Hashable>: Sendable, Hashable {
        public var id: Digest
        public var ledger: String
        public var value: Value

        public init(id: Digest, ledger: String, value: Value) {
            self.id = id
            self.ledger = ledger
            self.value = value
        }
    }

    public var ledgers: [String]
    public var artifacts: [Entry<ArtifactRecord>] = []
    public var events: [Entry<AvailabilityEvent>] = []
    public var experiments: [Entry<ExperimentRecord>] = []
    public var manifests: [Entry<ManifestRecord>] = []
    public var licenses: [Entry<LicenseRecord>] = []
    public var seals: [Entry<SealRecord>] = []

    public init(ledgers: [String]) { self.ledgers = ledgers }

    /// Adds a record; call `sort()` when done so order never depends on the file system.
    public mutating func add(_ record: LedgerRecord, id: Digest, ledger: String) {
        switch record {
        case .artifact(let value): artifacts.append(Entry(id: id, ledger: ledger, value: value))
        case .availability(let value): events.append(Entry(id: id, ledger: ledger, value: value))
        case .experiment(let value): experiments.append(Entry(id: id, ledger: ledger, value: value))
        case .manifest(let value): manifests.append(Entry(id: id, ledger: ledger, value: value))
        case .license(let value): licenses.append(Entry(id: id, ledger: ledger, value: value))
        case .seal(let value): seals.append(Entry(id: id, ledger: ledger, value: value))
        }
    }

    /// Deterministic order: by recording time, then id.
    public mutating func sort() {
        artifacts.sort { ($0.value.recordedAt, $0.id) < ($1.value.recordedAt, $1.id) }
        events.sort { ($0.value.asOf, $0.value.recordedAt, $0.id) < ($1.value.asOf, $1.value.recordedAt, $1.id) }
        experiments.sort { ($0.value.startedAt, $0.value.name, $0.id) < ($1.value.startedAt, $1.value.name, $1.id) }
        manifests.sort { $0.id < $1.id }
        licenses.sort { ($0.value.recordedAt, $0.id) < ($1.value.recordedAt, $1.id) }
        seals.sort { ($0.value.ledger, $0.value.sequence) < ($1.value.ledger, $1.value.sequence) }
    }

    /// Distinct artifact digests in first-recorded order.
    public var artifactDigests: [Digest] { Array(artifacts.map(\.value.digest).uniqued()) }

    public func events(of digest: Digest) -> [AvailabilityEvent] {
        events.filter { $0.value.digest == digest }.map(\.value)
    }
}

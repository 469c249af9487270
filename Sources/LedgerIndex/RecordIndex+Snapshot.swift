import Foundation
import GRDB
import LedgerCore

/// What a statement covers: the experiments of `ledgers` named in `experiments` (any name
/// when empty) and labelled with one of `sections` (any label when empty).
public struct SnapshotScope: Sendable, Hashable {
    public var ledgers: [String]
    public var experiments: [String]
    public var sections: [String]

    public init(ledgers: [String], experiments: [String] = [], sections: [String] = []) {
        self.ledgers = ledgers
        self.experiments = experiments
        self.sections = sections
    }

    /// No experiment or section filter: the whole of `ledgers`.
    public var isWhole: Bool { experiments.isEmpty && sections.isEmpty }
}

extension RecordIndex {
    /// Every indexed record as a snapshot: experiments and seals of `ledgers`, every other
    /// record from every ledger (artifacts, events and licenses are shared knowledge).
    ///
    /// Records were verified when they were indexed; they are decoded from the stored bytes,
    /// not read and hashed again (`fsck` and `reindex` do that).
    public func snapshot(ledgers: [String]) throws -> LedgerSnapshot {
        try sortedSnapshot(ledgers: ledgers, where: "type NOT IN ('experiment', 'seal') OR ledger IN \(ledgers)")
    }

    /// The records `condition` selects, decoded into a sorted snapshot of `ledgers`. A bulk
    /// read: each page once, with the streams' small page cache and no memory map, whose
    /// pages of a 400 MB index would count in the process's memory.
    func sortedSnapshot(ledgers: [String], where condition: SQL) throws -> LedgerSnapshot {
        try pool.read { db in try Self.streaming(db) { try Self.sortedSnapshot(db, ledgers: ledgers, where: condition) } }
    }

    static func sortedSnapshot(_ db: Database, ledgers: [String], where condition: SQL) throws -> LedgerSnapshot {
        var snapshot = LedgerSnapshot(ledgers: ledgers)
        try add(db, to: &snapshot, literal: "SELECT id, ledger, type, json FROM records WHERE \(condition)")
        snapshot.sort()
        return snapshot
    }

    /// The records a statement about `scope` reads, and few others: its experiments, the
    /// artifacts they read or wrote and every lineage ancestor of those (records and
    /// availability events), and the ledgers' licenses. Experiments outside the scope are
    /// added only where they name a digest no artifact record describes, since the
    /// statement then takes that name from the earliest run that used it.
    ///
    /// A whole scope (no experiment or section filter) is `snapshot(ledgers:)`.
    public func snapshot(_ scope: SnapshotScope) throws -> LedgerSnapshot {
        guard !scope.isWhole else { return try snapshot(ledgers: scope.ledgers) }
        return try pool.read { db in
            try Self.streaming(db) {
                var experiments: [LedgerSnapshot.Entry<ExperimentRecord>] = []
                var snapshot = try Self.closureSnapshot(db, scope) { experiments.append($0) }
                for entry in experiments { snapshot.add(.experiment(entry.value), id: entry.id, ledger: entry.ledger) }
                snapshot.sort()
                return snapshot
            }
        }
    }

    /// The closure's artifacts and events and every license, sorted; the experiments of the
    /// scope, and those outside it that name a digest of the closure no artifact record
    /// describes, go to `eachExperiment` (`ScopeQuery`).
    static func closureSnapshot(_ db: Database, _ scope: SnapshotScope,
                                eachExperiment: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws -> LedgerSnapshot {
        var snapshot = LedgerSnapshot(ledgers: scope.ledgers)
        try add(db, to: &snapshot, literal: "SELECT id, ledger, type, json FROM records WHERE type = 'license'")
        let query = ScopeQuery(scope)
        var named = Set<Digest>()
        try decodeExperiments(db, query.experiments) { entry in
            named.formUnion(entry.value.namedDigests)
            try eachExperiment(entry)
        }
        let closure = try lineageClosure(db, of: named)
        var described = Set<Digest>()
        try decodeInBatches(try Row.fetchCursor(db, literal: ScopeQuery.records(of: closure))) { record, id, ledger in
            if case .artifact(let artifact) = record { described.insert(artifact.digest) }
            snapshot.add(record, id: id, ledger: ledger)
        }
        let undescribed = closure.subtracting(described)
        if !undescribed.isEmpty { try decodeExperiments(db, query.experiments(naming: undescribed), eachExperiment) }
        snapshot.sort()
        return snapshot
    }

    /// `digests` and every lineage ancestor of them, a generation per query; ends on cycles.
    static func lineageClosure(_ db: Database, of digests: Set<Digest>) throws -> Set<Digest> {
        var closure = digests
        var generation = Array(digests)
        while !generation.isEmpty {
            let parents = try String.fetchAll(db, literal: ScopeQuery.parents(of: generation))
            generation = parents.compactMap(Digest.init(parsing:)).filter { closure.insert($0).inserted }
        }
        return closure
    }

    /// The experiments `query` selects as (id, ledger, type, json), decoded as `decodeInBatches` does.
    static func decodeExperiments(_ db: Database, _ query: SQL,
                                  _ body: (LedgerSnapshot.Entry<ExperimentRecord>) throws -> Void) throws {
        try decodeInBatches(try Row.fetchCursor(db, literal: query)) { record, id, ledger in
            guard case .experiment(let value) = record else {
                throw IndexSnapshotError.malformedRow(id: id.hex, type: "not an experiment")
            }
            try body(LedgerSnapshot.Entry(id: id, ledger: ledger, value: value))
        }
    }

    /// Which of `names` some experiment of `ledgers` carries, and which of `sections` labels one.
    public func existing(experiments names: [String], sections: [String], ledgers: [String]) throws
        -> (experiments: Set<String>, sections: Set<String>)
    {
        try pool.read { db in
            // Only the lookups asked for, as in `ScopeQuery`.
            let found = names.isEmpty ? [] : try String.fetchAll(db, literal: """
                SELECT DISTINCT name FROM experiments WHERE ledger IN \(ledgers) AND name IN \(names)
                """)
            let labels = sections.isEmpty ? [] : try String.fetchAll(db, literal: """
                SELECT DISTINCT section FROM experiments WHERE ledger IN \(ledgers) AND section IN \(sections)
                """)
            return (Set(found), Set(labels))
        }
    }

    /// Rows decoded this many at a time, on every core; two batches are alive at once.
    private static let decodeBatch = 1000

    static func add(_ db: Database, to snapshot: inout LedgerSnapshot, literal: SQL) throws {
        try decodeInBatches(try Row.fetchCursor(db, literal: literal)) { record, id, ledger in
            snapshot.add(record, id: id, ledger: ledger)
        }
    }

    /// Decodes rows of (id, ledger, type, json) a batch at a time on every core and hands
    /// each record to `body` in row order. A batch is decoded while the next is fetched and
    /// `body` takes the one before; a batch's JSON is let go once it is decoded.
    static func decodeInBatches(_ rows: RowCursor, _ body: (LedgerRecord, Digest, String) throws -> Void) throws {
        var batch: [StoredRow] = []
        var decoding: Prefetch<[DecodedRow]>?
        func hand(_ decoded: Prefetch<[DecodedRow]>?) throws {
            for row in decoded?.value ?? [] { try body(try row.record.get(), row.id, row.ledger) }
        }
        func flush() throws {
            guard !batch.isEmpty else { return }
            let rows = batch
            let started = Prefetch { ParallelMap.map(rows) { DecodedRow(record: decode($0), id: $0.id, ledger: $0.ledger) } }
            batch = []
            try hand(decoding)
            decoding = started
        }
        while let row = try rows.next() {
            guard let id = Digest(parsing: row[0]), let type = LedgerRecord.RecordType(rawValue: row[2]) else {
                throw IndexSnapshotError.malformedRow(id: row[0], type: row[2])
            }
            batch.append(StoredRow(id: id, ledger: row[1], type: type, json: row[3]))
            if batch.count == decodeBatch { try flush() }
        }
        try flush()
        try hand(decoding)
    }

    struct DecodedRow: Sendable {
        var record: Result<LedgerRecord, IndexSnapshotError>
        var id: Digest
        var ledger: String
    }

    struct StoredRow: Sendable {
        var id: Digest
        var ledger: String
        var type: LedgerRecord.RecordType
        var json: Data
    }

    static func decode(_ row: StoredRow) -> Result<LedgerRecord, IndexSnapshotError> {
        // The readers give exactly what JSONDecoder gives, or nil and leave it to JSONDecoder.
        if row.type == .experiment, let record = row.json.withUnsafeBytes({ ExperimentJSONReader.record($0) }) {
            return .success(.experiment(record))
        }
        if row.type == .artifact, let record = row.json.withUnsafeBytes({ ArtifactJSONReader.record($0) }) {
            return .success(.artifact(record))
        }
        let decoder = JSONDecoder()
        do {
            switch row.type {
            case .artifact: return .success(.artifact(try decoder.decode(ArtifactRecord.self, from: row.json)))
            case .availability: return .success(.availability(try decoder.decode(AvailabilityEvent.self, from: row.json)))
            case .experiment: return .success(.experiment(try decoder.decode(ExperimentRecord.self, from: row.json)))
            case .manifest: return .success(.manifest(try decoder.decode(ManifestRecord.self, from: row.json)))
            case .license: return .success(.license(try decoder.decode(LicenseRecord.self, from: row.json)))
            case .seal: return .success(.seal(try decoder.decode(SealRecord.self, from: row.json)))
            }
        } catch {
            return .failure(.undecodable(id: row.id.hex, reason: "\(error)"))
        }
    }
}

/// The index holds something its own writer never stores: a stale cache from another
/// version of repro. `repro reindex` rebuilds it.
public enum IndexSnapshotError: Error, Equatable, CustomStringConvertible, CategorizedError {
    case malformedRow(id: String, type: String)
    case undecodable(id: String, reason: String)

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .malformedRow(let id, let type):
            return "the record index holds a row it cannot read (id \(id), type \(type)); run `repro reindex`"
        case .undecodable(let id, let reason):
            return "the record index holds record \(id) that no longer decodes (\(reason)); run `repro reindex`"
        }
    }
}

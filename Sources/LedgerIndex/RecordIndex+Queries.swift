import Foundation
import GRDB
import LedgerCore

/// An indexed record with the facts needed to cite it.
public struct IndexedRecord<Value: Sendable>: Sendable {
    public var id: String
    public var ledger: String
    public var path: String
    public var value: Value
}

extension RecordIndex {
    /// Distinct digests recorded under `name`, most recently recorded first.
    public func digests(named name: String, ledger: String? = nil) throws -> [Digest] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT digest FROM artifacts WHERE name = ? AND (? IS NULL OR ledger = ?)
                GROUP BY digest ORDER BY max(recorded_at) DESC, digest
                """,
                arguments: [name, ledger, ledger]).compactMap(Digest.init(parsing:))
        }
    }

    /// Recorded digests starting with `hexPrefix` (artifacts, and folders known only by manifest).
    public func digests(withPrefix hexPrefix: String) throws -> [Digest] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT digest FROM artifacts WHERE digest LIKE ? ORDER BY digest LIMIT 50",
                                arguments: ["sha256:\(hexPrefix)%"]).compactMap(Digest.init(parsing:))
        }
    }

    public func artifactNames() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM artifacts ORDER BY name") }
    }

    public func experimentNames() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM experiments ORDER BY name") }
    }

    /// Every observation of one artifact, oldest first.
    public func artifactRecords(_ digest: Digest) throws -> [IndexedRecord<ArtifactRecord>] {
        try fetch(ArtifactRecord.self, sql: """
            SELECT r.id, r.ledger, r.path, r.json FROM artifacts a JOIN records r ON r.path = a.path
            WHERE a.digest = ? ORDER BY r.recorded_at, r.id
            """, arguments: [digest.description])
    }

    /// Availability events of one artifact in fold order: by day, then recording time, then id.
    public func events(of digest: Digest) throws -> [IndexedRecord<AvailabilityEvent>] {
        try fetch(AvailabilityEvent.self, sql: """
            SELECT r.id, r.ledger, r.path, r.json FROM events e JOIN records r ON r.path = e.path
            WHERE e.digest = ? ORDER BY e.as_of, r.recorded_at, r.id
            """, arguments: [digest.description])
    }

    public func manifest(of folder: Digest) throws -> ManifestRecord? {
        try fetch(ManifestRecord.self, sql: """
            SELECT r.id, r.ledger, r.path, r.json FROM manifests m JOIN records r ON r.path = m.path
            WHERE m.folder = ? LIMIT 1
            """, arguments: [folder.description]).first?.value
    }

    /// Every manifest record of a folder (they differ only in what they add to the listing,
    /// such as git blob ids).
    public func manifests(of folder: Digest) throws -> [ManifestRecord] {
        try fetch(ManifestRecord.self, sql: """
            SELECT r.id, r.ledger, r.path, r.json FROM manifests m JOIN records r ON r.path = m.path
            WHERE m.folder = ? ORDER BY r.id
            """, arguments: [folder.description]).map(\.value)
    }

    public func experiments(named name: String) throws -> [IndexedRecord<ExperimentRecord>] {
        try fetch(ExperimentRecord.self, sql: """
            SELECT r.id, r.ledger, r.path, r.json FROM experiments x JOIN records r ON r.path = x.path
            WHERE x.name = ? ORDER BY x.started_at, r.id
            """, arguments: [name])
    }

    /// Experiments that read any of `digests`.
    public func experiments(using digests: [Digest]) throws -> [IndexedRecord<ExperimentRecord>] {
        var found: [IndexedRecord<ExperimentRecord>] = []
        for chunk in digests.map(\.description).chunked(into: 400) {
            found += try fetch(ExperimentRecord.self, literal: """
                SELECT r.id, r.ledger, r.path, r.json FROM records r WHERE r.path IN
                  (SELECT path FROM experiment_artifacts WHERE direction = 'in' AND digest IN \(chunk))
                ORDER BY r.recorded_at, r.id
                """)
        }
        return found
    }

    /// Artifacts recorded as derived from any of `parents`.
    public func children(of parents: [Digest]) throws -> [Digest] {
        var found: [Digest] = []
        for chunk in parents.map(\.description).chunked(into: 400) {
            found += try pool.read { db in
                try String.fetchAll(db, literal: "SELECT DISTINCT child FROM lineage WHERE parent IN \(chunk) ORDER BY child")
            }.compactMap(Digest.init(parsing:))
        }
        return found
    }

    /// Streams records of one type (all ledgers when nil) in recording order, so
    /// `list --json` never holds the whole ledger in memory.
    public func forEach<Value: Decodable & Sendable>(
        _ type: Value.Type, recordType: LedgerRecord.RecordType, ledger: String? = nil,
        _ body: (IndexedRecord<Value>) throws -> Void
    ) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, ledger, path, json FROM records WHERE type = ? AND (? IS NULL OR ledger = ?)
                ORDER BY recorded_at, id
                """, arguments: [recordType.rawValue, ledger, ledger])
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                try body(IndexedRecord(id: row[0], ledger: row[1], path: row[2],
                                       value: try decoder.decode(Value.self, from: row[3] as Data)))
            }
        }
    }

    /// Every record of every type in recording order, newest last; for `repro log`.
    public func log(ledger: String? = nil, limit: Int? = nil) throws -> [IndexedRecord<LedgerRecord>] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, ledger, path, json FROM records WHERE (? IS NULL OR ledger = ?) AND type != 'manifest'
                ORDER BY recorded_at DESC, id LIMIT ?
                """, arguments: [ledger, ledger, limit ?? -1]).map { row in
                let (record, _) = try RecordCodec.decode([UInt8](row[3] as Data))
                return IndexedRecord(id: row[0], ledger: row[1], path: row[2], value: record)
            }
        }
    }

    /// How many records of each type are indexed.
    public func counts(ledger: String? = nil) throws -> [LedgerRecord.RecordType: Int] {
        try pool.read { db in
            var counts: [LedgerRecord.RecordType: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, count(*) FROM records WHERE (? IS NULL OR ledger = ?) GROUP BY type",
                                        arguments: [ledger, ledger]) {
                if let type = LedgerRecord.RecordType(rawValue: row[0]) { counts[type] = row[1] }
            }
            return counts
        }
    }

    /// Ids of every record of a ledger except seals: the leaves a seal's Merkle root covers.
    public func sealableIDs(ledger: String) throws -> [Digest] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM records WHERE ledger = ? AND type != 'seal'", arguments: [ledger])
        }.compactMap(Digest.init(parsing:))
    }

    private func fetch<Value: Decodable & Sendable>(_ type: Value.Type, sql: String, arguments: StatementArguments) throws -> [IndexedRecord<Value>] {
        try fetch(type, literal: SQL(sql: sql, arguments: arguments))
    }

    /// Rows of (id, ledger, path, json) decoded as `Value`.
    func fetch<Value: Decodable & Sendable>(_ type: Value.Type, literal: SQL) throws -> [IndexedRecord<Value>] {
        try pool.read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, literal: literal).map { row in
                IndexedRecord(id: row[0], ledger: row[1], path: row[2], value: try decoder.decode(Value.self, from: row[3] as Data))
            }
        }
    }
}

extension RecordIndex {
    /// Names of experiments that wrote `digest`.
    public func forEachProducer(of digest: Digest, _ body: (String) -> Void) throws {
        try pool.read { db in
            for name in try String.fetchAll(db, sql: """
                SELECT DISTINCT x.name FROM experiment_artifacts ea JOIN experiments x ON x.path = ea.path
                WHERE ea.digest = ? AND ea.direction = 'out' ORDER BY x.name
                """, arguments: [digest.description]) { body(name) }
        }
    }

    /// Artifacts written by experiments that read any of `digests`: derived through a run.
    public func outputs(ofExperimentsUsing digests: [Digest]) throws -> [Digest] {
        var found: [Digest] = []
        for chunk in digests.map(\.description).chunked(into: 400) {
            found += try pool.read { db in
                try String.fetchAll(db, literal: """
                    SELECT DISTINCT o.digest FROM experiment_artifacts i JOIN experiment_artifacts o
                      ON o.path = i.path AND o.direction = 'out'
                    WHERE i.direction = 'in' AND i.digest IN \(chunk)
                    """)
            }.compactMap(Digest.init(parsing:))
        }
        return found
    }
}

/// An experiment as listed, without decoding its record.
public struct ExperimentReference: Sendable, Hashable {
    public var path: String
    public var name: String
    public var ledger: String
    public var section: String?
}

extension RecordIndex {
    /// Experiments that read any of `digests`, straight from the index columns (no JSON decoding),
    /// so `affected` stays fast when a base model feeds thousands of runs.
    public func experimentReferences(using digests: [Digest]) throws -> [ExperimentReference] {
        var found: [ExperimentReference] = []
        for chunk in digests.map(\.description).chunked(into: 400) {
            found += try pool.read { db in
                try Row.fetchAll(db, literal: """
                    SELECT x.path, x.name, x.ledger, x.section FROM experiments x WHERE x.path IN
                      (SELECT path FROM experiment_artifacts WHERE direction = 'in' AND digest IN \(chunk))
                    ORDER BY x.started_at, x.path
                    """).map {
                    ExperimentReference(path: $0[0], name: $0[1], ledger: $0[2], section: $0[3])
                }
            }
        }
        return found
    }

    /// Distinct names recorded for each digest.
    public func names(of digests: [Digest]) throws -> [Digest: [String]] {
        var found: [Digest: [String]] = [:]
        for chunk in digests.map(\.description).chunked(into: 400) {
            try pool.read { db in
                for row in try Row.fetchAll(db, literal: """
                    SELECT digest, name FROM artifacts WHERE digest IN \(chunk) GROUP BY digest, name ORDER BY min(recorded_at)
                    """) {
                    if let digest = Digest(parsing: row[0]) { found[digest, default: []].append(row[1]) }
                }
            }
        }
        return found
    }
}

extension IndexedRecord: Encodable where Value: Encodable {
    enum CodingKeys: String, CodingKey { case id, ledger, path, record }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(ledger, forKey: .ledger)
        try container.encode(path, forKey: .path)
        try container.encode(value, forKey: .record)
    }
}

/// A stored record as it sits in the index: its JSON bytes, undecoded.
public struct RawRecord: Sendable {
    public var id: String
    public var ledger: String
    public var path: String
    public var json: [UInt8]
}

extension RecordIndex {
    /// Streams stored JSON without decoding it, for `list --json` over 100,000 records.
    public func forEachRaw(recordType: LedgerRecord.RecordType, ledger: String? = nil, _ body: (RawRecord) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, ledger, path, json FROM records WHERE type = ? AND (? IS NULL OR ledger = ?)
                ORDER BY recorded_at, id
                """, arguments: [recordType.rawValue, ledger, ledger])
            while let row = try rows.next() {
                try body(RawRecord(id: row[0], ledger: row[1], path: row[2], json: [UInt8](row[3] as Data)))
            }
        }
    }
}

import Foundation
import GRDB
import LedgerCore

/// One version of a name: the artifact it named and when that was first and last recorded.
public struct NameVersion: Sendable, Hashable, Codable {
    public var identity: ArtifactIdentity
    public var firstRecordedAt: String
    public var lastRecordedAt: String
    public var ledgers: [String]
}

/// Lookups by identity (layout and digest): the same digest as a file and as a folder are
/// two artifacts. Layouts are read from the stored JSON, so the index schema is unchanged.
extension RecordIndex {
    /// Every observation of one artifact, oldest first.
    public func artifactRecords(_ identity: ArtifactIdentity) throws -> [IndexedRecord<ArtifactRecord>] {
        try artifactRecords(identity.digest).filter { $0.value.identity == identity }
    }

    /// The artifacts recorded with `digest`: one, or two when a file and a folder share it.
    public func identities(of digest: Digest) throws -> [ArtifactIdentity] {
        Set(try artifactRecords(digest).map(\.value.identity)).sorted()
    }

    /// The versions of a name, oldest first: each artifact it named, ordered by when it
    /// was last recorded under the name, so the last one is what the name means now.
    public func versions(named name: String, ledger: String? = nil) throws -> [NameVersion] {
        let records: [IndexedRecord<ArtifactRecord>] = try pool.read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: """
                SELECT r.id, r.ledger, r.path, r.json FROM artifacts a JOIN records r ON r.path = a.path
                WHERE a.name = ? AND (? IS NULL OR a.ledger = ?) ORDER BY r.recorded_at, r.id
                """, arguments: [name, ledger, ledger]).map { row in
                IndexedRecord(id: row[0], ledger: row[1], path: row[2],
                              value: try decoder.decode(ArtifactRecord.self, from: row[3] as Data))
            }
        }
        var versions: [ArtifactIdentity: NameVersion] = [:]
        // "x follows y": within one second (or a pinned clock) the recorded order decides.
        var follows: Set<[ArtifactIdentity]> = []
        for record in records {
            if let previous = record.value.replaces { follows.insert([record.value.identity, previous]) }
            let identity = record.value.identity
            var version = versions[identity] ?? NameVersion(identity: identity, firstRecordedAt: record.value.recordedAt,
                                                           lastRecordedAt: record.value.recordedAt, ledgers: [])
            version.firstRecordedAt = min(version.firstRecordedAt, record.value.recordedAt)
            version.lastRecordedAt = max(version.lastRecordedAt, record.value.recordedAt)
            if !version.ledgers.contains(record.ledger) { version.ledgers.append(record.ledger) }
            versions[identity] = version
        }
        // How many versions stand behind each one along `follows` (cycles, from re-recorded
        // bytes, are cut): within one second the longer chain is the later version.
        var depth: [ArtifactIdentity: Int] = [:]
        func chain(_ identity: ArtifactIdentity, _ visiting: Set<ArtifactIdentity>) -> Int {
            if let known = depth[identity] { return known }
            let behind = follows.filter { $0[0] == identity && !visiting.contains($0[1]) }
                .map { chain($0[1], visiting.union([identity])) + 1 }.max() ?? 0
            depth[identity] = behind
            return behind
        }
        return versions.values.sorted { a, b in
            (a.lastRecordedAt, chain(a.identity, []), a.identity) < (b.lastRecordedAt, chain(b.identity, []), b.identity)
        }
    }

    /// Layouts recorded for each digest, from its artifact records decoded as every reader
    /// decodes them (a key written with escapes, `"l\u0061yout"`, is the same key; SQLite's
    /// `json_extract` would read the layout as absent). A digest has a handful of records.
    public func layouts(of digests: [Digest]) throws -> [Digest: Set<ArtifactIdentity.Layout>] {
        var found: [Digest: Set<ArtifactIdentity.Layout>] = [:]
        for chunk in digests.map(\.description).chunked(into: 400) {
            for record in try fetch(ArtifactRecord.self, literal: """
                SELECT r.id, r.ledger, r.path, r.json FROM artifacts a JOIN records r ON r.path = a.path
                WHERE a.digest IN \(chunk)
                """) {
                found[record.value.digest, default: []].insert(ArtifactIdentity.Layout(record.value.layout))
            }
        }
        return found
    }

    /// Experiments that read any of `identities`. A use recorded with another layout is
    /// left out; a use recorded before layouts were (none given) counts, as it may be either.
    public func experimentReferences(using identities: [ArtifactIdentity]) throws -> [ExperimentReference] {
        let digests = Array(Set(identities.map(\.digest)))
        let references = try experimentReferences(using: digests)
        let layouts = try layouts(of: digests)
        let wanted = Set(identities)
        // Only a digest recorded with a layout not asked about needs the records read.
        let shared = Set(digests.filter { digest in
            (layouts[digest] ?? []).contains { !wanted.contains(ArtifactIdentity(layout: $0, digest: digest)) }
        })
        if shared.isEmpty { return references }
        var keep: Set<String> = []
        var readShared: Set<String> = []
        for record in try experiments(using: Array(shared)) {
            readShared.insert(record.path)
            let reads = record.value.inputs.contains { use in
                guard wanted.contains(where: { $0.digest == use.digest }) else { return false }
                return !shared.contains(use.digest) || (use.identity.map(wanted.contains) ?? true)
            }
            if reads { keep.insert(record.path) }
        }
        return references.filter { !readShared.contains($0.path) || keep.contains($0.path) }
    }
}

extension RecordIndex {
    /// Digests the experiment record at `path` lists as outputs.
    public func experimentOutputs(path: String) throws -> [Digest] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT digest FROM experiment_artifacts WHERE path = ? AND direction = 'out' ORDER BY digest",
                                arguments: [path])
        }.compactMap(Digest.init(parsing:))
    }
}

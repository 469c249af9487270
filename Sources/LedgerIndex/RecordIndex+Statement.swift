import Foundation
import GRDB
import LedgerCore

/// The fields of one experiment record a statement reads, taken out of the stored JSON by
/// SQLite: no record is decoded whole.
public struct StatementRun: Sendable {
    public struct Use: Sendable {
        public var digest: Digest
        public var name: String
    }

    public var id: Digest
    public var name: String
    public var ledger: String
    public var section: String?
    public var inputs: [Use]
    public var outputs: [Use]
    public var code: CodeState
    public var outcome: ExperimentOutcome
    public var startedAt: String
    public var compute: ComputeRecord?
}

extension RecordIndex {
    /// Every record a whole-ledger statement or checklist reads besides the experiments: the
    /// artifacts, events and licenses of every ledger (shared knowledge), sorted as in
    /// `snapshot(ledgers:)` (seals and manifests are not read by a statement).
    public func statementRecords(ledgers: [String]) throws -> LedgerSnapshot {
        try sortedSnapshot(ledgers: ledgers, where: "type IN ('artifact', 'availability', 'license')")
    }

    /// The same for a statement about `scope`: the artifacts and events of its closure, and
    /// the licenses (see `snapshot(_:)`, which reads the same records).
    public func statementRecords(_ scope: SnapshotScope) throws -> LedgerSnapshot {
        guard !scope.isWhole else { return try statementRecords(ledgers: scope.ledgers) }
        return try closureSnapshot(scope, withExperiments: false)
    }

    /// Each experiment a statement about `scope` reads (those of `snapshot(_:)`), as in
    /// `forEachStatementRun(ledgers:_:)`: a scoped statement costs in proportion to its scope.
    public func forEachStatementRun(_ scope: SnapshotScope, _ body: (StatementRun) throws -> Void) throws {
        guard !scope.isWhole else { return try forEachStatementRun(ledgers: scope.ledgers, body) }
        let query = ScopeQuery(scope)
        try forEachStatementRun(prefix: query.closure, selecting: "SELECT r.id, CAST(r.json AS TEXT) AS j FROM records r WHERE \(query.experimentRecords)", body)
    }

    /// Each experiment of `ledgers`, in no particular order, as the fields a statement reads,
    /// in one pass over the index: SQLite's JSON functions take them out of the stored bytes,
    /// so neither the record nor its command, agent or trace lists are decoded. One pass reads
    /// each page once, so it runs with the streams' small page cache and no memory map. Digests and
    /// commits repeat across runs and are shared, not stored once per run.
    public func forEachStatementRun(ledgers: [String], _ body: (StatementRun) throws -> Void) throws {
        try forEachStatementRun(prefix: "", selecting: """
            SELECT id, CAST(json AS TEXT) AS j FROM records WHERE type = 'experiment' AND ledger IN \(ledgers)
            """, body)
    }

    /// The pass itself over the experiments `selection` yields as `(id, j)`, the record's JSON as text;
    /// `prefix` is a WITH clause the selection uses, or nothing.
    private func forEachStatementRun(prefix: SQL, selecting selection: SQL, _ body: (StatementRun) throws -> Void) throws {
        try pool.read { db in try Self.streaming(db) {
            // A use is its digest ("sha256:" and 64 hex digits) followed by its name; names
            // hold no control character (`Names.validate`), so a newline separates uses.
            let rows = try Row.fetchCursor(db, literal: """
                \(prefix)
                SELECT id, json_extract(j, '$.name'), json_extract(j, '$.ledger'), json_extract(j, '$.section'),
                  json_extract(j, '$.outcome'), json_extract(j, '$.startedAt'),
                  json_extract(j, '$.code.repository'), json_extract(j, '$.code.commit'), json_extract(j, '$.code.branch'),
                  json_extract(j, '$.code.detached'), json_extract(j, '$.code.dirty'), json_extract(j, '$.code.diffDigest'),
                  json_extract(j, '$.compute'),
                  (SELECT group_concat(json_extract(value, '$.digest') || json_extract(value, '$.name'), char(10))
                   FROM json_each(j, '$.inputs')),
                  (SELECT group_concat(json_extract(value, '$.digest') || json_extract(value, '$.name'), char(10))
                   FROM json_each(j, '$.outputs')),
                  instr(j, char(92)) > 0
                FROM (\(selection))
                """)
            var shared = SharedValues()
            while let row = try rows.next() {
                // A record file is indexed as written, and a key may be written with escapes
                // (`"n\u0061me"`): the same record to JSONDecoder and the same id, but SQLite's
                // `json_extract` does not match it and would read the field as absent (an input
                // dropped, a commit missing). Any backslash, so any escape: decoded whole.
                let escaped: Bool = row[15]
                try body(escaped ? try Self.decodedStatementRun(db, id: row[0]) : try Self.statementRun(row, shared: &shared))
            }
        } }
    }

    /// The statement's fields of the experiment `id`, from the record decoded whole.
    private static func decodedStatementRun(_ db: Database, id idText: String) throws -> StatementRun {
        guard let id = Digest(parsing: idText),
              let row = try Row.fetchOne(db, sql: "SELECT ledger, json FROM records WHERE id = ? AND type = 'experiment'",
                                         arguments: [idText])
        else { throw IndexSnapshotError.malformedRow(id: idText, type: "experiment") }
        guard case .experiment(let record) = try decode(StoredRow(id: id, ledger: row[0], type: .experiment, json: row[1])).get()
        else { throw IndexSnapshotError.malformedRow(id: idText, type: "not an experiment") }
        func uses(_ uses: [ArtifactUse]) -> [StatementRun.Use] { uses.map { StatementRun.Use(digest: $0.digest, name: $0.name) } }
        return StatementRun(id: id, name: record.name, ledger: record.ledger, section: record.section,
                            inputs: uses(record.inputs), outputs: uses(record.outputs), code: record.code,
                            outcome: record.outcome, startedAt: record.startedAt, compute: record.compute)
    }

    /// One instance of each digest and commit text, however many runs name it.
    private struct SharedValues {
        var digests: [Substring: Digest] = [:]
        var texts: [String: String] = [:]

        mutating func digest(_ text: Substring) -> Digest? {
            if let known = digests[text] { return known }
            guard let digest = Digest(parsing: String(text)) else { return nil }
            digests[text] = digest
            return digest
        }

        mutating func text(_ value: String?) -> String? {
            guard let value else { return nil }
            if let known = texts[value] { return known }
            texts[value] = value
            return value
        }
    }

    private static func statementRun(_ row: Row, shared: inout SharedValues) throws -> StatementRun {
        let idText: String = row[0]
        func malformed() -> IndexSnapshotError { .undecodable(id: idText, reason: "its experiment fields do not read back") }
        guard let id = Digest(parsing: idText) else { throw IndexSnapshotError.malformedRow(id: idText, type: "experiment") }
        func uses(_ text: String?) throws -> [StatementRun.Use] {
            guard let text else { return [] }
            // Split on the bytes: splitting a String by Character walks grapheme clusters.
            return try text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { entry in
                let cut = entry.index(entry.startIndex, offsetBy: 71, limitedBy: entry.endIndex) ?? entry.endIndex
                guard let digest = shared.digest(Substring(entry[..<cut])) else { throw malformed() }
                return StatementRun.Use(digest: digest, name: String(Substring(entry[cut...])))
            }
        }
        guard let name: String = row[1], let ledger: String = row[2], let outcomeText: String = row[4],
              let outcome = ExperimentOutcome(rawValue: outcomeText), let startedAt: String = row[5],
              let repository: Bool = row[6], let detached: Bool = row[9], let dirty: Bool = row[10] else { throw malformed() }
        var diffDigest: Digest?
        if let text: String = row[11] {
            guard let digest = Digest(parsing: text) else { throw malformed() }
            diffDigest = digest
        }
        var compute: ComputeRecord?
        if let json: String = row[12] {
            do { compute = try JSONDecoder().decode(ComputeRecord.self, from: Data(json.utf8)) } catch { throw malformed() }
        }
        let code = CodeState(repository: repository, commit: shared.text(row[7]), branch: shared.text(row[8]),
                             detached: detached, dirty: dirty, diffDigest: diffDigest)
        return StatementRun(id: id, name: name, ledger: ledger, section: shared.text(row[3]), inputs: try uses(row[13]),
                            outputs: try uses(row[14]), code: code, outcome: outcome, startedAt: startedAt, compute: compute)
    }
}

import Foundation
import GRDB
import LedgerCore

/// Turns one verified record into index rows. Statements are cached: compiling SQL
/// (and GRDB's authorizer) per row would dominate a reindex.
enum IndexWriter {
    static func insert(_ record: LedgerRecord, bytes: [UInt8], file: RecordFile, in db: Database) throws {
        let path = file.relativePath
        let recordedAt: String
        switch record {
        case .artifact(let a): recordedAt = a.recordedAt
        case .availability(let e): recordedAt = e.recordedAt
        case .experiment(let x): recordedAt = x.endedAt ?? x.startedAt
        case .manifest: recordedAt = ""
        case .license(let l): recordedAt = l.recordedAt
        case .seal(let s): recordedAt = s.sealedAt
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO records (path, id, ledger, type, recorded_at, json) VALUES (?, ?, ?, ?, ?, ?)").execute(arguments: [path, file.id, file.ledger, file.type.rawValue, recordedAt, Data(bytes)])
        switch record {
        case .artifact(let a):
            try db.cachedStatement(sql: "INSERT INTO artifacts (path, ledger, digest, name, kind, recorded_at) VALUES (?, ?, ?, ?, ?, ?)").execute(arguments: [path, file.ledger, a.digest.description, a.name, a.kind.rawValue, a.recordedAt])
            for parent in a.derivedFrom {
                try db.cachedStatement(sql: "INSERT INTO lineage (path, child, parent) VALUES (?, ?, ?)").execute(arguments: [path, a.digest.description, parent.description])
            }
        case .availability(let e):
            try db.cachedStatement(sql: "INSERT INTO events (path, ledger, digest, status, as_of) VALUES (?, ?, ?, ?, ?)").execute(arguments: [path, file.ledger, e.digest.description, e.status.rawValue, e.asOf])
        case .experiment(let x):
            try db.cachedStatement(sql: "INSERT INTO experiments (path, ledger, name, section, outcome, started_at) VALUES (?, ?, ?, ?, ?, ?)").execute(arguments: [path, file.ledger, x.name, x.section, x.outcome.rawValue, x.startedAt])
            // Inputs a traced run read without declaring them count for `affected` too.
            let observed = (x.observedInputs ?? []).filter { use in !x.inputs.contains { $0.digest == use.digest } }
            for use in x.inputs + observed {
                try db.cachedStatement(sql: "INSERT INTO experiment_artifacts (path, digest, direction) VALUES (?, ?, 'in')").execute(arguments: [path, use.digest.description])
            }
            for use in x.outputs {
                try db.cachedStatement(sql: "INSERT INTO experiment_artifacts (path, digest, direction) VALUES (?, ?, 'out')").execute(arguments: [path, use.digest.description])
            }
        case .manifest(let m):
            try db.cachedStatement(sql: "INSERT INTO manifests (path, folder) VALUES (?, ?)").execute(arguments: [path, m.folder.description])
        case .license, .seal:
            break
        }
    }
}

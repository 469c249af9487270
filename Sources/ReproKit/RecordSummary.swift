import LedgerCore

/// One-line descriptions of records, for listings of what a commit range added.
enum RecordSummary {
    /// Types in reading order: what was used, then what was said about it, then what ran.
    static let order: [LedgerRecord.RecordType] = [.artifact, .manifest, .license, .availability, .experiment, .seal]

    /// `experiment ablation-lr3 (tab:ablation)`, `artifact llama (checkpoint, sha256:0123456789ab)`.
    static func line(_ record: LedgerRecord, names: [Digest: String]) -> String {
        func name(_ digest: Digest) -> String { names[digest] ?? TextReport.short(digest) }
        switch record {
        case .artifact(let a):
            return "artifact \(a.name) (\(a.kind.rawValue), \(TextReport.short(a.digest)))"
        case .manifest(let m):
            return "manifest of \(name(m.folder)) (\(m.entries.count) file\(m.entries.count == 1 ? "" : "s"))"
        case .license(let l):
            return "license \(l.id)"
        case .availability(let e):
            return "availability \(name(e.digest)): \(e.status.rawValue) as of \(e.asOf)"
        case .experiment(let x):
            return "experiment \(x.name)" + (x.section.map { " (\($0))" } ?? "")
        case .seal(let s):
            return "seal #\(s.sequence) \(TextReport.short(s.root)) (\(s.recordCount) record\(s.recordCount == 1 ? "" : "s"))"
        }
    }

    /// Grouped by type in `order`, then by date, line and id, so the same range always prints the same way.
    static func ordered(_ records: [AddedRecord]) -> [AddedRecord] {
        records.sorted { left, right in
            let lhs = (order.firstIndex(of: left.type) ?? order.count, date(left.record), left.summary, left.id)
            let rhs = (order.firstIndex(of: right.type) ?? order.count, date(right.record), right.summary, right.id)
            return lhs < rhs
        }
    }

    private static func date(_ record: LedgerRecord) -> String {
        switch record {
        case .artifact(let a): return a.recordedAt
        case .manifest: return ""
        case .license(let l): return l.recordedAt
        case .availability(let e): return e.recordedAt
        case .experiment(let x): return x.startedAt
        case .seal(let s): return s.sealedAt
        }
    }
}

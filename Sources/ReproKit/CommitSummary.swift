import LedgerCore
import LedgerGit

/// The default message of a ledger commit: what it adds, per ledger, e.g.
/// "repro: 3 experiments, 2 artifacts, 1 availability event in ledger main".
///
/// Counted from the record files the commit adds or changes (records are never edited, so a
/// changed one is corrupt or hand-made, but it is still in the commit and still counts).
enum CommitSummary {
    /// The order types are named in: what a reader of `git log` cares about first.
    static let order: [LedgerRecord.RecordType] = [.experiment, .artifact, .availability, .manifest, .license, .seal]

    static func message(for changes: CommitChanges) -> String {
        var written: [String: [LedgerRecord.RecordType: Int]] = [:]
        var removed: [String: Int] = [:]
        var newLedgers: [String] = []
        for path in changes.added + changes.changed {
            if case .record(let file) = RecordLocation(path: path) {
                written[file.ledger, default: [:]][file.type, default: 0] += 1
            }
        }
        for path in changes.removed {
            if case .record(let file) = RecordLocation(path: path) { removed[file.ledger, default: 0] += 1 }
        }
        for path in changes.added {
            let parts = path.split(separator: "/")
            if parts.count == 3, parts[0] == LedgerStore.folderName, parts[2] == "README.md" { newLedgers.append(String(parts[1])) }
        }

        var clauses: [String] = []
        for ledger in Set(written.keys).union(removed.keys).sorted() {
            if let counts = written[ledger] {
                let items = order.compactMap { type in counts[type].map { count(of: type, $0) } }
                clauses.append("\(items.joined(separator: ", ")) in ledger \(ledger)")
            }
            if let count = removed[ledger] {
                clauses.append("\(count) record\(count == 1 ? "" : "s") removed from ledger \(ledger)")
            }
        }
        if clauses.isEmpty, !newLedgers.isEmpty {
            clauses.append("set up ledger\(newLedgers.count == 1 ? "" : "s") \(newLedgers.sorted().joined(separator: ", "))")
        }
        return "repro: " + (clauses.isEmpty ? "update ledger files" : clauses.joined(separator: "; "))
    }

    /// "1 experiment", "2 availability events".
    static func count(of type: LedgerRecord.RecordType, _ number: Int) -> String {
        let noun: String
        switch type {
        case .experiment: noun = "experiment"
        case .artifact: noun = "artifact"
        case .availability: noun = "availability event"
        case .manifest: noun = "manifest"
        case .license: noun = "license"
        case .seal: noun = "seal"
        }
        return "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

import GRDB
import LedgerCore

/// The SQL that picks out what a statement about a scope reads: its experiments, the records
/// of the digests they read or wrote with every lineage ancestor (the closure), and the runs
/// outside the scope that name a digest of the closure no artifact record describes.
///
/// The closure is walked from the decoded runs, a generation of lineage at a time, rather
/// than in a recursive query: SQLite's recursive UNION through the text digests of every
/// run's uses was most of a section statement's time. Digests go in as one JSON array
/// (`json_each`), so a closure of any size is one bound value.
struct ScopeQuery {
    /// `IN (...)`, after a path: every run carrying a requested name or label (OR, not the
    /// statement's AND: the analysis checks each name and label against the runs it is
    /// given). A UNION of the lookups asked for: SQLite answered the OR, and even an empty
    /// `name IN ()`, by scanning all 100,000 experiments.
    private let inScope: SQL
    private let ledgers: [String]

    init(_ scope: SnapshotScope) {
        var lookups: [SQL] = []
        if !scope.experiments.isEmpty {
            lookups.append("SELECT path FROM experiments WHERE ledger IN \(scope.ledgers) AND name IN \(scope.experiments)")
        }
        if !scope.sections.isEmpty {
            lookups.append("SELECT path FROM experiments WHERE ledger IN \(scope.ledgers) AND section IN \(scope.sections)")
        }
        precondition(!lookups.isEmpty, "a scope names an experiment or a section; a whole ledger needs no closure")
        inScope = "IN (\(lookups.joined(separator: " UNION ")))"
        ledgers = scope.ledgers
    }

    /// (id, ledger, type, json) of the experiments in scope.
    var experiments: SQL {
        "SELECT r.id, r.ledger, r.type, r.json FROM records r WHERE r.path \(inScope)"
    }

    /// The parents of `children`.
    static func parents(of children: some Collection<Digest>) -> SQL {
        "SELECT parent FROM lineage WHERE child IN (SELECT value FROM json_each(\(jsonArray(children))))"
    }

    /// (id, ledger, type, json) of the artifact records and availability events of `digests`.
    static func records(of digests: some Collection<Digest>) -> SQL {
        """
        WITH closure(digest) AS (SELECT value FROM json_each(\(jsonArray(digests))))
        SELECT r.id, r.ledger, r.type, r.json FROM records r WHERE r.path IN (
          SELECT a.path FROM artifacts a WHERE a.digest IN closure
          UNION SELECT e.path FROM events e WHERE e.digest IN closure
        )
        """
    }

    /// (id, ledger, type, json) of the experiments of the scope's ledgers outside the scope that
    /// read or wrote one of `undescribed` (the statement takes such a digest's name from the
    /// earliest run that used it).
    func experiments(naming undescribed: some Collection<Digest>) -> SQL {
        """
        SELECT r.id, r.ledger, r.type, r.json FROM records r WHERE r.path IN (
          SELECT ea.path FROM experiment_artifacts ea JOIN experiments x ON x.path = ea.path
          WHERE x.ledger IN \(ledgers) AND ea.digest IN (SELECT value FROM json_each(\(Self.jsonArray(undescribed))))
          EXCEPT SELECT x.path FROM experiments x WHERE x.path \(inScope)
        )
        """
    }

    /// Digests as a JSON array of their text form, which needs no escaping.
    private static func jsonArray(_ digests: some Collection<Digest>) -> String {
        var text = "["
        text.reserveCapacity(2 + digests.count * (Digest.prefix.utf8.count + 67))
        for (index, digest) in digests.enumerated() {
            if index > 0 { text += "," }
            text += "\"\(digest)\""
        }
        return text + "]"
    }
}

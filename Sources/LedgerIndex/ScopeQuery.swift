import GRDB

/// The SQL that picks out what a statement about a scope reads: its experiments, the digests
/// they read or wrote with every lineage ancestor (the closure), and those digests' records.
/// Shared by the scoped snapshot and the scoped statement pass, so both read the same records.
struct ScopeQuery {
    /// (id, ledger, type, json) of the closure's artifact records and events, then of the
    /// experiments: one statement, so SQLite works out the closure once, not once per read (a
    /// common table expression used more than once is materialized, SQLite 3.35 on).
    var records: SQL {
        """
        \(closure)
        SELECT r.id, r.ledger, r.type, r.json FROM records r WHERE \(sharedRecords)
        UNION ALL
        SELECT r.id, r.ledger, r.type, r.json FROM records r WHERE \(experimentRecords)
        """
    }

    /// `WITH RECURSIVE closure(digest)`: the digests in scope and their ancestors; UNION (not
    /// UNION ALL) ends on cycles. Put in front of a statement that uses the conditions below.
    private let closure: SQL
    /// On `records r`: the artifact records and availability events of the closure.
    private let sharedRecords: SQL
    /// On `records r`: the experiments in scope, and those outside it that name a digest of the
    /// closure no artifact record describes (the statement then takes that name from the
    /// earliest run that used it).
    private let experimentRecords: SQL

    init(_ scope: SnapshotScope) {
        // Every run carrying a requested name or label (OR, not the statement's AND): the
        // analysis checks each name and label against the runs it is given. A UNION of the
        // lookups asked for: SQLite answered the OR, and even an empty `name IN ()`, by
        // scanning all 100,000 experiments.
        var lookups: [SQL] = []
        if !scope.experiments.isEmpty {
            lookups.append("SELECT path FROM experiments WHERE ledger IN \(scope.ledgers) AND name IN \(scope.experiments)")
        }
        if !scope.sections.isEmpty {
            lookups.append("SELECT path FROM experiments WHERE ledger IN \(scope.ledgers) AND section IN \(scope.sections)")
        }
        precondition(!lookups.isEmpty, "a scope names an experiment or a section; a whole ledger needs no closure")
        let inScope: SQL = "x.path IN (\(lookups.joined(separator: " UNION ")))"
        closure = """
            WITH RECURSIVE closure(digest) AS (
              SELECT ea.digest FROM experiment_artifacts ea JOIN experiments x ON x.path = ea.path WHERE \(inScope)
              UNION
              SELECT l.parent FROM lineage l JOIN closure c ON l.child = c.digest
            )
            """
        sharedRecords = """
            r.path IN (
              SELECT a.path FROM artifacts a WHERE a.digest IN (SELECT digest FROM closure)
              UNION SELECT e.path FROM events e WHERE e.digest IN (SELECT digest FROM closure)
            )
            """
        experimentRecords = """
            r.path IN (
              SELECT x.path FROM experiments x WHERE \(inScope)
              UNION
              SELECT ea.path FROM experiment_artifacts ea JOIN experiments x ON x.path = ea.path
              WHERE x.ledger IN \(scope.ledgers) AND ea.digest IN (
                SELECT c.digest FROM closure c WHERE NOT EXISTS (SELECT 1 FROM artifacts a WHERE a.digest = c.digest))
            )
            """
    }
}

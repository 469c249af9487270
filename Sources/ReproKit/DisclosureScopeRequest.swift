import Foundation
import LedgerCore
import LedgerIndex
import LedgerReport

/// The scope options `disclaimer` and `checklist` share, as typed on the command line.
public struct DisclosureScopeRequest: Sendable {
    public var ledgers: [String] = []
    public var experiments: [String] = []
    public var sections: [String] = []
    public var asOf: CalendarDay?
    /// Re-hash the artifacts in scope that are present and state any that no longer match.
    public var verify = false

    public init() {}
}

extension Workspace {
    /// Loads the chosen ledgers and analyses them with the built-in catalog plus the ledgers'
    /// own licenses. Scope errors (unknown ledger, experiment or section) are bad input.
    public func disclosureAnalysis(_ scope: DisclosureScopeRequest) throws -> DisclosureAnalysis {
        let asOf = try scope.asOf.map { day throws -> CalendarDay in try Timestamps.pastDay(day) }
        // The bundled catalog is parsed on another core while the index is read.
        let catalog = Prefetch { LicenseCatalog.builtIn }
        let input = try disclosureInput(SnapshotScope(ledgers: scope.ledgers, experiments: scope.experiments,
                                                      sections: scope.sections))
        var options = DisclosureOptions(ledgers: scope.ledgers, experiments: scope.experiments,
                                        sections: scope.sections, asOf: asOf)
        if scope.verify {
            // Only the list of artifacts is needed before hashing; the analysis runs once, after.
            options.verification = try verification(of: DisclosureAnalysis.recordedArtifacts(input: input, options: options))
        }
        return try DisclosureAnalysis(input: input, catalog: catalog.value, options: options)
    }

    /// What the analysis of `scope` reads, in one read of the index: artifacts, events and
    /// licenses as records, each experiment as only the fields a statement uses (`DisclosureRun`).
    /// A scoped statement reads its closure (the records of `snapshot(_:)`); a name or label no
    /// experiment carries gets the whole ledgers, so the analysis reports it with the same
    /// suggestions as always.
    func disclosureInput(_ requested: SnapshotScope) throws -> DisclosureInput {
        let (index, scope) = try readableScope(requested)
        var runs = RunTable.Builder()
        var ids: [Digest] = []
        let records = try index.statementInput(scope) { entry in
            runs.append(entry.value)
            ids.append(entry.id)
        }
        return DisclosureInput(ledgers: scope.ledgers, records: records, table: runs.table(), ids: ids)
    }

    /// `repro verify` on these digests: true for a match, false for a mismatch; absent copies,
    /// pointers and copies that could not be read are left out (not checked).
    private func verification(of digests: [Digest]) throws -> [Digest: Bool] {
        guard !digests.isEmpty else { return [:] }
        var results: [Digest: Bool] = [:]
        for item in try verify(digests.map(\.description)).artifacts {
            switch item.status {
            case .ok: results[item.digest] = true
            case .mismatch: results[item.digest] = false
            case .absent, .pointer, .problem: break
            }
        }
        return results
    }
}

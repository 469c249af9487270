import Foundation
import LedgerCore

/// What `repro availability` recorded.
public struct AvailabilityOutcome: Codable, Sendable {
    public var digest: Digest
    public var name: String
    public var status: AvailabilityStatus
    public var asOf: String
    public var record: String
    public var created: Bool
}

extension Workspace {
    /// Appends a dated availability event for an artifact; the artifact's records are untouched.
    public func recordAvailability(artifact reference: String, status: AvailabilityStatus, asOf: CalendarDay,
                                   evidence: String?, note: String?, ledger: String) throws -> AvailabilityOutcome {
        try store.requireLedger(ledger)
        let day = try Timestamps.pastDay(asOf).text
        if let evidence { try Parse.evidence(evidence) }
        let index = try index()
        let identity = try ArtifactResolver(index: index).resolve(reference)
        let digest = identity.digest
        let name = try index.artifactRecords(identity).last?.value.name ?? reference
        let event = AvailabilityEvent(digest: digest, status: status, asOf: day, evidence: evidence, note: note,
                                      recordedAt: now(), recordedBy: agent)
        let written = try store.write(.availability(event), to: ledger)
        return AvailabilityOutcome(digest: digest, name: name, status: status, asOf: day,
                                   record: written.file.relativePath, created: written.created)
    }
}

import Foundation
import LedgerCore
import LedgerReport

/// Everything `repro checklist` needs, as typed on the command line.
public struct ChecklistRequest: Sendable {
    public var scope = DisclosureScopeRequest()
    public var venue: ChecklistVenue
    public var format = DisclosureFormat.text

    public init(venue: ChecklistVenue) { self.venue = venue }
}

extension Workspace {
    /// The venue's checklist answered from the ledger, rendered in the requested format.
    public func checklist(_ request: ChecklistRequest) throws -> (checklist: Checklist, text: String) {
        let analysis = try disclosureAnalysis(request.scope)
        // The analysis's working state (the facts, their caches) is freed by now.
        ProcessMemory.giveBackFreedPages()
        let checklist = Checklist(analysis, venue: request.venue)
        return (checklist, checklist.render(request.format))
    }
}

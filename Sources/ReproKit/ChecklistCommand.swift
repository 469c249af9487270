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
        let checklist = Checklist(try disclosureAnalysis(request.scope), venue: request.venue)
        return (checklist, checklist.render(request.format))
    }
}

import Foundation
import LedgerCore
import LedgerReport

/// Everything `repro checklist` needs, as typed on the command line.
public struct ChecklistRequest: Sendable {
    public var scope = DisclosureScopeRequest()
    public var venue: String
    public var format = "text"

    public init(venue: String) { self.venue = venue }
}

extension Workspace {
    /// The venue's checklist answered from the ledger, rendered in the requested format.
    public func checklist(_ request: ChecklistRequest) throws -> (checklist: Checklist, text: String) {
        guard let venue = ChecklistVenue(rawValue: request.venue) else {
            throw LedgerError.invalidValue(option: "--venue", value: request.venue,
                                           allowed: ChecklistVenue.allCases.map(\.rawValue))
        }
        let format = try Parse.format(request.format)
        let checklist = Checklist(try disclosureAnalysis(request.scope), venue: venue)
        return (checklist, checklist.render(format))
    }
}

/// A venue's checklist items on licenses, assets and reproducibility, answered from a
/// disclosure analysis with a justification each. `repro checklist --format json` prints it.
public struct Checklist: Codable, Hashable, Sendable {
    public var venue: ChecklistVenue
    public var ledgers: [String]
    public var asOf: String?
    /// Says that the questions are paraphrased and where they come from.
    public var note: String
    public var items: [ChecklistItem]

    public init(_ analysis: DisclosureAnalysis, venue: ChecklistVenue) {
        self.venue = venue
        ledgers = analysis.ledgers
        asOf = analysis.asOf
        note = "Questions paraphrased from \(venue.source); check the venue's current form for the exact wording. "
            + "Answers are drawn from the ledger and cover only what it records."
        let facts = ChecklistFacts(analysis)
        items = switch venue {
        case .neurips: NeurIPSChecklist.items(facts)
        case .acl: ACLChecklist.items(facts)
        case .aaai: AAAIChecklist.items(facts)
        }
    }

    public func render(_ format: DisclosureFormat) -> String {
        ChecklistRenderer(checklist: self).render(format)
    }
}

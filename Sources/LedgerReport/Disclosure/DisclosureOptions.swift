import LedgerCore

/// What a statement covers and as of when: the scope a researcher picks on the command line.
public struct DisclosureOptions: Hashable, Sendable {
    /// Ledgers whose experiments are disclosed; empty means every ledger of the snapshot.
    public var ledgers: [String]
    /// Experiment names; empty means all in the chosen ledgers.
    public var experiments: [String]
    /// Section or table labels (`tab:ablation`); empty means all. Their order is the order of
    /// the statement's paragraphs, so the author can follow the paper.
    public var sections: [String]
    /// `YYYY-MM-DD`: availability is read from the latest event on or before this day. Nil
    /// means the latest event of all, never "today", so output stays a function of the ledger.
    public var asOf: CalendarDay?
    /// Re-hash results: true when the copy at hand matches its recorded digest, false when it
    /// no longer does. Digests not in the map were not checked.
    public var verification: [Digest: Bool]

    public init(ledgers: [String] = [], experiments: [String] = [], sections: [String] = [],
                asOf: CalendarDay? = nil, verification: [Digest: Bool] = [:]) {
        self.ledgers = ledgers
        self.experiments = experiments
        self.sections = sections
        self.asOf = asOf
        self.verification = verification
    }
}

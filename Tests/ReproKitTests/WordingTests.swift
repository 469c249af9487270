import Testing
@testable import ReproKit

/// Counts agree with their nouns.
@Suite struct WordingTests {
    @Test func ledgerListingPluralizes() {
        let one = LedgerSummary(name: "main", artifacts: 1, experiments: 1, events: 1)
        let many = LedgerSummary(name: "bench", artifacts: 0, experiments: 2, events: 3)
        #expect(TextReport.ledgers([one, many]) == """
            main  1 artifact record, 1 experiment, 1 event
            bench  0 artifact records, 2 experiments, 3 events

            """)
    }
}

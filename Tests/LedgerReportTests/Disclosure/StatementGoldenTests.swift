import LedgerCore
import LedgerReport
import Testing

/// The exact bytes of every format for the fixture ledger.
@Suite struct StatementGoldenTests {
    let analysis: DisclosureAnalysis
    let withAppendix = StatementOptions(appendix: true)

    init() throws { analysis = try DisclosureFixture().analysis() }

    @Test func latex() throws {
        try Golden.check(Statement.render(analysis, format: .latex), "statement.tex")
        try Golden.check(Statement.render(analysis, format: .latex, options: withAppendix), "statement-appendix.tex")
        try Golden.check(Statement.render(analysis, format: .latex, options: StatementOptions(appendix: true, macros: true)),
                         "statement-macros.tex")
    }

    @Test func markdown() throws {
        try Golden.check(Statement.render(analysis, format: .markdown, options: withAppendix), "statement.md")
    }

    @Test func text() throws {
        try Golden.check(Statement.render(analysis, format: .text, options: withAppendix), "statement.txt")
    }

    @Test func json() throws {
        try Golden.check(Statement.render(analysis, format: .json), "analysis.json")
    }

    @Test func asOfBeforeTheWithdrawal() throws {
        let earlier = try DisclosureFixture().analysis(DisclosureOptions(asOf: "2025-01-01"))
        try Golden.check(Statement.render(earlier, format: .markdown), "statement-2025-01-01.md")
    }

    @Test func checklists() throws {
        try Golden.check(Checklist(analysis, venue: .neurips).render(.markdown), "checklist-neurips.md")
        try Golden.check(Checklist(analysis, venue: .acl).render(.markdown), "checklist-acl.md")
        try Golden.check(Checklist(analysis, venue: .acl).render(.text), "checklist-acl.txt")
        try Golden.check(Checklist(analysis, venue: .neurips).render(.json), "checklist-neurips.json")
    }

    @Test(arguments: DisclosureFormat.allCases)
    func sameLedgerSameBytes(format: DisclosureFormat) throws {
        let again = try DisclosureFixture().analysis()
        #expect(Statement.render(again, format: format, options: withAppendix)
            == Statement.render(analysis, format: format, options: withAppendix))
    }

    @Test func nothingInScopeSaysSo() throws {
        let empty = try DisclosureAnalysis(snapshot: LedgerSnapshot(ledgers: ["main"]))
        #expect(Statement.render(empty, format: .text) == "Ledger main records no experiments in the chosen scope.\n")
    }
}

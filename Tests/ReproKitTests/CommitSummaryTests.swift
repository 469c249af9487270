import LedgerCore
import LedgerGit
import Testing
@testable import ReproKit

/// The default commit message, and how paths from git are recognised as records.
@Suite struct CommitSummaryTests {
    private func path(_ ledger: String, _ folder: String, _ seed: String) -> String {
        let id = Digest.of(seed).hex
        return "ledgers/\(ledger)/\(folder)/\(id.prefix(2))/\(id).json"
    }

    @Test func summaryCountsRecordsPerLedgerInReadingOrderAndPluralises() {
        let changes = CommitChanges(
            added: [
                path("main", "experiments", "1"), path("main", "artifacts", "2"), path("main", "experiments", "3"),
                path("main", "events", "4"), path("main", "artifacts", "5"), path("main", "experiments", "6"),
                path("main", "manifests", "7"), path("zeta", "seals", "8"), path("alpha", "licenses", "9"),
                "ledgers/README.md", "ledgers/alpha/README.md", ".gitignore",
            ],
            changed: [path("zeta", "events", "10")],
            removed: [])

        #expect(CommitSummary.message(for: changes)
            == "repro: 1 license in ledger alpha; 3 experiments, 2 artifacts, 1 availability event, 1 manifest in ledger main; 1 availability event, 1 seal in ledger zeta")
        #expect(CommitSummary.message(for: CommitChanges(added: [path("main", "events", "1"), path("main", "events", "2")], changed: [], removed: []))
            == "repro: 2 availability events in ledger main")
    }

    @Test func summaryWithoutRecords() {
        let setUp = CommitChanges(added: [".gitignore", "ledgers/.gitattributes", "ledgers/README.md", "ledgers/main/README.md"], changed: [], removed: [])
        let two = CommitChanges(added: ["ledgers/b/README.md", "ledgers/a/README.md"], changed: [], removed: [])
        let removal = CommitChanges(added: [], changed: [], removed: [path("main", "artifacts", "1"), path("main", "events", "2")])
        let other = CommitChanges(added: [], changed: ["ledgers/README.md"], removed: [])

        #expect(CommitSummary.message(for: setUp) == "repro: set up ledger main")
        #expect(CommitSummary.message(for: two) == "repro: set up ledgers a, b")
        #expect(CommitSummary.message(for: removal) == "repro: 2 records removed from ledger main")
        #expect(CommitSummary.message(for: other) == "repro: update ledger files")
    }

    @Test func recordLocationsFollowTheStoreLayout() {
        let id = Digest.of("x").hex
        #expect(RecordLocation(path: "ledgers/main/experiments/\(id.prefix(2))/\(id).json")
            == .record(RecordFile(ledger: "main", type: .experiment, id: id)))
        #expect(RecordLocation(path: "ledgers/main/experiments/zz/\(id).json") == .stray(ledger: "main"))
        #expect(RecordLocation(path: "ledgers/main/experiments/\(id.prefix(2))/notes.txt") == .stray(ledger: "main"))
        #expect(RecordLocation(path: "ledgers/main/experiments/\(id.prefix(2))/.\(id).json.tmp.1.2") == .stray(ledger: "main"))
        #expect(RecordLocation(path: "ledgers/main/experiments/\(id).json") == .stray(ledger: "main"))
        #expect(RecordLocation(path: "ledgers/main/README.md") == .elsewhere)
        #expect(RecordLocation(path: "ledgers/main/other/\(id.prefix(2))/\(id).json") == .elsewhere)
        #expect(RecordLocation(path: "ledgers/.bad/artifacts/\(id.prefix(2))/\(id).json") == .elsewhere)
        #expect(RecordLocation(path: "src/ledgers/main/artifacts/\(id.prefix(2))/\(id).json") == .elsewhere)
    }
}

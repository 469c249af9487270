import Foundation
import LedgerReport
import Testing

/// Checklist answers come from the ledger, with the evidence in the justification.
@Suite struct ChecklistTests {
    let analysis: DisclosureAnalysis
    init() throws { analysis = try DisclosureFixture().analysis() }

    func answers(_ venue: ChecklistVenue) -> [String: ChecklistAnswer] {
        Dictionary(uniqueKeysWithValues: Checklist(analysis, venue: venue).items.map { ($0.id, $0.answer) })
    }

    func justification(_ venue: ChecklistVenue, _ id: String) -> String {
        Checklist(analysis, venue: venue).items.first { $0.id == id }?.justification ?? ""
    }

    @Test func neurips() {
        #expect(Checklist(analysis, venue: .neurips).items.map(\.id) == ["licenses", "new-assets", "open-access", "compute"])
        #expect(answers(.neurips) == ["licenses": .partial, "new-assets": .partial, "open-access": .partial, "compute": .no])
        #expect(justification(.neurips, "compute")
                == "No run in scope was recorded with repro run, so the ledger holds no compute record.")
        #expect(justification(.neurips, "licenses").contains("4 of 6 existing assets"))
        #expect(justification(.neurips, "licenses").contains("No license is recorded for judge-api-model."))
        #expect(justification(.neurips, "new-assets").contains("The name of acme-ft-8b does not begin with “Llama”"))
        #expect(justification(.neurips, "open-access").contains("Llama-3.1-8B (withdrawn on 23 July 2025; the authors retain a copy)"))
        #expect(justification(.neurips, "open-access").contains("Experiment ablation-notes ran with uncommitted changes."))
    }

    @Test func acl() {
        #expect(Checklist(analysis, venue: .acl).items.map(\.id) == ["A1", "B1", "B2", "B3", "B4", "B5"])
        #expect(answers(.acl) == ["A1": .partial, "B1": .partial, "B2": .partial, "B3": .partial, "B4": .no, "B5": .partial])
        #expect(justification(.acl, "A1").contains("discloses 25 limitations"))
        #expect(justification(.acl, "B1").contains("Llama-3.1-8B (Hugging Face meta-llama/Llama-3.1-8B@d04e592bb4f6)"))
        #expect(justification(.acl, "B3").contains("non-commercial use only (ward-notes-2019)"))
        #expect(!justification(.acl, "B3").contains("acme-ft-8b"))
        #expect(justification(.acl, "B4").contains("The dataset ward-notes-2019 is recorded as private as of 1 March 2024."))
    }

    @Test func aCleanLedgerAnswersYes() throws {
        let clean = try DisclosureFixture().analysis(DisclosureOptions(experiments: ["sft-llama"])) { record in
            guard case .artifact(var artifact) = record else { return record }
            artifact.layout = .folder
            if artifact.digest == DisclosureFixture.tokenizer { artifact.sources = [.url("https://huggingface.co/meta-llama/Llama-3.1-8B")] }
            if artifact.digest == DisclosureFixture.fineTune { artifact.name = "Llama-acme-ft-8b" }
            return .artifact(artifact)
        }
        let answers = Dictionary(uniqueKeysWithValues: Checklist(clean, venue: .neurips).items.map { ($0.id, $0.answer) })
        #expect(answers["licenses"] == .yes)
        #expect(answers["new-assets"] == .yes)
        #expect(answers["open-access"] == .partial) // the base model is withdrawn
    }

    @Test func oneDatasetAgreesWithItsVerbAndIntegrityFactsAreSeparate() throws {
        let one = try DisclosureFixture().analysis(DisclosureOptions(experiments: ["sft-llama"]))
        let b4 = Checklist(one, venue: .acl).items.first { $0.id == "B4" }?.justification ?? ""
        #expect(b4.hasPrefix("The ledger does not record whether c4-en contains personal information;"))
        let mismatch = try DisclosureFixture().analysis(DisclosureOptions(verification: [DisclosureFixture.c4: false]))
        let access = Checklist(mismatch, venue: .neurips).items.first { $0.id == "open-access" }?.justification ?? ""
        #expect(access.contains("The digest of llama3-tokenizer was not taken from the content. "
            + "The authors' copy of c4-en no longer matches the recorded digest."))
    }

    @Test func aaaiAnswersWhatTheLedgerKnowsAndListsTheRest() throws {
        let checklist = Checklist(analysis, venue: .aaai)
        #expect(checklist.items.map(\.id) == ["G1", "G2", "G3", "T1", "D1", "D2", "D3", "D4", "D5", "D6", "C1", "C2", "C3", "C4",
                                              "E1", "E2", "E3", "E4", "E5", "E6", "E7"])
        let answers = Dictionary(uniqueKeysWithValues: checklist.items.map { ($0.id, $0.answer) })
        #expect(answers["D1"] == .yes)
        #expect(answers["D4"] == .partial)
        #expect(answers["D5"] == .byAuthors)
        #expect(answers["C1"] == .no)
        #expect(answers["G1"] == .byAuthors)
        let d4 = checklist.items.first { $0.id == "D4" }!
        #expect(d4.justification.hasPrefix("Not publicly available: ward-notes-2019 (private as of 1 March 2024)."))
        #expect(d4.records?.contains("artifact \(DisclosureFixture.clinical) ward-notes-2019") == true)
        #expect(checklist.render(.text).contains("Answer: to be answered by the authors."))
    }

    /// The cited records are worded when written out; read back, they are plain lines that
    /// write the same bytes and compare equal.
    @Test func aaaiRecordsAreWordedWhenWrittenAndReadBackEqual() throws {
        let items = Checklist(analysis, venue: .aaai).items
        let e2 = try #require(items.first { $0.id == "E2" })
        #expect(e2.records == analysis.groups.flatMap(\.experiments).map { "experiment main/\($0.name) \($0.startedAt)" })
        #expect(e2.records?.contains("experiment main/sft-llama 2025-02-01T10:00:00Z") == true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = try encoder.encode(items)
        let decoded = try JSONDecoder().decode([ChecklistItem].self, from: bytes)
        #expect(try encoder.encode(decoded) == bytes)
        #expect(decoded.map(\.records) == items.map(\.records))
    }

    @Test func withoutExperimentsEverythingIsNotApplicable() throws {
        let empty = try DisclosureAnalysis(snapshot: .init(ledgers: ["main"]))
        #expect(Checklist(empty, venue: .neurips).items.allSatisfy { $0.answer == .notApplicable })
        #expect(Checklist(empty, venue: .acl).items.dropFirst().allSatisfy { $0.answer == .notApplicable })
    }
}

import LedgerCore
import LedgerReport

/// A paper of eight tables and figures built on few artifacts, as issue 13 describes it:
///
/// - `Llama-3.1-8B`, withdrawn on 2025-07-23 with a copy retained; `c4-en`, open (ODC-By);
/// - `gemma-2-9b`, gated (Gemma terms); `ward-notes`, a private dataset (no license recorded);
/// - `acme-ft`, a fine-tune of the Llama base.
///
/// `tab:main`, `tab:steps`, `fig:loss` and `tab:lr` read the Llama base and c4 (in `tab:lr`
/// the run `ft-lr1e-3` failed); `tab:gemma` and `fig:gemma-curve` read Gemma and c4;
/// `tab:clinical` and `fig:errors` read the fine-tune and the private notes.
struct SharedArtifactsFixture {
    static let base = Digest.of("shared: llama base")
    static let c4 = Digest.of("shared: c4")
    static let gemma = Digest.of("shared: gemma")
    static let notes = Digest.of("shared: ward notes")
    static let fineTune = Digest.of("shared: acme-ft")

    /// The sections in paper order; tests drop the last to measure what one more costs.
    static let sections: [(label: String, experiments: [String], inputs: [Digest])] = [
        ("tab:main", ["ft-main"], [base, c4]),
        ("tab:lr", ["ft-lr2e-5", "ft-lr1e-3"], [base, c4]),
        ("tab:gemma", ["gemma-main"], [gemma, c4]),
        ("tab:clinical", ["clinical"], [fineTune, notes]),
        ("fig:loss", ["ft-loss"], [base, c4]),
        ("fig:gemma-curve", ["gemma-curve"], [gemma, c4]),
        ("fig:errors", ["clinical-errors"], [fineTune, notes]),
        ("tab:steps", ["ft-steps"], [base, c4]),
    ]

    var sectionCount = 8
    /// Every run from the same commit with the same uncommitted changes.
    var dirty = false

    func records() -> [LedgerRecord] {
        let helper = DisclosureFixture()
        let clean = CodeState(repository: true, commit: DisclosureFixture.commit, branch: "main", detached: false,
                              dirty: dirty, diffDigest: dirty ? Digest.of("the uncommitted diff") : nil)
        let names = [Self.base: "Llama-3.1-8B", Self.c4: "c4-en", Self.gemma: "gemma-2-9b", Self.notes: "ward-notes",
                     Self.fineTune: "acme-ft"]
        var records: [LedgerRecord] = [
            .artifact(helper.artifact(Self.base, "Llama-3.1-8B", .checkpoint,
                                      sources: [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: "d04e592bb4f6aa9cfee91e2e20afa771667e1d4b")],
                                      license: "llama3.1", at: "2025-01-10T09:00:00Z")),
            .artifact(helper.artifact(Self.c4, "c4-en", .dataset, sources: [.url("https://huggingface.co/datasets/allenai/c4")],
                                      license: "odc-by", at: "2025-01-10T09:01:00Z")),
            .artifact(helper.artifact(Self.gemma, "gemma-2-9b", .checkpoint,
                                      sources: [.huggingFace(repo: "google/gemma-2-9b", revision: "33c193028431c2fde6c6e51f29e6f17b60cbfac6")],
                                      license: "gemma", at: "2025-01-10T09:02:00Z")),
            .artifact(helper.artifact(Self.notes, "ward-notes", .dataset, sources: [.localPath("data/ward-notes")],
                                      license: nil, at: "2025-01-10T09:03:00Z")),
            .artifact(helper.artifact(Self.fineTune, "acme-ft", .checkpoint, sources: [.localPath("out/acme-ft")],
                                      license: "llama3.1", derivedFrom: [Self.base], at: "2025-02-02T18:00:00Z")),
            .availability(helper.event(Self.base, .withdrawn, "2025-07-23", evidence: "https://example.org/notices/llama")),
            .availability(helper.event(Self.base, .retained, "2025-08-01")),
            .availability(helper.event(Self.c4, .open, "2025-01-10", evidence: "https://huggingface.co/datasets/allenai/c4")),
            .availability(helper.event(Self.gemma, .gated, "2024-06-27", evidence: "https://huggingface.co/google/gemma-2-9b")),
            .availability(helper.event(Self.notes, .private, "2024-03-01")),
        ]
        var minute = 0
        for section in Self.sections.prefix(sectionCount) {
            for name in section.experiments {
                minute += 1
                var run = helper.experiment(name, section: section.label, inputs: section.inputs.map { helper.use($0, names[$0]!) },
                                            code: clean, at: "2025-02-05T10:\(minute < 10 ? "0" : "")\(minute):00Z")
                if name == "ft-lr1e-3" {
                    run.outcome = .failed
                    run.exitStatus = 7
                }
                records.append(.experiment(run))
            }
        }
        return records
    }

    func analysis(_ options: DisclosureOptions = DisclosureOptions()) throws -> DisclosureAnalysis {
        var snapshot = LedgerSnapshot(ledgers: ["main"])
        for (index, record) in records().enumerated() {
            snapshot.add(record, id: Digest.of("shared record \(index)"), ledger: "main")
        }
        snapshot.sort()
        return try DisclosureAnalysis(snapshot: snapshot, options: options)
    }
}

import LedgerCore
import LedgerReport

/// The ledger of a small fine-tuning paper, built in code so every test states exactly what
/// it starts from:
///
/// - `Llama-3.1-8B` (llama3.1), gated on 2024-07-23, withdrawn on 2025-07-23, a copy retained;
/// - `c4-en`, a public dataset under ODC-By;
/// - `ward-notes-2019`, a private clinical dataset under a ledger-defined data-use agreement;
/// - `llama3-tokenizer`, recorded from a git-LFS pointer only;
/// - `acme-ft-8b`, a fine-tune derived from the base whose name breaks Llama's naming duty;
/// - `judge-api-model`, reachable only through an API, no license recorded;
/// - `sentiment-lexicon`, deprecated, tagged only `other`.
///
/// Experiments: `sft-llama` (tab:main, clean code), `ablation-notes` (tab:ablation, dirty
/// code), `eval-judge` (no label, run outside a repository).
struct DisclosureFixture {
    static let agent = Agent(user: "ada", host: "lab-01")

    var names = Names()

    /// Artifact names; tests swap in hostile ones to check escaping end to end.
    struct Names {
        var base = "Llama-3.1-8B"
        var c4 = "c4-en"
        var clinical = "ward-notes-2019"
        var tokenizer = "llama3-tokenizer"
        var fineTune = "acme-ft-8b"
        var judge = "judge-api-model"
        var lexicon = "sentiment-lexicon"
        var sftExperiment = "sft-llama"
        var ablationExperiment = "ablation-notes"
        var judgeExperiment = "eval-judge"
        var mainLabel = "tab:main"
        var ablationLabel = "tab:ablation"
        var withdrawalEvidence = "https://example.org/notices/llama-3.1-8b"
        var licenseName = "ACME Hospital Clinical Data Use Agreement"
    }

    /// Names full of LaTeX and Markdown specials, accents, other scripts, controls and a long
    /// unbroken word, to check escaping through the whole pipeline.
    static let hostile = Names(
        base: #"Llama\3.1 {8B} $x^2$ & 100% #1 ~tilde~ _under_ <>|"' [opt]"#,
        c4: "Ünïcödé Straße Ærøskøbing Łódź Dvořák Nguyễn ¿Qué?",
        clinical: "中文 模型 Модель Ελληνικά 🦙",
        tokenizer: "tokenizer_with_a_very_long_unbroken_name_that_keeps_going_without_any_spaces_0123456789",
        fineTune: #"acme\end{document}-ft"#,
        judge: "--as-of ``quote'' ,,low !` ?`",
        lexicon: "tab\there\nnew line\u{0}nul\u{202E}bidi",
        sftExperiment: "sft_llama#1 & co",
        ablationExperiment: "ablation%notes",
        judgeExperiment: "eval $judge$ *bold* `code`",
        mainLabel: "tab:main_1",
        ablationLabel: "weird label {x} \\ref",
        withdrawalEvidence: "https://example.org/a_b/%20x?q=1&r=~u#frag",
        licenseName: #"ACME \& "Data" Agreement_v2 $100"#)

    static let base = Digest.of("Llama-3.1-8B weights")
    static let c4 = Digest.of("c4-en shards")
    static let clinical = Digest.of("ward notes")
    static let tokenizer = Digest.of("tokenizer.model")
    static let fineTune = Digest.of("acme fine-tune weights")
    static let judge = Digest.of("judge api")
    static let lexicon = Digest.of("lexicon")
    static let diff = Digest.of("diff --git a/train.py b/train.py")
    static let commit = "3f2a9c1e5b7d4f60a8e9b2c1d0f3e4a5b6c7d8e9"

    var clinicalLicense: LicenseRecord {
        LicenseRecord(
            id: "acme-clinical-dua",
            definition: .object([
                "name": .string(names.licenseName),
                "categories": .array([.string("dataset")]),
                "commercialUse": .object(["status": .string("forbidden")]),
                "forbidsRedistributionOfWeights": .bool(true),
                "redistributionConditions": .string("Redistribution of the data or of models trained on it is prohibited."),
                "attribution": .object(["required": .bool(true), "summary": .string("Cite the data provider.")]),
            ]),
            recordedAt: "2025-01-09T08:00:00Z", recordedBy: Self.agent)
    }

    func artifact(_ digest: Digest, _ name: String, _ kind: ArtifactKind, layout: ArtifactLayout = .folder,
                  sources: [ArtifactSource], license: String?, derivedFrom: [Digest] = [], at time: String) -> ArtifactRecord {
        ArtifactRecord(digest: digest, name: name, kind: kind, layout: layout, size: 1_000, fileCount: layout == .folder ? 3 : 1,
                       sources: sources, license: license, derivedFrom: derivedFrom, recordedAt: time, recordedBy: Self.agent)
    }

    func event(_ digest: Digest, _ status: AvailabilityStatus, _ day: String, evidence: String? = nil,
               note: String? = nil) -> AvailabilityEvent {
        AvailabilityEvent(digest: digest, status: status, asOf: day, evidence: evidence, note: note,
                          recordedAt: day + "T12:00:00Z", recordedBy: Self.agent)
    }

    func use(_ digest: Digest, _ name: String) -> ArtifactUse { ArtifactUse(digest: digest, name: name) }

    func experiment(_ name: String, section: String?, inputs: [ArtifactUse], outputs: [ArtifactUse] = [],
                    code: CodeState, at time: String) -> ExperimentRecord {
        ExperimentRecord(name: name, ledger: "main", section: section, inputs: inputs, outputs: outputs, code: code,
                         command: nil, exitStatus: nil, outcome: .recorded, startedAt: time, endedAt: nil,
                         recordedBy: Self.agent, note: nil)
    }

    var records: [LedgerRecord] {
        let n = names
        let clean = CodeState(repository: true, commit: Self.commit, branch: "main", detached: false, dirty: false, diffDigest: nil)
        let dirty = CodeState(repository: true, commit: Self.commit, branch: "main", detached: false, dirty: true, diffDigest: Self.diff)
        return [
            .artifact(artifact(Self.base, n.base, .checkpoint,
                               sources: [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: "d04e592bb4f6aa9cfee91e2e20afa771667e1d4b")],
                               license: "llama3.1", at: "2025-01-10T09:00:00Z")),
            .artifact(artifact(Self.c4, n.c4, .dataset, sources: [.url("https://huggingface.co/datasets/allenai/c4")],
                               license: "odc-by", at: "2025-01-10T09:01:00Z")),
            .artifact(artifact(Self.clinical, n.clinical, .dataset, sources: [.localPath("data/ward-notes")],
                               license: "LicenseRef-acme-clinical-dua", at: "2025-01-10T09:02:00Z")),
            .artifact(artifact(Self.tokenizer, n.tokenizer, .tokenizer, layout: .lfsPointer,
                               sources: [.localPath("tokenizer/tokenizer.model")], license: "llama3.1", at: "2025-01-10T09:03:00Z")),
            .artifact(artifact(Self.fineTune, n.fineTune, .checkpoint, sources: [.localPath("out/acme-ft-8b")],
                               license: "llama3.1", derivedFrom: [Self.base], at: "2025-02-02T18:00:00Z")),
            .artifact(artifact(Self.judge, n.judge, .checkpoint, layout: .file, sources: [.url("https://api.example.com/v1/judge")],
                               license: nil, at: "2025-01-10T09:04:00Z")),
            .artifact(artifact(Self.lexicon, n.lexicon, .dataset, layout: .file, sources: [.url("https://example.org/lexicon.tsv")],
                               license: "other", at: "2025-01-10T09:05:00Z")),
            .availability(event(Self.base, .gated, "2024-07-23", evidence: "https://huggingface.co/meta-llama/Llama-3.1-8B")),
            .availability(event(Self.base, .withdrawn, "2025-07-23", evidence: n.withdrawalEvidence)),
            .availability(event(Self.base, .retained, "2025-08-01", note: "kept on lab storage")),
            .availability(event(Self.c4, .open, "2025-01-10", evidence: "https://huggingface.co/datasets/allenai/c4")),
            .availability(event(Self.clinical, .private, "2024-03-01")),
            .availability(event(Self.judge, .apiOnly, "2024-11-01", evidence: "https://api.example.com/docs")),
            .availability(event(Self.lexicon, .deprecated, "2025-03-01")),
            .license(clinicalLicense),
            .experiment(experiment(n.sftExperiment, section: n.mainLabel,
                                   inputs: [use(Self.base, n.base), use(Self.c4, n.c4), use(Self.tokenizer, n.tokenizer)],
                                   outputs: [use(Self.fineTune, n.fineTune)], code: clean, at: "2025-02-01T10:00:00Z")),
            .experiment(experiment(n.ablationExperiment, section: n.ablationLabel,
                                   inputs: [use(Self.fineTune, n.fineTune), use(Self.clinical, n.clinical)],
                                   code: dirty, at: "2025-02-03T10:00:00Z")),
            .experiment(experiment(n.judgeExperiment, section: nil,
                                   inputs: [use(Self.tokenizer, n.tokenizer), use(Self.judge, n.judge), use(Self.lexicon, n.lexicon)],
                                   code: .noRepository, at: "2025-02-04T10:00:00Z")),
        ]
    }

    /// The snapshot the store would load, after `edit` changes any record (tests vary one
    /// fact at a time). Record ids are digests of the record's position, as a stand-in.
    func snapshot(_ edit: (LedgerRecord) -> LedgerRecord? = { $0 }) -> LedgerSnapshot {
        var snapshot = LedgerSnapshot(ledgers: ["main"])
        for (index, record) in records.enumerated() {
            if let record = edit(record) { snapshot.add(record, id: Digest.of("record \(index)"), ledger: "main") }
        }
        snapshot.sort()
        return snapshot
    }

    func analysis(_ options: DisclosureOptions = DisclosureOptions(),
                  edit: (LedgerRecord) -> LedgerRecord? = { $0 }) throws -> DisclosureAnalysis {
        try DisclosureAnalysis(snapshot: snapshot(edit), options: options)
    }

    /// An edit that sets the license recorded for one artifact.
    static func license(_ expression: String?, for digest: Digest) -> (LedgerRecord) -> LedgerRecord? {
        { record in
            guard case .artifact(var artifact) = record, artifact.digest == digest else { return record }
            artifact.license = expression
            return .artifact(artifact)
        }
    }
}

import LedgerCore

/// A small paper's ledger, built in code with fixed dates and agents: a withdrawn base model,
/// an ODC-By dataset, a private clinical dataset with a hostile name, a tokenizer, a
/// fine-tune that produces a derived checkpoint, and an evaluation.
enum Fixture {
    static let ada = Agent(user: "ada", host: "lab-01")
    static let bob = Agent(user: "bob", host: "gpu-07")

    static let base = Digest.of("base-weights")
    static let c4 = Digest.of("c4-sample")
    static let clinical = Digest.of("clinical-notes")
    static let tokenizer = Digest.of("tokenizer")
    static let tuned = Digest.of("tuned-weights")
    static let metrics = Digest.of("eval-metrics")

    static let baseRevision = "0e9e39f249a16976918f6564b8830bc894c89659"
    /// Every character BibTeX, LaTeX, Mermaid, DOT or JSON could trip on.
    static let clinicalName = #"Clinical {notes} 50% #3 & co_v2 ~^\$ "quoted" [x] <y>"#

    static let baseRecord = ArtifactRecord(
        digest: base, name: "Llama-3.1-8B", kind: .checkpoint, layout: .folder, size: 16_060_522_944, fileCount: 4,
        sources: [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: baseRevision)], license: "llama3.1",
        derivedFrom: [], recordedAt: "2025-01-10T09:00:00Z", recordedBy: ada)
    static let c4Record = ArtifactRecord(
        digest: c4, name: "c4-en-sample", kind: .dataset, layout: .folder, size: 305_000_000, fileCount: 8,
        sources: [.huggingFace(repo: "allenai/c4", revision: "1588ec454efa1a09f29cd18ddd04fe05fc8653a2")],
        license: "odc-by", derivedFrom: [], recordedAt: "2025-01-10T09:05:00Z", recordedBy: ada)
    static let clinicalRecord = ArtifactRecord(
        digest: clinical, name: clinicalName, kind: .dataset, layout: .folder, size: 52_000_000, fileCount: 2,
        sources: [.localPath("data/clinical")], license: "LicenseRef-clinical-dua", derivedFrom: [],
        recordedAt: "2025-01-10T09:10:00Z", recordedBy: ada, note: "Hospital data under a data-use agreement")
    static let tokenizerRecord = ArtifactRecord(
        digest: tokenizer, name: "Llama-3.1 tokenizer", kind: .tokenizer, layout: .file, size: 9_085_657, fileCount: 1,
        sources: [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: baseRevision)], license: "llama3.1",
        derivedFrom: [], recordedAt: "2025-01-10T09:15:00Z", recordedBy: ada)
    static let tunedRecord = ArtifactRecord(
        digest: tuned, name: "llama-3.1-8b-clinical-sft", kind: .checkpoint, layout: .folder, size: 16_060_522_944,
        fileCount: 4, sources: [.localPath("out/sft"), .url("https://example.org/models/sft?v=1#weights 100%")], license: "llama3.1 AND LicenseRef-clinical-dua",
        derivedFrom: [base], recordedAt: "2025-02-01T18:00:00Z", recordedBy: bob)
    static let metricsRecord = ArtifactRecord(
        digest: metrics, name: "eval-metrics.json", kind: .result, layout: .file, size: 2_048, fileCount: 1,
        sources: [.url("https://example.org/results/eval metrics.json")], license: "cc-by-4.0", derivedFrom: [],
        recordedAt: "2025-02-02T12:30:00Z", recordedBy: ada)

    static let baseOpen = AvailabilityEvent(
        digest: base, status: .open, asOf: "2024-07-23", evidence: nil, note: nil,
        recordedAt: "2025-01-10T09:00:01Z", recordedBy: ada)
    static let baseWithdrawn = AvailabilityEvent(
        digest: base, status: .withdrawn, asOf: "2025-03-01", evidence: "https://example.org/notice",
        note: "weights removed from the Hub", recordedAt: "2025-03-02T10:00:00Z", recordedBy: ada)
    static let baseRetained = AvailabilityEvent(
        digest: base, status: .retained, asOf: "2025-03-01", evidence: nil, note: "copy on lab storage",
        recordedAt: "2025-03-02T10:05:00Z", recordedBy: ada)
    static let clinicalPrivate = AvailabilityEvent(
        digest: clinical, status: .private, asOf: "2024-12-01", evidence: nil, note: nil,
        recordedAt: "2025-01-10T09:10:01Z", recordedBy: ada)

    static let fineTune = ExperimentRecord(
        name: "finetune", ledger: "main", section: nil,
        inputs: [ArtifactUse(digest: base, name: "Llama-3.1-8B", role: "base-model"),
                 ArtifactUse(digest: tokenizer, name: "Llama-3.1 tokenizer", role: "tokenizer"),
                 ArtifactUse(digest: clinical, name: clinicalName, role: "train"),
                 ArtifactUse(digest: c4, name: "c4-en-sample", role: "train")],
        outputs: [ArtifactUse(digest: tuned, name: "llama-3.1-8b-clinical-sft")],
        code: CodeState(repository: true, commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", branch: "main",
                        detached: false, dirty: true, diffDigest: Digest.of("patch")),
        command: ["python", "train.py", "--lr", "2e-5", "--run-name", "it's a test"], exitStatus: 0,
        outcome: .succeeded, startedAt: "2025-02-01T08:00:00Z", endedAt: "2025-02-01T17:59:00Z",
        recordedBy: bob, note: nil)
    static let evaluate = ExperimentRecord(
        name: "evaluate", ledger: "main", section: "tab:main",
        inputs: [ArtifactUse(digest: tuned, name: "llama-3.1-8b-clinical-sft", role: "model"),
                 ArtifactUse(digest: c4, name: "c4-en-sample", role: "eval")],
        outputs: [ArtifactUse(digest: metrics, name: "eval-metrics.json")],
        code: CodeState(repository: true, commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", branch: "main",
                        detached: false, dirty: false, diffDigest: nil),
        command: nil, exitStatus: nil, outcome: .recorded, startedAt: "2025-02-02T12:00:00Z", endedAt: nil,
        recordedBy: ada, note: "Table 2")

    static var records: [LedgerRecord] {
        [.artifact(baseRecord), .artifact(c4Record), .artifact(clinicalRecord), .artifact(tokenizerRecord),
         .artifact(tunedRecord), .artifact(metricsRecord), .availability(baseOpen), .availability(baseWithdrawn),
         .availability(baseRetained), .availability(clinicalPrivate), .experiment(fineTune), .experiment(evaluate)]
    }

    /// The records as one sorted snapshot; `shuffled` adds them in reverse and leaves them
    /// unsorted, to prove the exports do not depend on the order records were read in.
    static func snapshot(_ records: [LedgerRecord] = records, shuffled: Bool = false) throws -> LedgerSnapshot {
        var snapshot = LedgerSnapshot(ledgers: ["main"])
        for record in shuffled ? records.reversed() : records {
            snapshot.add(record, id: try RecordCodec.id(of: record), ledger: "main")
        }
        if !shuffled { snapshot.sort() }
        return snapshot
    }

    static func id(_ record: LedgerRecord) throws -> Digest { try RecordCodec.id(of: record) }
}

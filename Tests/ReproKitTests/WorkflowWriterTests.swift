import LedgerCore
@testable import LedgerExport
import Testing

/// The CycloneDX exporter writes each workflow straight to bytes; they must be the bytes of the
/// `OrderedJSON` tree the reference builds, for every branch: note, command, no repository,
/// detached, dirty with a diff, no end, no exit status, no inputs, repeated uses, roles,
/// escapes, and an output whose kind decides the task type.
@Suite struct WorkflowWriterTests {
    static let agent = Agent(user: "ada \"quoted\"", host: "lab\\01")

    static func use(_ label: String, _ name: String, role: String? = nil) -> ArtifactUse {
        ArtifactUse(digest: Digest.of(label), name: name, role: role)
    }

    static let experiments: [ExperimentRecord] = [
        ExperimentRecord(
            name: "Nguyễn run\n中文", ledger: "main", section: "tab:1",
            inputs: [use("a", "base", role: "base-model"), use("b", "data \"x\""), use("a", "base", role: "base-model")],
            outputs: [use("m", "model"), use("r", "scores")],
            code: CodeState(repository: true, commit: String(repeating: "c", count: 40), branch: "feature/x", detached: false,
                            dirty: true, diffDigest: Digest.of("diff")),
            command: ["python", "train.py", "--name", "it's \"here\""], exitStatus: 3, outcome: .failed,
            startedAt: "2025-01-02T03:04:05Z", endedAt: "2025-01-02T04:04:05Z", recordedBy: agent, note: "a note\twith a tab"),
        ExperimentRecord(
            name: "bare", ledger: "other", section: nil, inputs: [], outputs: [], code: .noRepository,
            command: nil, exitStatus: nil, outcome: .recorded, startedAt: "2025-01-01T00:00:00Z",
            endedAt: nil, recordedBy: agent, note: nil),
        ExperimentRecord(
            name: "detached", ledger: "main", section: "fig:2", inputs: [use("r", "scores", role: "eval")], outputs: [],
            code: CodeState(repository: true, commit: nil, branch: nil, detached: true, dirty: false, diffDigest: nil),
            command: [], exitStatus: 0, outcome: .interrupted, startedAt: "2025-01-03T00:00:00Z",
            endedAt: nil, recordedBy: agent, note: ""),
    ]

    static func model(_ digest: Digest) -> ExportedArtifact? {
        switch digest {
        case Digest.of("m"): ExportedArtifact(digest: digest, name: "model", kind: .checkpoint, layout: .file, size: 1, fileCount: 1)
        case Digest.of("r"): ExportedArtifact(digest: digest, name: "scores", kind: .result, layout: .file, size: 1, fileCount: 1)
        default: nil
        }
    }

    @Test(arguments: [0, 4])
    func bytesAreTheTreesBytes(indent: Int) {
        for (number, record) in Self.experiments.enumerated() {
            let entry = LedgerSnapshot.Entry(id: Digest.of("record \(number)"), ledger: record.ledger, value: record)
            var written: [UInt8] = []
            CycloneDXFormulation.writeWorkflow(entry, in: Self.model, to: &written, indent: indent)
            var expected: [UInt8] = []
            ReferenceWorkflow.workflow(entry, in: Self.model).write(to: &expected, indent: indent)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(record.name)")
        }
    }
}

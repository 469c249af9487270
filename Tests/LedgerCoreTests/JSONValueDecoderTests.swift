import Foundation
@testable import LedgerCore
import Testing

/// Records are decoded from the value parsed for the id check; `JSONDecoder` only words the
/// reason when that fails. Both must agree on every record, and the fast path must be taken.
@Suite struct JSONValueDecoderTests {
    static let agent = Agent(user: "ada", host: "lab-01")

    /// An experiment with every optional field set, an `Int32` exit status and nested records.
    static func fullExperiment() -> ExperimentRecord {
        var run = ExperimentRecord(
            name: "run-1", ledger: "main", section: "tab:2",
            inputs: [ArtifactUse(digest: Digest.of("base"), name: "base", role: "base-model", layout: .folder,
                                 verification: .verified, digestAfterRun: Digest.of("base"))],
            outputs: [ArtifactUse(digest: Digest.of("out"), name: "out")],
            code: CodeState(repository: true, commit: String(repeating: "a", count: 40), branch: "main", detached: false,
                            dirty: true, diffDigest: Digest.of("diff")),
            command: ["python", "train.py"], exitStatus: -9, outcome: .interrupted,
            startedAt: "2025-01-01T00:00:00Z", endedAt: "2025-01-01T01:00:00Z", recordedBy: agent, note: "Nguyễn 中文 \"q\"")
        run.interruptedBy = "SIGTERM"
        run.compute = ComputeRecord(wallMilliseconds: 3_600_000, userCPUMilliseconds: 12, systemCPUMilliseconds: 3, peakRSSBytes: nil,
                                    machine: MachineRecord(host: "gpu-1", cpuModel: nil, cpuCount: 64, memoryTotalBytes: 1 << 40,
                                                           gpus: [GPURecord(name: "H100", memoryMiB: 81_559, driver: "550")]))
        run.observedInputs = [ArtifactUse(digest: Digest.of("seen"), name: "seen")]
        run.unopenedInputs = []
        return run
    }

    static var records: [LedgerRecord] {
        [
            .experiment(fullExperiment()),
            .experiment(ExperimentRecord(
                name: "bare", ledger: "main", section: nil, inputs: [], outputs: [],
                code: CodeState(repository: false, commit: nil, branch: nil, detached: false, dirty: false, diffDigest: nil),
                command: nil, exitStatus: nil, outcome: .recorded, startedAt: "2025-01-01T00:00:00Z", endedAt: nil,
                recordedBy: agent, note: nil)),
            .artifact(ArtifactRecord(
                digest: Digest.of("weights"), name: "llama", kind: .checkpoint, layout: .folder, size: 1 << 40, fileCount: 3,
                sources: [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: "0e9e39f"), .localPath("models/llama")],
                license: "llama3.1", derivedFrom: [Digest.of("parent")], recordedAt: "2026-11-23T10:00:00Z", recordedBy: agent)),
            .availability(AvailabilityEvent(digest: Digest.of("weights"), status: .apiOnly, asOf: "2026-11-23", evidence: "https://x",
                                            note: nil, recordedAt: "2026-11-23T10:00:00Z", recordedBy: agent)),
        ]
    }

    @Test(arguments: records) func theParsedValueDecodesToTheRecordJSONDecoderGives(_ record: LedgerRecord) throws {
        let bytes = try RecordCodec.encode(record).fileBytes
        let value = try JSONParser.parse(bytes)
        let fast: LedgerRecord
        switch record {
        case .experiment: fast = .experiment(try JSONValueDecoder.decode(ExperimentRecord.self, from: value, codingPath: []))
        case .artifact: fast = .artifact(try JSONValueDecoder.decode(ArtifactRecord.self, from: value, codingPath: []))
        case .availability: fast = .availability(try JSONValueDecoder.decode(AvailabilityEvent.self, from: value, codingPath: []))
        default: Issue.record("no fast path for \(record)"); return
        }
        #expect(fast == record)
        #expect(try RecordCodec.decode(bytes).0 == record)
    }

    /// Values `JSONDecoder` might read differently (a fraction for an integer, a number out of
    /// `Int32`'s range, a wrong type, a missing or null required field, an unknown enum case) are
    /// refused here (by `JSONValueDecoder.refused` or the type's own error), so the reason is still `JSONDecoder`'s.
    @Test func doubtfulValuesAreLeftToJSONDecoderAndKeepItsMessage() throws {
        let base = try JSONParser.parse(RecordCodec.encode(.experiment(Self.fullExperiment())).fileBytes)
        guard case .object(let members) = base else { Issue.record("not an object"); return }
        let cases: [(String, JSONValue?, String)] = [
            ("exitStatus", .number(1.5), ""),
            ("exitStatus", .integer(1 << 40), ""),
            ("exitStatus", .string("0"), "field exitStatus: "),
            ("name", nil, "missing field name"),
            ("name", .null, "field name: "),
            ("outcome", .string("exploded"), "field outcome: "),
        ]
        for (key, replacement, reason) in cases {
            var changed = members
            changed[key] = replacement
            #expect(throws: (any Error).self) {
                try JSONValueDecoder.decode(ExperimentRecord.self, from: .object(changed), codingPath: [])
            }
            let bytes = try CanonicalJSON.bytes(.object(changed))
            let foundation = Result { try JSONDecoder().decode(ExperimentRecord.self, from: Data(bytes)) }
            guard case .failure(let error) = foundation else { Issue.record("JSONDecoder accepted \(key)"); continue }
            #expect(throws: RecordDefect.schemaViolation(RecordCodec.reason(error))) { try RecordCodec.decode(bytes) }
            #expect(RecordCodec.reason(error).hasPrefix(reason))
        }
    }
}

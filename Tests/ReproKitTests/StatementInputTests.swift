import Foundation
import LedgerCore
import LedgerIndex
import LedgerReport
import ReproKit
import Testing
import TestSupport

/// The statement pass reads each experiment out of the index with `ExperimentJSONReader` where it
/// can; what reaches the analysis must be exactly what decoding the record file gives.
@Suite struct StatementInputTests {
    static let agent = Agent(user: "ada", host: "lab-01")

    static func use(_ label: String, _ name: String) -> ArtifactUse { ArtifactUse(digest: Digest.of(label), name: name) }

    static let records: [ExperimentRecord] = {
        let compute = ComputeRecord(wallMilliseconds: 61_000, userCPUMilliseconds: 90_500, systemCPUMilliseconds: 1_250,
                                    peakRSSBytes: 2_147_483_648, machine: MachineRecord(
                                        host: "gpu-7", cpuModel: "EPYC \"Genoa\"", cpuCount: 64, memoryTotalBytes: 549_755_813_888,
                                        gpus: [GPURecord(name: "NVIDIA A100", memoryMiB: 81_920, driver: "535.104.05")]))
        var tricky = ExperimentRecord(
            name: "Nguyễn run 中文 ✓", ledger: "main", section: "tab:abl-ä",
            inputs: [use("a", "Nguyễn-中文 base"), use("b", "quote \" and \\ slash"), use("a", "Nguyễn-中文 base"), use("c", "e\u{301}")],
            outputs: [use("d", "out 🤖")],
            code: CodeState(repository: true, commit: String(repeating: "b", count: 40), branch: "feature/x", detached: false,
                            dirty: true, diffDigest: Digest.of("diff")),
            command: ["python", "x.py"], exitStatus: 1, outcome: .failed, startedAt: "2025-01-02T03:04:05Z",
            endedAt: "2025-01-02T04:04:05Z", recordedBy: agent, note: "a note")
        tricky.compute = compute
        let bare = ExperimentRecord(
            name: "bare", ledger: "main", section: nil, inputs: [], outputs: [], code: .noRepository,
            command: nil, exitStatus: nil, outcome: .succeeded, startedAt: "2025-01-01T00:00:00Z",
            endedAt: nil, recordedBy: agent, note: nil)
        let detached = ExperimentRecord(
            name: "detached", ledger: "main", section: "fig:1", inputs: [use("e", "e")], outputs: [],
            code: CodeState(repository: true, commit: nil, branch: nil, detached: true, dirty: false, diffDigest: nil),
            command: ["true"], exitStatus: 0, outcome: .interrupted, startedAt: "2025-01-03T00:00:00Z",
            endedAt: nil, recordedBy: agent, note: nil)
        return [tricky, bare, detached]
    }()

    @Test func fieldsReadByTheIndexAreTheRecordsFields() throws {
        let repo = try PaperRepository()
        let workspace = Workspace(top: repo.url, environment: PaperRepository.environment)
        _ = try workspace.initialize(ledger: "main")
        let store = LedgerStore(top: repo.url)
        var ids: [Digest: ExperimentRecord] = [:]
        for record in Self.records {
            let (file, _) = try store.write(.experiment(record), to: "main", durable: false)
            ids[try #require(Digest(parsing: file.id))] = record
        }
        // The same records with keys written with escapes: the same ids (named by their
        // canonical form), which SQLite's JSON functions alone would read as fields absent,
        // an error for a name, silently for an input's digest, a commit or a section.
        let spellings = [("name", "n\\u0061me"), ("digest", "d\\u0069gest"), ("commit", "c\\u006fmmit"),
                         ("section", "s\\u0065ction"), ("compute", "\\u0063ompute")]
        for (label, keys) in [("escaped keys", spellings), ("silently escaped keys", Array(spellings[1...3]))] {
            var escaped = Self.records[0]
            escaped.name = label
            let (file, _) = try store.write(.experiment(escaped), to: "main", durable: false)
            let path = repo.folder.child(file.relativePath)
            var text = try String(contentsOfFile: path, encoding: .utf8)
            for (key, spelled) in keys {
                #expect(text.contains("\"\(key)\""))
                text = text.replacingOccurrences(of: "\"\(key)\"", with: "\"\(spelled)\"")
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            ids[try #require(Digest(parsing: file.id))] = escaped
        }
        var seen = 0
        var table = RunTable.Builder()
        _ = try workspace.index().statementInput(SnapshotScope(ledgers: ["main"])) { entry in
            let record = try #require(ids[entry.id])
            seen += 1
            #expect(entry.value == record)
            table.append(entry.value)
            let run = table.table().runs.last!
            #expect(run.name == record.name)
            #expect(run.ledger == record.ledger)
            #expect(run.section == record.section)
            #expect(run.inputs.map(\.digest) == record.inputs.map(\.digest))
            #expect(run.inputs.map(\.name) == record.inputs.map(\.name))
            #expect(run.outputs.map(\.digest) == record.outputs.map(\.digest))
            #expect(run.outputs.map(\.name) == record.outputs.map(\.name))
            #expect(run.code == record.code)
            #expect(run.outcome == record.outcome)
            #expect(run.startedAt == record.startedAt)
            #expect(run.compute == record.compute)
        }
        #expect(seen == Self.records.count + 2)
    }
}

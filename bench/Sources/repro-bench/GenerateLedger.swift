import ArgumentParser
import Dispatch
import Foundation
import LedgerCore
import Synchronization

/// Writes a synthetic ledger shaped like a busy lab's: a few base checkpoints and
/// datasets feeding many runs, whose outputs feed further evaluations.
@main
struct GenerateLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repro-bench",
        abstract: "Generate a synthetic ledger for the scale benchmark (deterministic; records are not fsynced).")

    @Argument(help: "Work tree to write ledgers/main/ into (created).")
    var folder: String

    @Option(help: "Experiments to record.")
    var experiments = 100_000

    @Option(help: "Distinct artifacts in all.")
    var artifacts = 20_000

    @Option(help: "Base checkpoints among the artifacts.")
    var bases = 20

    @Option(help: "Datasets among the artifacts.")
    var datasets = 200

    func validate() throws {
        let outputs = artifacts - bases - datasets
        guard outputs >= 0, outputs <= experiments else {
            throw ValidationError("--artifacts (\(artifacts)) must be at least --bases + --datasets (\(bases + datasets)) and at most --experiments + --bases + --datasets (\(experiments + bases + datasets))")
        }
    }

    func run() throws {
        let top = URL(fileURLWithPath: folder)
        let store = LedgerStore(top: top)
        try store.createLedger("main")
        let agent = Agent(user: "bench", host: "bench-host")
        let outputs = artifacts - bases - datasets

        @Sendable func digest(_ label: String) -> Digest { Digest.of(label) }
        @Sendable func artifact(_ index: Int) -> ArtifactRecord {
            let kind: ArtifactKind = index < bases ? .checkpoint : index < bases + datasets ? .dataset : .checkpoint
            let name = index < bases ? "base-\(index)" : index < bases + datasets ? "dataset-\(index - bases)" : "finetune-\(index)"
            let parents = index >= bases + datasets ? [digest("artifact \((index - bases - datasets) % bases)")] : []
            return ArtifactRecord(
                digest: digest("artifact \(index)"), name: name, kind: kind, layout: .file, size: Int64(1_000 + index), fileCount: 1,
                sources: [.localPath("data/\(name)")], license: index < bases ? "llama3.1" : "cc-by-4.0",
                derivedFrom: parents, recordedAt: timestamp(index), recordedBy: agent)
        }
        @Sendable func experiment(_ index: Int) -> ExperimentRecord {
            let base = index % bases
            let dataset = bases + (index / bases) % datasets
            var inputs = [ArtifactUse(digest: digest("artifact \(base)"), name: "base-\(base)", role: "base-model"),
                          ArtifactUse(digest: digest("artifact \(dataset)"), name: "dataset-\(dataset - bases)", role: "train")]
            var produced: [ArtifactUse] = []
            if index < outputs {
                let out = bases + datasets + index
                produced.append(ArtifactUse(digest: digest("artifact \(out)"), name: "finetune-\(out)"))
            } else if outputs > 0 {
                let evaluated = bases + datasets + (index * 7919) % outputs
                inputs.append(ArtifactUse(digest: digest("artifact \(evaluated)"), name: "finetune-\(evaluated)", role: "eval"))
            }
            return ExperimentRecord(
                name: "run-\(index)", ledger: "main", section: "tab:\(index % 12)", inputs: inputs, outputs: produced,
                code: CodeState(repository: true, commit: String(repeating: "a", count: 40), branch: "main", detached: false,
                                dirty: index % 10 == 0, diffDigest: index % 10 == 0 ? digest("diff \(index)") : nil),
                command: ["python", "train.py", "--seed", "\(index)"], exitStatus: 0, outcome: .succeeded,
                startedAt: timestamp(index), endedAt: timestamp(index + 1), recordedBy: agent, note: nil)
        }

        let failures = Mutex<[String]>([])
        let total = artifacts + experiments
        DispatchQueue.concurrentPerform(iterations: 64) { worker in
            var index = worker
            while index < total {
                do {
                    let record: LedgerRecord = index < artifacts ? .artifact(artifact(index)) : .experiment(experiment(index - artifacts))
                    try store.write(record, to: "main", durable: false)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
                index += 64
            }
        }
        for base in 0..<bases where base % 4 == 0 {
            try store.write(.availability(AvailabilityEvent(
                digest: digest("artifact \(base)"), status: .withdrawn, asOf: "2025-07-23", evidence: nil, note: nil,
                recordedAt: timestamp(total), recordedBy: agent)), to: "main", durable: false)
        }
        if let first = failures.withLock({ $0.first }) { throw ValidationError("write failed: \(first)") }
        print("wrote \(artifacts) artifacts, \(experiments) experiments, \(bases / 4 + (bases % 4 == 0 ? 0 : 1)) events into \(store.folder(of: "main").path)")
    }

    /// Deterministic, increasing timestamps: one second apart from 2025-01-01.
    func timestamp(_ offset: Int) -> String {
        Timestamps.format(Date(timeIntervalSince1970: 1_735_689_600 + TimeInterval(offset)))
    }
}

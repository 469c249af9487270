import Foundation
import LedgerCore
import ReproKit
import Testing
import TestSupport
import SystemPackage

/// The ledger's behaviour through the library, as the CLI drives it.
@Suite struct LedgerWorkflowTests {
    let repo: PaperRepository
    let workspace: Workspace

    init() throws {
        repo = try PaperRepository()
        workspace = Workspace(top: repo.url, environment: PaperRepository.environment)
        _ = try workspace.initialize(ledger: "main")
    }

    func track(_ relative: String, _ name: String, kind: ArtifactKind = .dataset, license: String? = nil,
               ledger: String = "main", derivedFrom: [String] = []) throws -> TrackOutcome {
        var request = TrackRequest(path: FilePath(relative), name: name, kind: kind)
        request.license = license
        request.ledger = ledger
        request.derivedFrom = derivedFrom
        return try Workspace(top: repo.url, environment: PaperRepository.environment).track(request, from: repo.url)
    }

    func fresh() -> Workspace { Workspace(top: repo.url, environment: PaperRepository.environment) }

    @Test func initIsIdempotentAndIgnoresTheCache() throws {
        let again = try fresh().initialize(ledger: "main")
        #expect(again.created == false)
        #expect(again.gitignoreUpdated == false)
        let gitignore = try String(contentsOfFile: repo.folder.child(".gitignore"), encoding: .utf8)
        #expect(gitignore == ".repro/\n")
        #expect(FileManager.default.fileExists(atPath: repo.folder.child("ledgers/main/README.md")))
        #expect(try String(contentsOfFile: repo.folder.child("ledgers/.gitattributes"), encoding: .utf8) == "* -text\n")
        // A writer's temporary file is never committed, even if `repro commit` runs mid-write.
        let temporary = "ledgers/main/artifacts/ab/.\(String(repeating: "ab", count: 32)).json.tmp.123.456"
        #expect(try repo.git("check-ignore", temporary).stdout == temporary + "\n")
        #expect(throws: PaperRepository.GitFailure.self) { try repo.git("check-ignore", "ledgers/main/artifacts/ab/x.json") }
    }

    @Test func trackRecordsExactlyWhatWasHashed() throws {
        try repo.folder.write("data/train.csv", "id,text\n1,hello\n")
        let outcome = try track("data/train.csv", "train", license: "cc-by-4.0")
        #expect(outcome.digest == Digest.of("id,text\n1,hello\n"))
        #expect(outcome.layout == .file)
        #expect(outcome.created)
        let stored = try String(contentsOfFile: repo.folder.child(outcome.record), encoding: .utf8)
        #expect(stored.contains("\"license\" : \"cc-by-4.0\""))
        #expect(stored.contains("\"recordedAt\" : \"2026-01-01T00:00:00Z\""))
        // Tracking the same thing again at the same moment is the same record: nothing new is written.
        #expect(try track("data/train.csv", "train", license: "cc-by-4.0").created == false)
    }

    @Test func folderTrackKeepsItsManifestForVerify() throws {
        for name in ["a.txt", "b.txt", "sub/c.txt"] { try repo.folder.write("corpus/\(name)", "content of \(name)") }
        let outcome = try track("corpus", "corpus")
        #expect(outcome.layout == .folder)
        #expect(outcome.files == 3)
        #expect(try fresh().verify(["corpus"]).artifacts.map(\.status) == [.ok])

        try repo.folder.write("corpus/a.txt", "edited")
        try FileManager.default.removeItem(atPath: repo.folder.child("corpus/sub/c.txt"))
        try repo.folder.write("corpus/new.txt", "appeared")
        let report = try fresh().verify(["corpus"])
        let item = try #require(report.artifacts.first)
        #expect(item.status == .mismatch)
        #expect(item.changed == ["a.txt"])
        #expect(item.missing == ["sub/c.txt"])
        #expect(item.added == ["new.txt"])
        #expect(report.failed)
    }

    @Test func huggingFaceSnapshotIsRecognisedAndItsBlobsChecked() throws {
        let weights = "pretend safetensors"
        let config = "{\"hidden_size\": 8}"
        let hub = "hub/models--meta-llama--Llama-3.1-8B"
        try repo.folder.write("\(hub)/blobs/\(Digest.of(weights).hex)", weights)
        try repo.folder.write("\(hub)/blobs/\(Digest.of(config).hex)", config)
        let snapshot = repo.folder.child("\(hub)/snapshots/0e9e39f")
        try FileManager.default.createDirectory(atPath: snapshot, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: snapshot + "/model.safetensors", withDestinationPath: "../../blobs/\(Digest.of(weights).hex)")
        try FileManager.default.createSymbolicLink(atPath: snapshot + "/config.json", withDestinationPath: "../../blobs/\(Digest.of(config).hex)")
        let outcome = try track("\(hub)/snapshots/0e9e39f", "llama", kind: .checkpoint, license: "llama3.1")
        #expect(outcome.sources.first == .huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: "0e9e39f"))
        #expect(outcome.files == 2)

        // A blob whose bytes do not match its name is a corrupt download.
        try repo.folder.write("\(hub)/blobs/\(Digest.of(weights).hex)", "truncated")
        let before = try repo.ledgerSnapshot()
        #expect(throws: LedgerError.lfsBlobMismatch(path: snapshot + "/model.safetensors", expected: Digest.of(weights).hex,
                                                    actual: Digest.of("truncated").hex)) {
            try track("\(hub)/snapshots/0e9e39f", "llama-again", kind: .checkpoint)
        }
        #expect(try repo.ledgerSnapshot() == before)
    }

    @Test func lfsPointerIsRecordedByItsOid() throws {
        let oid = Digest.of("real weights not downloaded")
        try repo.folder.write("model.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:\(oid.hex)\nsize 123456789\n")
        let outcome = try track("model.bin", "pointer-model", kind: .checkpoint)
        #expect(outcome.digest == oid)
        #expect(outcome.layout == .lfsPointer)
        #expect(outcome.size == 123_456_789)
        #expect(try fresh().verify(["pointer-model"]).artifacts.map(\.status) == [.pointer])
    }

    @Test func artifactsAreFoundByNameDigestOrPrefix() throws {
        try repo.folder.write("x.bin", "x")
        let x = try track("x.bin", "x-data")
        for reference in ["x-data", x.digest.description, x.digest.hex, String(x.digest.hex.prefix(6)), "sha256:" + x.digest.hex.prefix(8)] {
            guard case .artifact(let summary) = try fresh().show(reference) else { Issue.record("not an artifact"); continue }
            #expect(summary.digest == x.digest, "\(reference)")
        }
        #expect(throws: LedgerError.unknownReference("x-dta", suggestions: ["x-data"])) { try fresh().show("x-dta") }
    }

    @Test func ambiguousPrefixListsTheCandidates() throws {
        // Find two contents whose digests share their first four hex digits.
        var seen: [String: Int] = [:]
        var pair: (Int, Int)?
        for index in 0..<100_000 {
            let prefix = String(Digest.of("content \(index)").hex.prefix(4))
            if let other = seen[prefix] { pair = (other, index); break }
            seen[prefix] = index
        }
        let (a, b) = try #require(pair)
        try repo.folder.write("a.bin", "content \(a)")
        try repo.folder.write("b.bin", "content \(b)")
        let first = try track("a.bin", "first")
        let second = try track("b.bin", "second")
        let prefix = String(first.digest.hex.prefix(4))
        let expected = [first, second].sorted { $0.digest < $1.digest }.map { "\($0.digest)  \($0.name)" }
        #expect(throws: LedgerError.ambiguousPrefix(prefix, candidates: expected)) { try fresh().show(prefix) }
    }

    @Test func affectedFollowsLineageAndRunsAcrossLedgers() throws {
        _ = try fresh().initialize(ledger: "followup")
        try repo.folder.write("base.bin", "base model")
        try repo.folder.write("ft.bin", "fine-tuned")
        try repo.folder.write("distilled.bin", "distilled")
        try repo.folder.write("unrelated.bin", "unrelated")
        _ = try track("base.bin", "base", kind: .checkpoint, license: "llama3")
        _ = try track("unrelated.bin", "unrelated")
        var tune = ExperimentRequest(name: "finetune")
        tune.uses = ["base"]
        tune.produces = ["ft=ft.bin"]
        tune.producesKind = .checkpoint
        tune.derivedFrom = ["base"]
        _ = try fresh().tag(tune, from: repo.url)
        var distil = ExperimentRequest(name: "distil")
        distil.ledger = "followup"
        distil.uses = ["ft", "unrelated"]
        distil.produces = ["distilled.bin"]
        _ = try fresh().tag(distil, from: repo.url)
        var evaluate = ExperimentRequest(name: "eval-distilled")
        evaluate.ledger = "followup"
        evaluate.uses = ["distilled.bin"]
        evaluate.section = "tab:distil"
        _ = try fresh().tag(evaluate, from: repo.url)

        let report = try fresh().affected(by: "base")
        #expect(report.experiments.map(\.name) == ["finetune", "distil", "eval-distilled"])
        #expect(report.experiments.map(\.ledger) == ["main", "followup", "followup"])
        #expect(report.artifacts.map { $0.names } == [["ft"], ["distilled.bin"]])
        #expect(report.artifacts.map(\.distance) == [1, 2])
        let unrelated = try fresh().affected(by: "unrelated")
        #expect(unrelated.experiments.map(\.name) == ["distil", "eval-distilled"])
    }

    @Test func experimentRecordsCodeState() throws {
        try repo.folder.write("train.py", "print('hi')\n")
        // Data lives outside git (ignored); untracked files that git does not ignore would count as code changes.
        try repo.folder.write(".gitignore", ".repro/\n*.bin\n")
        try repo.git("add", "train.py", ".gitignore")
        try repo.git("commit", "-q", "-m", "code")
        let head = try repo.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.folder.write("d.bin", "d")
        _ = try track("d.bin", "d")
        var request = ExperimentRequest(name: "clean-run")
        request.uses = ["d"]
        let clean = try fresh().tag(request, from: repo.url).experiment
        #expect(clean.code == CodeState(repository: true, commit: head, branch: "main", detached: false, dirty: false, diffDigest: nil))

        try repo.folder.write("train.py", "print('changed')\n")
        request.name = "dirty-run"
        let dirty = try fresh().tag(request, from: repo.url).experiment
        #expect(dirty.code.dirty)
        #expect(dirty.code.diffDigest != nil)
    }

    @Test func runPassesTheExitStatusThroughAndRecordsFailures() throws {
        try repo.folder.write("d.bin", "d")
        _ = try track("d.bin", "d")
        var request = ExperimentRequest(name: "crashes")
        request.uses = ["d"]
        let (outcome, status) = try fresh().run(request, command: ["sh", "-c", "exit 7"], from: repo.url)
        #expect(status == 7)
        #expect(outcome.experiment.outcome == .failed)
        #expect(outcome.experiment.exitStatus == 7)
        #expect(outcome.experiment.command == ["sh", "-c", "exit 7"])
        #expect(FileManager.default.fileExists(atPath: repo.folder.child(outcome.record)))
    }

    @Test func corruptRecordsAreSkippedAndNamedByFsck() throws {
        try repo.folder.write("good.bin", "good")
        try repo.folder.write("also.bin", "also good")
        let good = try track("good.bin", "good")
        let victim = try track("also.bin", "victim")
        // Truncate one record and add a file that does not hash to its name.
        let victimPath = repo.folder.child(victim.record)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: victimPath))
        try bytes.prefix(30).write(to: URL(fileURLWithPath: victimPath))
        let forged = String(repeating: "ab", count: 32)
        try repo.folder.write("ledgers/main/artifacts/ab/\(forged).json", String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.folder.child(good.record))), as: UTF8.self))
        // Left by a writer (pid 999999999: never alive) two hours ago, so abandoned.
        let leftover = try repo.folder.write("ledgers/main/artifacts/ab/.\(forged).json.tmp.999999999.456", "half a record")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: leftover)

        let workspace = fresh()
        guard case .artifact(let summary) = try workspace.show("good") else { Issue.record("good must still show"); return }
        #expect(summary.digest == good.digest)
        #expect(workspace.warnings.count == 2)
        #expect(workspace.warnings.contains { $0.contains(victim.record) })

        let report = try fresh().fsck()
        #expect(report.failed)
        #expect(report.removedTemporaryFiles == ["ledgers/main/artifacts/ab/.\(forged).json.tmp.999999999.456"])
        #expect(report.problems.map(\.path).sorted() == ["ledgers/main/artifacts/ab/\(forged).json", victim.record].sorted())
        #expect(report.problems.contains { $0.problem.contains("hashes to \(good.record.dropLast(5).suffix(64))") })
    }

    @Test func reindexGivesTheSameAnswers() throws {
        for index in 0..<5 {
            try repo.folder.write("f\(index).bin", "file \(index)")
            _ = try track("f\(index).bin", "file-\(index)")
        }
        _ = try fresh().recordAvailability(artifact: "file-1", status: .withdrawn, asOf: "2025-01-01", evidence: nil, note: nil, ledger: "main")
        let before = try fresh().listLedgers().map { "\($0.name) \($0.artifacts) \($0.events)" }
        let summaryBefore = try fresh().show("file-1")
        let outcome = try fresh().reindex()
        #expect(outcome.records == 6)
        try FileManager.default.removeItem(atPath: repo.folder.child(".repro"))
        #expect(try fresh().listLedgers().map { "\($0.name) \($0.artifacts) \($0.events)" } == before)
        guard case .artifact(let a) = summaryBefore, case .artifact(let b) = try fresh().show("file-1") else { Issue.record(); return }
        #expect(a.availability == b.availability)
        #expect(b.availability?.status == .withdrawn)
    }

    /// `git clean` or checking out an older commit removes whole fan-out folders; the
    /// incremental index must then answer as a rebuilt one does.
    @Test func recordsOfAVanishedFolderLeaveTheIndex() throws {
        for index in 0..<3 {
            try repo.folder.write("f\(index).bin", "file \(index)")
            _ = try track("f\(index).bin", "file-\(index)")
        }
        #expect(try fresh().listLedgers().map(\.artifacts) == [3])
        let record = try track("f0.bin", "file-0").record
        let folder = (repo.folder.child(record) as NSString).deletingLastPathComponent
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder).count
        try FileManager.default.removeItem(atPath: folder)
        #expect(try fresh().listLedgers().map(\.artifacts) == [3 - siblings])
        #expect(throws: (any Error).self) { try fresh().show("file-0") }
        let incremental = try fresh().listLedgers().map { "\($0.name) \($0.artifacts) \($0.events)" }
        _ = try fresh().reindex()
        #expect(try fresh().listLedgers().map { "\($0.name) \($0.artifacts) \($0.events)" } == incremental)
    }
}

import Foundation
import Testing
import TestSupport

/// Tracking real Hugging Face cache snapshots: names by repo id, every blob checked by
/// its name, license and lineage from the model card, warnings for what pins nothing.
@Suite struct HubSnapshotCLITests {
    let repo: PaperRepository
    static let baseCommit = "1111111111111111111111111111111111111111"
    static let tunedCommit = "2222222222222222222222222222222222222222"

    init() throws {
        repo = try PaperRepository()
        try repo.repro("init")
    }

    func snapshot(_ id: String, commit: String, card: String?) throws -> HubCacheSnapshot {
        var files: [(path: String, bytes: [UInt8], lfs: Bool)] = [
            ("config.json", Array("{\"model_type\": \"llama\"}\n".utf8), false),
            ("model.safetensors", deterministicBytes(count: 4096, seed: UInt64(commit.utf8.first!)), true),
            ("tokenizer/tokenizer_config.json", Array("{}\n".utf8), false),
        ]
        if let card { files.append((path: "README.md", bytes: Array(card.utf8), lfs: false)) }
        return try HubCacheSnapshot(in: repo.folder, repo: id, commit: commit, files: files)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The artifact record `track --json` names, as JSON.
    func record(_ tracked: Subprocess.Result) throws -> [String: Any] {
        let path = try #require(try json(tracked.stdout)["record"] as? String)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo.folder.child(path)))) as? [String: Any])
    }

    @Test func snapshotIsNamedByRepoIdWithLicenseAndLineageFromItsCard() throws {
        let base = try snapshot("meta-llama/Llama-3.1-8B", commit: Self.baseCommit, card: "---\nlicense: llama3.1\n---\n# Llama\n")
        let tracked = try repo.repro("track", base.path, "--kind", "checkpoint", "--json")
        #expect(tracked.status == 0, "\(tracked.stderr)")
        #expect(tracked.stderr == "")
        let baseRecord = try record(tracked)
        #expect(baseRecord["name"] as? String == "meta-llama/Llama-3.1-8B")
        #expect(baseRecord["license"] as? String == "llama3.1")
        let baseDigest = try #require(baseRecord["digest"] as? String)

        let tuned = try snapshot("ada/llama-ft", commit: Self.tunedCommit, card: """
            ---
            license: llama3.1
            base_model:
              - meta-llama/Llama-3.1-8B
              - mistralai/Mistral-7B-v0.1
            base_model_relation: merge
            datasets: [allenai/c4]
            ---
            """)
        let second = try repo.repro("track", tuned.path, "--kind", "checkpoint", "--json")
        #expect(second.status == 0, "\(second.stderr)")
        let tunedRecord = try record(second)
        #expect(tunedRecord["name"] as? String == "ada/llama-ft")
        #expect(tunedRecord["derivedFrom"] as? [String] == [baseDigest])
        #expect(tunedRecord["externalParents"] as? [String] == ["mistralai/Mistral-7B-v0.1"])
        let card = try #require(tunedRecord["card"] as? [String: Any])
        #expect(card["baseModelRelation"] as? String == "merge")
        #expect(card["datasets"] as? [String] == ["allenai/c4"])

        let shown = try repo.repro("show", "ada/llama-ft")
        #expect(shown.stdout.contains("  base models:  mistralai/Mistral-7B-v0.1 (external, not tracked)\n"))
        #expect(shown.stdout.contains("  license:      llama3.1\n"))
        let affected = try repo.repro("affected", "mistralai/Mistral-7B-v0.1")
        #expect(affected.status == 0, "\(affected.stderr)")
        #expect(affected.stdout.hasPrefix("depends on mistralai/Mistral-7B-v0.1 (external parent, not tracked):\n"))
        #expect(affected.stdout.contains("  artifact    sha256:"))
        #expect(affected.stdout.contains("  ada/llama-ft  (1 step away)\n"))
        let fromBase = try repo.repro("affected", "meta-llama/Llama-3.1-8B")
        #expect(fromBase.stdout.contains("ada/llama-ft  (1 step away)\n"))
    }

    @Test func otherLicenseAndFlagsThatWin() throws {
        let snap = try snapshot("coqui/XTTS-v2", commit: Self.baseCommit, card: """
            ---
            license: other
            license_name: coqui-public-model-license
            license_link: https://coqui.ai/cpml
            base_model: coqui/XTTS-v1
            ---
            """)
        try repo.folder.write("data/train.csv", "a\n")
        #expect(try repo.repro("track", "data/train.csv", "--name", "train", "--kind", "dataset", "--license", "MIT").status == 0)
        let tracked = try repo.repro("track", snap.path, "--kind", "checkpoint", "--license", "Apache-2.0", "--derived-from", "train", "--json")
        #expect(tracked.status == 0, "\(tracked.stderr)")
        #expect(tracked.stderr == """
            repro: warning: --license Apache-2.0 differs from the model card's license LicenseRef-coqui-public-model-license; recording --license Apache-2.0
            repro: warning: --derived-from train differs from the model card's base_model coqui/XTTS-v1; recording --derived-from

            """)
        let written = try record(tracked)
        #expect(written["license"] as? String == "Apache-2.0")
        #expect(written["externalParents"] == nil)
        let other = try snapshot("coqui/XTTS-v3", commit: Self.tunedCommit, card: "---\nlicense: other\nlicense_name: coqui-public-model-license\n---\n")
        let cardOnly = try repo.repro("track", other.path, "--kind", "checkpoint", "--json")
        #expect(try record(cardOnly)["license"] as? String == "LicenseRef-coqui-public-model-license")
    }

    @Test func noLicenseAndUnpinnedOrContradictingRevisionsAreWarnedAbout() throws {
        let snap = try snapshot("org/no-card", commit: Self.baseCommit, card: nil)
        let tracked = try repo.repro("track", snap.path, "--kind", "checkpoint", "--hf", "org/no-card@main")
        #expect(tracked.status == 0, "\(tracked.stderr)")
        #expect(tracked.stderr == """
            repro: warning: --hf org/no-card@main contradicts the snapshot path, which says org/no-card@\(Self.baseCommit); recording org/no-card@\(Self.baseCommit), the revision whose bytes were hashed (--force-hf records --hf instead)
            repro: warning: no license recorded: neither --license nor the model card (README.md `license:`) gives one

            """)
        let forced = try repo.repro("track", snap.path, "--kind", "checkpoint", "--hf", "org/no-card@main", "--force-hf", "--license", "MIT", "--json")
        #expect(forced.stderr == """
            repro: warning: --hf org/no-card@main contradicts the snapshot path, which says org/no-card@\(Self.baseCommit); recording --hf as --force-hf asks
            repro: warning: revision "main" of org/no-card pins nothing: the Hub can move `main`; give the 40-hex commit (--hf org/no-card@<commit>)

            """)
        #expect(try json(forced.stdout)["sources"].map { "\($0)" }?.contains("main") == true)
        try repo.folder.write("weights.bin", "w\n")
        let plain = try repo.repro("track", "weights.bin", "--kind", "checkpoint", "--hf", "org/x@v1.0", "--license", "MIT")
        #expect(plain.stderr == "repro: warning: revision \"v1.0\" of org/x pins nothing: the Hub can move `v1.0`; give the 40-hex commit (--hf org/x@<commit>)\n")
        let unnamed = try repo.repro("track", "weights.bin", "--kind", "checkpoint")
        #expect(unnamed.status == 2)
        #expect(unnamed.stderr == "repro: error: --name is required unless PATH is a Hugging Face snapshot (then its repo id is the name)\n")
    }

    @Test func everyBlobIsCheckedByItsNameInTrackHashAndVerify() throws {
        let snap = try snapshot("org/model", commit: Self.baseCommit, card: "---\nlicense: mit\n---\n")
        let tracked = try repo.repro("track", snap.path, "--kind", "checkpoint", "--json")
        #expect(tracked.status == 0, "\(tracked.stderr)")
        // The manifest keeps the git blob ids of the non-LFS files, not of the LFS one.
        let manifests = try FileManager.default.subpathsOfDirectory(atPath: repo.folder.child("ledgers/main/manifests")).filter { $0.hasSuffix(".json") }
        #expect(manifests.count == 1)
        let manifest = try String(contentsOfFile: repo.folder.child("ledgers/main/manifests/" + manifests[0]), encoding: .utf8)
        #expect(manifest.contains("\"gitBlob\" : \"\(snap.blobNames["config.json"]!)\""))
        #expect(manifest.contains("\"gitBlob\" : \"\(snap.blobNames["tokenizer/tokenizer_config.json"]!)\""))
        #expect(manifest.components(separatedBy: "gitBlob").count == 4)
        #expect(try repo.repro("verify").status == 0)

        // A corrupt non-LFS file: same size, other bytes; only its git blob SHA-1 can tell.
        let blob = snap.blobNames["tokenizer/tokenizer_config.json"]!
        try snap.corrupt("tokenizer/tokenizer_config.json", with: Array("[]\n".utf8))
        let corruptID = try Subprocess.run(["git", "hash-object", snap.blobs + "/" + blob]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let hashed = try repo.repro("hash", "--no-cache", snap.path)
        #expect(hashed.status == 1)
        #expect(hashed.stderr == "repro: error: \(snap.path)/tokenizer/tokenizer_config.json: Hugging Face blob named \(blob) has git blob SHA-1 \(corruptID); the download is corrupt\n")
        let before = try repo.ledgerSnapshot()
        let again = try repo.repro("track", snap.path, "--name", "again", "--kind", "checkpoint", "--no-cache")
        #expect(again.status == 1)
        #expect(again.stderr.hasSuffix("tokenizer_config.json: Hugging Face blob named \(blob) has git blob SHA-1 \(corruptID); the download is corrupt\n"))
        #expect(try repo.ledgerSnapshot() == before)
        let verified = try repo.repro("verify", "--no-cache")
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("    corrupt  tokenizer/tokenizer_config.json (blob \(blob), git blob SHA-1 \(corruptID))\n"))

        // A corrupt LFS file is named by SHA-256.
        let lfs = try snapshot("org/other", commit: Self.tunedCommit, card: nil)
        try lfs.corrupt("model.safetensors", with: deterministicBytes(count: 4096, seed: 7))
        let lfsHash = try repo.repro("hash", "--no-cache", lfs.path + "/model.safetensors")
        #expect(lfsHash.status == 1)
        #expect(lfsHash.stderr.contains("model.safetensors: Hugging Face blob named \(lfs.blobNames["model.safetensors"]!) hashes to "))
    }

    @Test func foldersOutsideSnapshotsKeepTheirManifestBytes() throws {
        try repo.folder.write("plain/a.txt", "a\n")
        try repo.folder.write("plain/b.txt", "b\n")
        #expect(try repo.repro("track", "plain", "--name", "plain", "--kind", "dataset", "--license", "MIT").status == 0)
        let manifests = try FileManager.default.subpathsOfDirectory(atPath: repo.folder.child("ledgers/main/manifests")).filter { $0.hasSuffix(".json") }
        let text = try String(contentsOfFile: repo.folder.child("ledgers/main/manifests/" + manifests[0]), encoding: .utf8)
        #expect(!text.contains("gitBlob"))
        #expect(text.contains("""
                {
                  "digest" : "sha256:87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7",
                  "path" : "a.txt",
                  "size" : 2
                },
            """))
    }
}

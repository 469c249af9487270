import Foundation
import LedgerCore
import Testing
import TestSupport

/// Finding a snapshot by repository and revision, with every part of the path
/// coming from an untrusted record.
@Suite struct HuggingFaceCacheTests {
    static let commit = "89abcdef0123456789abcdef0123456789abcdef"

    @Test func rootFollowsHuggingFaceHubPrecedence() {
        let home = ["HOME": "/home/ada"]
        #expect(HuggingFaceCache(environment: home).root == "/home/ada/.cache/huggingface/hub")
        #expect(HuggingFaceCache(environment: home.merging(["XDG_CACHE_HOME": "/x"]) { $1 }).root == "/x/huggingface/hub")
        #expect(HuggingFaceCache(environment: home.merging(["XDG_CACHE_HOME": "/x", "HF_HOME": "~/hf"]) { $1 }).root == "/home/ada/hf/hub")
        #expect(HuggingFaceCache(environment: home.merging(["HF_HOME": "/hf", "HUGGINGFACE_HUB_CACHE": "/legacy"]) { $1 }).root == "/legacy")
        #expect(HuggingFaceCache(environment: home.merging(["HF_HOME": "/hf", "HUGGINGFACE_HUB_CACHE": "/legacy", "HF_HUB_CACHE": "/hub"]) { $1 }).root == "/hub")
        #expect(HuggingFaceCache(environment: home.merging(["HF_HUB_CACHE": "", "HF_HOME": "/hf"]) { $1 }).root == "/hf/hub")
    }

    @Test func findsCommitsBranchesAndTypedRepositories() throws {
        let hub = try TemporaryFolder("hub")
        try hub.write("models--acme--tiny/snapshots/\(Self.commit)/sub/w.bin", "w")
        try hub.write("models--acme--tiny/refs/main", Self.commit)          // no trailing newline, as huggingface_hub writes it
        try hub.write("models--acme--tiny/refs/refs/pr/1", Self.commit + "\n")
        try hub.write("datasets--corpus/snapshots/\(Self.commit)/part.jsonl", "{}")
        let cache = HuggingFaceCache(root: hub.path)
        let snapshot = hub.child("models--acme--tiny/snapshots/\(Self.commit)")
        #expect(cache.snapshot(repository: "acme/tiny", revision: Self.commit, file: nil) == snapshot)
        #expect(cache.snapshot(repository: "acme/tiny", revision: "main", file: "sub/w.bin") == snapshot + "/sub/w.bin")
        #expect(cache.snapshot(repository: "acme/tiny", revision: "refs/pr/1", file: nil) == snapshot)
        #expect(cache.snapshot(repository: "models/acme/tiny", revision: "main", file: nil) == snapshot)
        #expect(cache.snapshot(repository: "corpus", revision: Self.commit, file: "part.jsonl")
                == hub.child("datasets--corpus/snapshots/\(Self.commit)/part.jsonl"))
        #expect(cache.snapshot(repository: "acme/tiny", revision: "dev", file: nil) == nil)
        #expect(cache.snapshot(repository: "acme/tiny", revision: Self.commit, file: "absent.bin") == nil)
    }

    /// Parts that are not plain names never reach the file system, so nothing outside the cache is found.
    @Test func refusesPartsThatLeaveTheCache() throws {
        let outer = try TemporaryFolder("outer")
        try outer.write("secret/snapshots/\(Self.commit)/x", "secret")
        try outer.write("hub/models--acme--tiny/snapshots/\(Self.commit)/w.bin", "w")
        try outer.write("hub/models--acme--tiny/refs/evil", "../../../secret")
        let cache = HuggingFaceCache(root: outer.child("hub"))
        for (repository, revision, file) in [
            ("acme/tiny", Self.commit, "../../../../secret/snapshots/\(Self.commit)/x"),
            ("acme/tiny", Self.commit, "/etc/passwd"), ("acme/tiny", Self.commit, "./w.bin"), ("acme/tiny", Self.commit, "a//w.bin"),
            ("acme/tiny", "../../../secret/snapshots/\(Self.commit)", "x"), ("acme/tiny", "evil", nil),
            ("..", Self.commit, nil), ("acme/../..", Self.commit, nil), ("a--b/tiny", Self.commit, nil), ("a/b/c/d", Self.commit, nil),
            ("", Self.commit, nil), ("acme/tiny\n", Self.commit, nil),
        ] as [(String, String, String?)] {
            #expect(cache.snapshot(repository: repository, revision: revision, file: file) == nil, "\(repository) \(revision) \(file ?? "-")")
        }
    }

    @Test func fileWithinSnapshotReadsOnlyThePath() {
        #expect(HuggingFaceCache.fileWithinSnapshot("/h/models--a--b/snapshots/\(Self.commit)/sub/w.bin") == "sub/w.bin")
        #expect(HuggingFaceCache.fileWithinSnapshot("/h/models--a--b/snapshots/\(Self.commit)") == nil)
        #expect(HuggingFaceCache.fileWithinSnapshot("/data/w.bin") == nil)
    }

    /// Records written before machine-local locations carry absolute paths; they still
    /// decode, and their bytes (hence their ids) are unchanged.
    @Test func oldRecordsWithAbsolutePathsKeepTheirBytes() throws {
        let record = ArtifactRecord(
            digest: Digest.of("weights"), name: "llama", kind: .checkpoint, layout: .file, size: 7, fileCount: 1,
            sources: [.huggingFace(repo: "acme/tiny", revision: "main"), .localPath("/home/ada/.cache/huggingface/hub/models--acme--tiny/snapshots/\(Self.commit)/w.bin")],
            license: nil, derivedFrom: [], recordedAt: "2026-01-01T00:00:00Z", recordedBy: Agent(user: "ada", host: "lab-01"))
        let encoded = try RecordCodec.encode(.artifact(record))
        let canonical = #"{"derivedFrom":[],"digest":"sha256:\#(Digest.of("weights").hex)","fileCount":1,"kind":"checkpoint","layout":"file","name":"llama","recordedAt":"2026-01-01T00:00:00Z","recordedBy":{"host":"lab-01","user":"ada"},"schema":"repro.artifact/1","size":7,"sources":[{"repo":"acme/tiny","revision":"main","type":"huggingface"},{"path":"/home/ada/.cache/huggingface/hub/models--acme--tiny/snapshots/\#(Self.commit)/w.bin","type":"path"}]}"#
        #expect(encoded.id == Digest.of(canonical))
        let (decoded, id) = try RecordCodec.decode(encoded.fileBytes, expectedID: encoded.id.hex, folder: "artifacts")
        #expect(decoded == .artifact(record))
        #expect(id == encoded.id)
    }
}

import Foundation
import LedgerCore
import Testing
import TestSupport

/// Machine-local locations as users meet them: records without absolute paths, copies
/// remembered in `.repro/`, a co-author's hostile record that `verify` never opens.
@Suite struct LocationsCLITests {
    static func absent(_ name: String) -> String {
        "absent    \(name)  no copy on this machine (not checked; `repro locate \(name) PATH` names one)"
    }

    /// Every byte under `ledgers/`, as one string, to search for leaked paths.
    static func ledgerText(_ repo: PaperRepository) throws -> String {
        try repo.ledgerSnapshot().values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    static func initialized() throws -> PaperRepository {
        let repo = try PaperRepository()
        try #require(try repo.repro("init").status == 0)
        return repo
    }

    @Test func copyOutsideTheWorkTreeIsRememberedNotRecorded() throws {
        let repo = try Self.initialized()
        let outside = try TemporaryFolder("outside")
        let weights = try outside.write("weights.bin", deterministicBytes(count: 4096))
        let digest = Digest.of(deterministicBytes(count: 4096))
        let hub = try TemporaryFolder("empty-hub")
        let env = ["HF_HUB_CACHE": hub.path]

        let tracked = try repo.repro("track", weights, "--name", "weights", "--kind", "checkpoint", environment: env)
        #expect(tracked.status == 0, "\(tracked.stderr)")
        #expect(tracked.stdout.hasSuffix("  outside the work tree: this machine remembers \(weights) (not recorded)\n"))
        let ledger = try Self.ledgerText(repo)
        #expect(ledger.contains(digest.hex))
        #expect(!ledger.contains(outside.path))
        #expect(!ledger.contains("\"type\" : \"path\""))

        let verified = try repo.repro("verify", environment: env)
        #expect(verified.status == 0)
        #expect(verified.stdout == "ok        weights  \(weights)\nall present artifacts match their recorded digests\n")

        // Without the machine-local store this machine knows no copy.
        try FileManager.default.removeItem(atPath: repo.folder.child(".repro/locations.sqlite"))
        let forgotten = try repo.repro("verify", environment: env)
        #expect(forgotten.status == 0)
        #expect(forgotten.stdout == Self.absent("weights") + "\nno copy of these artifacts is on this machine; nothing was checked\n")
    }

    /// Grace commits records naming files outside the repository (absolute, `../`, and through a
    /// committed symlink); Ada pulls them. Ada's `verify` opens none of them.
    @Test func coAuthorsRecordedPathsAreNeverOpened() throws {
        let ada = try Self.initialized()
        try ada.folder.write("weights.bin", deterministicBytes(count: 1000, seed: 7))
        try #require(try ada.repro("track", "weights.bin", "--name", "weights", "--kind", "checkpoint").status == 0)
        try ada.git("add", "-A")
        try ada.git("commit", "-q", "-m", "ledger")
        let grace = try PaperRepository(cloning: ada)

        let sentinel = try TemporaryFolder("sentinel")
        var secrets: [String: [UInt8]] = [:]
        for (index, name) in ["stolen-abs", "stolen-rel", "stolen-link"].enumerated() {
            secrets[name] = Array("secret \(index) of \(sentinel.path)\n".utf8)
            try sentinel.write("\(name).txt", secrets[name]!)
        }
        let climb = String(repeating: "../", count: 12) + sentinel.path.dropFirst()
        let recordedPaths = ["stolen-abs": sentinel.child("stolen-abs.txt"), "stolen-rel": climb + "/stolen-rel.txt",
                             "stolen-link": "data/stolen-link.txt"]
        try FileManager.default.createSymbolicLink(atPath: grace.folder.child("data"), withDestinationPath: sentinel.path)
        let store = LedgerStore(top: grace.url)
        for (name, path) in recordedPaths {
            let bytes = secrets[name]!
            let record = ArtifactRecord(
                digest: Digest.of(bytes), name: name, kind: .other, layout: .file, size: Int64(bytes.count), fileCount: 1,
                sources: [.localPath(path)], license: nil, derivedFrom: [], recordedAt: "2026-01-01T00:00:00Z",
                recordedBy: Agent(user: "grace", host: "lab-02"))
            _ = try store.write(.artifact(record), to: "main")
        }
        try grace.git("add", "-A")
        try grace.git("commit", "-q", "-m", "hostile records")
        try ada.git("pull", "-q", "--no-rebase", grace.path, "main")

        let hub = try TemporaryFolder("empty-hub")
        let trace = try TemporaryFolder("trace")
        let env = PaperRepository.environment.merging(["HF_HUB_CACHE": hub.path]) { _, new in new }
        let result = try Subprocess.run(["strace", "-f", "-e", "trace=open,openat,openat2,creat,truncate,execve", "-o", trace.child("log"),
                                         ReproBinary.path, "verify", "--no-cache"], in: ada.path, environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "all present artifacts match their recorded digests")
        #expect(lines.dropLast().sorted() == [Self.absent("stolen-abs"), Self.absent("stolen-link"), Self.absent("stolen-rel"),
                                              "ok        weights  weights.bin"])
        let log = try String(contentsOfFile: trace.child("log"), encoding: .utf8)
        #expect(log.contains("weights.bin"), "the trace must see the opens it is meant to police")
        #expect(!log.contains("stolen-"), "verify opened a path from a co-author's record:\n\(log.split(separator: "\n").filter { $0.contains("stolen-") }.joined(separator: "\n"))")
        #expect(!log.contains(sentinel.path))

        // Ada has her own copy of one of them: `locate` checks its bytes, then `verify` uses it.
        let mine = try TemporaryFolder("ada-data")
        let copy = try mine.write("copy.txt", secrets["stolen-abs"]!)
        let located = try ada.repro("locate", "stolen-abs", copy, environment: ["HF_HUB_CACHE": hub.path])
        #expect(located.status == 0, "\(located.stderr)")
        let short = "sha256:" + Digest.of(secrets["stolen-abs"]!).hex.prefix(12)
        #expect(located.stdout == "stolen-abs (\(short)) is at \(copy) on this machine; remembered in .repro/locations.sqlite\n")
        let after = try ada.repro("verify", "stolen-abs", environment: ["HF_HUB_CACHE": hub.path])
        #expect(after.status == 0)
        #expect(after.stdout == "ok        stolen-abs  \(copy)\nall present artifacts match their recorded digests\n")

        // The wrong bytes are refused with both digests, and nothing is remembered.
        let before = try ada.ledgerSnapshot()
        let wrong = try ada.repro("locate", "stolen-rel", copy, environment: ["HF_HUB_CACHE": hub.path])
        #expect(wrong.status == 1)
        #expect(wrong.stdout == "")
        #expect(wrong.stderr == "repro: error: \(copy) is not a copy of stolen-rel: recorded \(Digest.of(secrets["stolen-rel"]!)) (file), "
                + "found \(Digest.of(secrets["stolen-abs"]!)) (file); nothing remembered\n")
        let still = try ada.repro("verify", "stolen-rel", environment: ["HF_HUB_CACHE": hub.path])
        #expect(still.stdout == Self.absent("stolen-rel") + "\nno copy of these artifacts is on this machine; nothing was checked\n")
        #expect(try ada.ledgerSnapshot() == before)
    }

    /// A snapshot is found in this machine's cache (`HF_HUB_CACHE`) by repository and
    /// revision — a commit, or a branch through `refs/` — built as huggingface_hub builds it.
    @Test func huggingFaceSnapshotIsFoundInThisMachinesCache() throws {
        let commit = "0123456789abcdef0123456789abcdef01234567"
        let model = deterministicBytes(count: 3000, seed: 11)
        let config = Array("{\"hidden\": 8}\n".utf8)
        func buildCache(_ label: String) throws -> TemporaryFolder {
            let hub = try TemporaryFolder(label)
            let repoFolder = "models--acme--tiny"
            try hub.write("\(repoFolder)/refs/main", commit)
            for (name, bytes) in [("model.bin", model), ("config.json", config)] {
                let blob = Digest.of(bytes).hex
                try hub.write("\(repoFolder)/blobs/\(blob)", bytes)
                try FileManager.default.createDirectory(atPath: hub.child("\(repoFolder)/snapshots/\(commit)"), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: hub.child("\(repoFolder)/snapshots/\(commit)/\(name)"),
                                                           withDestinationPath: "../../blobs/\(blob)")
            }
            return hub
        }
        let ada = try Self.initialized()
        let adaHub = try buildCache("ada-hub")
        let snapshot = adaHub.child("models--acme--tiny/snapshots/\(commit)")
        let env = ["HF_HUB_CACHE": adaHub.path]
        try #require(try ada.repro("track", snapshot + "/model.bin", "--name", "tiny-weights", "--kind", "checkpoint", environment: env).status == 0)
        try #require(try ada.repro("track", snapshot, "--name", "tiny", "--kind", "checkpoint", "--hf", "acme/tiny@main", environment: env).status == 0)
        let ledger = try Self.ledgerText(ada)
        #expect(!ledger.contains(adaHub.path))
        #expect(ledger.contains("\"path\" : \"model.bin\""))
        try ada.git("add", "-A")
        try ada.git("commit", "-q", "-m", "ledger")

        // Grace's machine has its own cache elsewhere, and no location store.
        let grace = try PaperRepository(cloning: ada)
        let graceHub = try buildCache("grace-hub")
        let graceSnapshot = graceHub.child("models--acme--tiny/snapshots/\(commit)")
        let found = try grace.repro("verify", environment: ["HF_HUB_CACHE": graceHub.path])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.split(separator: "\n").sorted() == [
            "all present artifacts match their recorded digests", "ok        tiny  \(graceSnapshot)",
            "ok        tiny-weights  \(graceSnapshot)/model.bin",
        ])
        // HF_HOME/hub is the next place looked; an empty one holds no copy.
        let elsewhere = try TemporaryFolder("hf-home")
        let none = try grace.repro("verify", environment: ["HF_HUB_CACHE": "", "HF_HOME": elsewhere.path])
        #expect(none.stdout.split(separator: "\n").sorted() == [
            Substring(Self.absent("tiny")), Substring(Self.absent("tiny-weights")), "no copy of these artifacts is on this machine; nothing was checked",
        ])
        try FileManager.default.moveItem(atPath: graceHub.path, toPath: elsewhere.child("hub"))
        let viaHome = try grace.repro("verify", "tiny-weights", environment: ["HF_HUB_CACHE": "", "HF_HOME": elsewhere.path])
        #expect(viaHome.stdout == "ok        tiny-weights  \(elsewhere.path)/hub/models--acme--tiny/snapshots/\(commit)/model.bin\n"
                + "all present artifacts match their recorded digests\n")
    }

    /// A FIFO where an artifact was is reported; the other artifacts are still checked.
    @Test func oneBadArtifactDoesNotStopTheOthers() throws {
        let repo = try Self.initialized()
        try repo.folder.write("a.bin", deterministicBytes(count: 100, seed: 10))
        try repo.folder.write("b.bin", deterministicBytes(count: 100, seed: 20))
        try repo.folder.write("c.bin", deterministicBytes(count: 100, seed: 40))
        for name in ["a", "b", "c"] {
            try #require(try repo.repro("track", "\(name).bin", "--name", name, "--kind", "other").status == 0)
        }
        try FileManager.default.removeItem(atPath: repo.folder.child("b.bin"))
        try Subprocess.run(["mkfifo", repo.folder.child("b.bin")])
        let hub = try TemporaryFolder("empty-hub")
        let result = try repo.repro("verify", environment: ["HF_HUB_CACHE": hub.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "1 artifact could not be checked")
        #expect(lines.dropLast().sorted() == [
            "PROBLEM   b  b.bin: is a FIFO (named pipe), not a regular file or folder; refusing to hash it (not checked)",
            "ok        a  a.bin", "ok        c  c.bin",
        ])
        let json = try repo.repro("verify", "--json", "b", environment: ["HF_HUB_CACHE": hub.path])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [[String: Any]]]
        let item = try #require(object?["artifacts"]?.first)
        #expect(item["status"] as? String == "problem")
        #expect(item["place"] as? String == "work-tree")
    }

    /// A recorded manifest naming `../escape.txt` is a defect: every reader refuses the record
    /// (a co-author's clone can still carry one), so its path is never joined to anything.
    @Test func manifestPathWithDotDotIsADefect() throws {
        let repo = try Self.initialized()
        try repo.folder.write("d/x.txt", "now\n")
        let manifest = FolderManifest(entries: [.init(path: Array("../escape.txt".utf8), digest: Digest.of("then\n"), size: 5)])
        // Written by hand: repro itself refuses to write such a record.
        let hostile = LedgerRecord.manifest(ManifestRecord(manifest))
        let id = try RecordCodec.id(of: hostile).hex
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        _ = try repo.folder.write("ledgers/main/manifests/\(id.prefix(2))/\(id).json",
                              String(decoding: try encoder.encode(ManifestRecord(manifest)), as: UTF8.self))
        _ = try LedgerStore(top: repo.url).write(.artifact(ArtifactRecord(
            digest: manifest.digest, name: "d", kind: .dataset, layout: .folder, size: 5, fileCount: 1, sources: [.localPath("d")],
            license: nil, derivedFrom: [], recordedAt: "2026-01-01T00:00:00Z", recordedBy: Agent(user: "grace", host: "lab-02"))), to: "main")
        let hub = try TemporaryFolder("empty-hub")
        let result = try repo.repro("verify", environment: ["HF_HUB_CACHE": hub.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout == "MISMATCH  d  d: recorded sha256:\(manifest.digest.hex.prefix(12)), now "
                + "sha256:\(Digest.of("\(Digest.of("now\n").hex)  x.txt\n").hex.prefix(12))\n1 artifact changed\n")
        #expect(result.stderr.contains("ledgers/main/manifests/\(id.prefix(2))/\(id).json: invalid field entries[0].path"))
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 1)
        #expect(fsck.stdout.contains("ledgers/main/manifests/\(id.prefix(2))/\(id).json: invalid field entries[0].path"))
    }

    /// `locate` names the artifact and hashes the path first: unknown names and special files are
    /// bad input (2), other bytes or another layout a failed check (1); only a copy is remembered.
    @Test func locateRemembersOnlyACopy() throws {
        let repo = try Self.initialized()
        try repo.folder.write("w.bin", "abc")
        try #require(try repo.repro("track", "w.bin", "--name", "w", "--kind", "other").status == 0)
        let outside = try TemporaryFolder("outside")
        let copy = try outside.write("w.bin", "abc")
        let pipes = try TemporaryFolder("pipes")
        try Subprocess.run(["mkfifo", pipes.child("fifo")])
        let hub = try TemporaryFolder("empty-hub")
        let env = ["HF_HUB_CACHE": hub.path]

        let unknown = try repo.repro("locate", "nope", copy, environment: env)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "repro: error: no artifact named \"nope\"; `repro list artifacts` shows what is recorded\n")
        let fifo = try repo.repro("locate", "w", pipes.child("fifo"), environment: env)
        #expect(fifo.status == 2)
        #expect(fifo.stderr == "repro: error: \(pipes.child("fifo")): is a FIFO (named pipe), not a regular file or folder; refusing to hash it\n")
        let folder = try repo.repro("locate", "w", outside.path, environment: env)
        #expect(folder.status == 1)
        #expect(folder.stderr.hasPrefix("repro: error: \(outside.path) is not a copy of w: recorded \(Digest.of("abc")) (file), found sha256:"))
        #expect(folder.stderr.hasSuffix(" (folder); nothing remembered\n"))
        let storeExists = FileManager.default.fileExists(atPath: repo.folder.child(".repro/locations.sqlite"))
        #expect(try !storeExists || Self.rememberedPaths(repo).isEmpty)

        // The work-tree copy goes away; the located one, given relative to where locate ran, is used.
        let located = try repo.repro("locate", "--json", "w", "../" + outside.url.lastPathComponent + "/w.bin", environment: env)
        #expect(located.status == 0, "\(located.stderr)")
        #expect(located.stdout.contains("\"path\" : \"\(copy)\""))
        try FileManager.default.removeItem(atPath: repo.folder.child("w.bin"))
        let verified = try repo.repro("verify", environment: env)
        #expect(verified.stdout == "ok        w  \(copy)\nall present artifacts match their recorded digests\n")
        #expect(try Self.rememberedPaths(repo) == [copy])
    }

    static func rememberedPaths(_ repo: PaperRepository) throws -> [String] {
        let result = try Subprocess.run(["sqlite3", repo.folder.child(".repro/locations.sqlite"), "SELECT path FROM locations ORDER BY path"])
        return result.stdout.split(separator: "\n").map(String.init)
    }
}

import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `repro run --trace`: what the command opened, mapped to tracked artifacts, beside `--uses`.
@Suite struct RunTraceTests {
    let repo: PaperRepository
    let hub: TemporaryFolder
    var hubEnvironment: [String: String] { ["HF_HUB_CACHE": hub.path] }

    init() throws {
        repo = try PaperRepository()
        hub = try TemporaryFolder("hf-hub")
        try repo.repro("init")
        try repo.folder.write("data/train.csv", "a,b\n1,2\n")
        try repo.folder.write("data/corpus/a.txt", "alpha\n")
        try repo.folder.write("data/corpus/b.txt", "beta\n")
        try repo.folder.write("data/big.bin", [UInt8](repeating: 7, count: 2 * 1024 * 1024))
        let config = "{\"hidden_size\": 8}"
        try hub.write("models--org--tiny/blobs/\(Digest.hex(config))", config)
        try FileManager.default.createDirectory(atPath: hub.child("models--org--tiny/snapshots/abc123"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: hub.child("models--org--tiny/snapshots/abc123/config.json"),
                                                   withDestinationPath: "../../blobs/\(Digest.hex(config))")
        try #require(try repo.repro("track", "data/train.csv", "--name", "train", "--kind", "dataset").status == 0)
        try #require(try repo.repro("track", "data/corpus", "--name", "corpus", "--kind", "dataset").status == 0)
        try #require(try repo.repro("track", hub.child("models--org--tiny/snapshots/abc123"), "--name", "tiny",
                                    "--kind", "checkpoint").status == 0)
    }

    func digest(_ name: String) throws -> String {
        let shown = try repo.repro("show", name, "--json")
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let digest = (object?["digest"] as? String) ?? ((object?["artifacts"] as? [[String: Any]])?.first?["digest"] as? String)
        return try #require(digest, "no digest in \(shown.stdout)")
    }

    static let script = """
        import os
        open('data/corpus/a.txt').read()
        open(os.environ['HF_HUB_CACHE'] + '/models--org--tiny/snapshots/abc123/config.json').read()
        open('data/big.bin', 'rb').read()
        os.makedirs('out', exist_ok=True)
        open('out/results.txt', 'w').write('0.9\\n')
        """

    @Test func openedFilesAreMappedToArtifactsAndKeptApartFromDeclaredInputs() throws {
        try repo.folder.write("old/result.txt", "from an earlier run\n")
        let result = try repo.repro("run", "traced", "--uses", "train", "--produces", "results=out/results.txt", "old/result.txt", "--trace",
                                    "--large-file-mib", "1", "--", "/usr/bin/python3", "-c", Self.script, environment: hubEnvironment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == """
            repro: warning: the command read corpus (\(try digest("corpus"))) without --uses; recorded as an observed input
            repro: warning: the command read tiny (\(try digest("tiny"))) without --uses; recorded as an observed input
            repro: warning: declared input train was never opened by the command (--trace); flagged in the record
            repro: warning: the command wrote nothing under old/result.txt; not recorded as an output of this run
            repro: warning: the command read 1 untracked file of 1048576 bytes or more; record them with:
              repro track data/big.bin --name big.bin --kind KIND --license LICENSE   # 2097152 bytes

            """)
        let record = try #require(try experimentRecords(repo).first)
        #expect((record["inputs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["train"])
        #expect((record["observedInputs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["corpus", "tiny"])
        #expect((record["unopenedInputs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["train"])
        #expect((record["outputs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["results"])
        #expect(record["command"] as? [String] == ["/usr/bin/python3", "-c", Self.script])
        // An input observed but not declared counts for `affected`.
        #expect(try repo.repro("affected", "corpus").stdout.contains("traced"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.folder.child(".repro")).filter { $0.hasPrefix("trace-") }
        #expect(leftovers == [], "the trace log is removed after the run")
    }

    /// strace blocks SIGTERM itself, so repro passes it to the traced command.
    @Test func signalReachesTheTracedCommand() throws {
        let repro = try BackgroundRepro(["run", "traced-long", "--trace", "--", "sh", "-c", RunSupervisionTests.trapping], in: repo.path)
        let pidText = try #require(waitForContents(repo.folder.child("pid")))
        let child = try #require(pid_t(pidText.dropLast()))
        kill(repro.pid, SIGTERM)
        let (exit, stderr) = repro.finish()
        #expect(exit == 43, "\(stderr)")
        #expect(try String(contentsOfFile: repo.folder.child("received"), encoding: .utf8) == "TERM\n")
        #expect(!processExists(child))
        let record = try #require(try experimentRecords(repo).first)
        #expect(record["outcome"] as? String == "interrupted")
        #expect(record["interruptedBy"] as? String == "SIGTERM")
    }

    @Test func withoutStraceTraceFailsBeforeTheCommand() throws {
        let before = try repo.ledgerSnapshot()
        let result = try repo.repro("run", "traced", "--trace", "--", "/bin/sh", "-c", "touch marker",
                                    environment: ["PATH": "/nonexistent"])
        #expect(result.status == 3)
        #expect(result.stderr == "repro: error: --trace is not available: strace is not installed (not found on PATH); "
                + "install it with `apt-get install strace` (Debian, Ubuntu) or your system's package manager; the command was not run\n")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("marker")))
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// A strace that cannot trace (as under a seccomp profile without ptrace) says so.
    @Test func whereTracingIsNotPermittedTraceFailsBeforeTheCommand() throws {
        let bin = try TemporaryFolder("fake-strace")
        let fake = try bin.write("strace", "#!/bin/sh\necho 'strace: test_ptrace_get_syscall_info: PTRACE_TRACEME: Operation not permitted' >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let result = try repo.repro("run", "traced", "--trace", "--", "/bin/sh", "-c", "touch marker",
                                    environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(result.status == 3)
        #expect(result.stderr == "repro: error: --trace is not available: strace cannot trace here "
                + "(strace: test_ptrace_get_syscall_info: PTRACE_TRACEME: Operation not permitted); ptrace is not permitted: "
                + "allow it (e.g. `docker run --cap-add SYS_PTRACE`, `sysctl kernel.yama.ptrace_scope=0`) or run without --trace; "
                + "the command was not run\n")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("marker")))
    }
}

private enum Digest {
    static func hex(_ text: String) -> String {
        (try? Subprocess.run(["sha256sum"], stdin: Array(text.utf8)).stdout.prefix(64)).map(String.init) ?? ""
    }
}

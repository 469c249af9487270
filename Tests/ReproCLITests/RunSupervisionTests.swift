import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `repro run` under a terminal and a scheduler: stdin works, signals reach the command, the
/// command is waited for and recorded as interrupted, and repro exits with its status.
@Suite struct RunSupervisionTests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository.withTrainingSet()
    }

    /// Under a pseudo-terminal the command reads the terminal; in its own process group it was
    /// stopped by SIGTTIN and the run hung.
    @Test func commandReadsStdinUnderAPseudoTerminal() throws {
        let inner = "\(ReproBinary.path) run reads-stdin --uses train -- sh -c 'read line; echo \"got:$line\" > got.txt'"
        let result = try Subprocess.run(["timeout", "60", "script", "-qec", inner, "/dev/null"], in: repo.path,
                                        environment: PaperRepository.environment, stdin: Array("hello\n".utf8))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOfFile: repo.folder.child("got.txt"), encoding: .utf8) == "got:hello\n")
    }

    /// The command traps the signal, writes what it received and exits with its own code.
    static let trapping = """
        trap 'echo INT > received; exit 42' INT; trap 'echo TERM > received; exit 43' TERM; \
        trap 'echo HUP > received; exit 44' HUP; echo $$ > pid; while :; do sleep 0.05; done
        """

    @Test(arguments: [(SIGTERM, "TERM", Int32(43), "SIGTERM"), (SIGINT, "INT", 42, "SIGINT"), (SIGHUP, "HUP", 44, "SIGHUP")])
    func signalIsForwardedWaitedForAndRecorded(signal: Int32, received: String, status: Int32, name: String) throws {
        let repro = try BackgroundRepro(["run", "long-job", "--uses", "train", "--", "sh", "-c", Self.trapping], in: repo.path)
        let pidText = try #require(waitForContents(repo.folder.child("pid")))
        let child = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(repro.pid, signal)
        let (exit, stderr) = repro.finish()
        #expect(exit == status, "\(stderr)")
        #expect(stderr == "", "\(stderr)")
        #expect(try String(contentsOfFile: repo.folder.child("received"), encoding: .utf8) == "\(received)\n")
        #expect(!processExists(child), "the command (pid \(child)) outlived repro")
        let records = try experimentRecords(repo)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record["outcome"] as? String == "interrupted")
        #expect(record["interruptedBy"] as? String == name)
        #expect(record["exitStatus"] as? Int == Int(status))
        let compute = try #require(record["compute"] as? [String: Any])
        #expect((compute["wallMilliseconds"] as? Int ?? -1) > 0)
        #expect(compute["machine"] as? [String: Any] != nil)
    }

    /// A command that does not handle the signal dies of it: 128 + N, as a shell reports.
    @Test func commandKilledBySignalExitsWith128PlusN() throws {
        let repro = try BackgroundRepro(["run", "plain", "--", "sh", "-c", "echo $$ > pid; exec sleep 30"], in: repo.path)
        let pidText = try #require(waitForContents(repo.folder.child("pid")))
        let child = try #require(pid_t(pidText.dropLast()))
        kill(repro.pid, SIGTERM)
        let (exit, stderr) = repro.finish()
        #expect(exit == 143, "\(stderr)")
        #expect(!processExists(child))
        let record = try #require(try experimentRecords(repo).first)
        #expect(record["outcome"] as? String == "interrupted")
        #expect(record["interruptedBy"] as? String == "SIGTERM")
        #expect(record["exitStatus"] as? Int == 143)
    }

    /// The host name goes into the compute record: one that breaks the record's rules is
    /// refused before the command runs, not after it.
    @Test func anInvalidHostIsRefusedBeforeTheCommandRuns() throws {
        let result = try repo.repro(["run", "h", "--uses", "train", "--", "touch", "ran"], environment: ["REPRO_HOST": "gpu-node\t7"])
        #expect(result.status == 2)
        #expect(result.stderr == "repro: error: invalid host name \"gpu-node\\t7\" (REPRO_HOST, or this machine's name): "
            + "it contains a control character or line break; the command was not run\n")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("ran")))
        #expect(try experimentRecords(repo).isEmpty)
    }

    /// A run that leaves its parent's bytes as they were is recorded; the output is not
    /// recorded as derived from itself.
    @Test func anOutputWithItsParentsBytesIsRecordedWithoutALoop() throws {
        try repo.folder.write("m.bin", "weights\n")
        try #require(try repo.repro("track", "m.bin", "--name", "model", "--kind", "checkpoint").status == 0)
        let result = try repo.repro("run", "refine", "--derived-from", "model", "--produces", "m.bin", "--", "true")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("repro: warning: \"m.bin\" holds the same bytes (sha256:"), "\(result.stderr)")
        #expect(result.stderr.contains("as the artifact it is derived from; not recorded as derived from itself\n"))
        let record = try #require(try experimentRecords(repo).first { $0["name"] as? String == "refine" })
        #expect((record["outputs"] as? [[String: Any]])?.count == 1)
    }

    /// Waits until repro has `name` open (it is hashing it), then sends `signals` one after another.
    private func signalWhileHashing(_ repro: BackgroundRepro, _ name: String, _ signals: [Int32]) throws {
        let deadline = Date().addingTimeInterval(60)
        func hashing() -> Bool {
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(repro.pid)/fd")) ?? []
            return fds.contains { fd in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(repro.pid)/fd/\(fd)"))?.hasSuffix("/" + name) == true
            }
        }
        while !hashing() {
            try #require(Date() < deadline, "repro never opened \(name)")
            usleep(1_000)
        }
        for signal in signals {
            kill(repro.pid, signal)
            usleep(100_000)
        }
    }

    /// Ctrl-C a moment after the command ended, while its 2 GB output (sparse) is hashed: the
    /// run is still recorded, with the command's status, and repro says why it goes on.
    @Test func aSignalAfterTheCommandEndedDoesNotLoseTheRun() throws {
        let repro = try BackgroundRepro(["run", "late", "--uses", "train", "--produces", "big.bin", "--",
                                         "sh", "-c", "truncate -s 2G big.bin"], in: repo.path)
        try signalWhileHashing(repro, "big.bin", [SIGINT])
        let (exit, stderr) = repro.finish()
        #expect(exit == 0, "\(stderr)")
        #expect(stderr == "repro: SIGINT after the command ended; recording experiment late first "
            + "(a second signal stops repro without recording it)\n")
        let record = try #require(try experimentRecords(repo).first)
        #expect(record["outcome"] as? String == "succeeded")
        #expect(record["interruptedBy"] == nil)
        #expect((record["outputs"] as? [[String: Any]])?.first?["name"] as? String == "big.bin")
    }

    /// A second signal stops repro at once, by that signal, and says that nothing was recorded.
    @Test func aSecondSignalStopsWithoutTheRecord() throws {
        let repro = try BackgroundRepro(["run", "abandoned", "--uses", "train", "--produces", "big.bin", "--",
                                         "sh", "-c", "truncate -s 2G big.bin"], in: repo.path)
        try signalWhileHashing(repro, "big.bin", [SIGTERM, SIGTERM])
        let (exit, stderr) = repro.finish()
        #expect(exit == 128 + SIGTERM, "\(stderr)")
        #expect(stderr == "repro: SIGTERM after the command ended; recording experiment abandoned first "
            + "(a second signal stops repro without recording it)\n"
            + "repro: stopped by SIGTERM; experiment abandoned was not recorded\n")
        #expect(try experimentRecords(repo).isEmpty)
    }

    @Test func exitStatusIsTheCommandsOwnAndComputeIsRecordedForFailures() throws {
        let result = try repo.repro("run", "fails", "--", "sh", "-c", "exit 7")
        #expect(result.status == 7)
        let record = try #require(try experimentRecords(repo).first)
        #expect(record["outcome"] as? String == "failed")
        #expect(record["interruptedBy"] == nil)
        let compute = try #require(record["compute"] as? [String: Any])
        // A shell exiting at once is smaller than repro, whose memory Linux counts in the child's peak: not recorded.
        #expect(Set(compute.keys) == ["wallMilliseconds", "userCPUMilliseconds", "systemCPUMilliseconds", "machine"])
        let machine = try #require(compute["machine"] as? [String: Any])
        #expect(machine["host"] as? String == "lab-01")
        #expect(machine["cpuCount"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
        #expect(machine["gpus"] as? [Any] != nil)
    }

    /// A command larger than repro has its peak recorded: 256 MiB touched, at least that measured.
    @Test func peakMemoryOfALargeCommandIsRecorded() throws {
        let result = try repo.repro("run", "big", "--", "python3", "-c", "b = bytearray(256 << 20); b[::4096] = b'x' * len(b[::4096])")
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try experimentRecords(repo).first)
        let compute = try #require(record["compute"] as? [String: Any])
        let peak = try #require(compute["peakRSSBytes"] as? Int)
        #expect(peak >= 256 << 20)
        #expect(peak < 1 << 30)
    }

    @Test func commandThatDoesNotExistIsRefusedBeforeAnythingIsRecorded() throws {
        let before = try repo.ledgerSnapshot()
        let result = try repo.repro("run", "typo", "--", "pyhton3", "train.py")
        #expect(result.status == 2)
        #expect(result.stderr == "repro: error: cannot run \"pyhton3\": not found or not executable; the command was not run\n")
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// `tag --from-json` takes an experiment record only, checked like a stored one.
    @Test func fromJSONRefusesAnythingButAValidExperimentRecord() throws {
        let before = try repo.ledgerSnapshot()
        try repo.folder.write("broken.json", "{\"schema\": \"repro.experiment/1\", \"name\": ")
        let broken = try repo.repro("tag", "--from-json", "broken.json")
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("repro: error: broken.json: not valid JSON"), "\(broken.stderr)")
        let artifactRecord = try #require(try FileManager.default.subpathsOfDirectory(atPath: repo.folder.child("ledgers/main/artifacts"))
            .first { $0.hasSuffix(".json") })
        let copied = try repo.folder.write("artifact.json", Array(try Data(contentsOf: URL(fileURLWithPath:
            repo.folder.child("ledgers/main/artifacts/" + artifactRecord)))))
        let wrongType = try repo.repro("tag", "--from-json", copied)
        #expect(wrongType.status == 2)
        #expect(wrongType.stderr == "repro: error: \(copied): holds a record of type artifact, not an experiment record\n")
        let both = try repo.repro("tag", "x", "--from-json", "broken.json")
        #expect(both.status == 2)
        #expect(both.stderr.contains("give an experiment name, or --from-json FILE (not both)"))
        #expect(try repo.ledgerSnapshot() == before)
    }
}

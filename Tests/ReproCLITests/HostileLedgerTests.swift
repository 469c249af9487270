import Foundation
import Testing
import TestSupport

/// A co-author's ledger cannot hurt you: hostile changes are committed in one clone with plain
/// git and pulled into another, where every `repro` command must stay inside the repository.
@Suite struct HostileLedgerTests {
    static let notFollowed = "which repro never follows or opens"

    /// Origin with one tracked dataset (one record), an attacker's clone, a victim's clone, and a
    /// sentinel folder beside them that a link under `ledgers/` can point at.
    struct Scene {
        let origin: PaperRepository
        let attacker: PaperRepository
        let victim: PaperRepository
        let sentinel: TemporaryFolder
        /// `../` repeated to climb from a type folder's child to the folder that holds the clones.
        var sentinelName: String { sentinel.url.lastPathComponent }

        init() throws {
            origin = try PaperRepository()
            try origin.folder.write("d.csv", "x\n")
            try origin.git("add", ".")
            try origin.git("commit", "-q", "-m", "data")
            try #require(try origin.repro("init").status == 0)
            try #require(try origin.repro("track", "d.csv", "--name", "d", "--kind", "dataset").status == 0)
            try #require(try origin.repro("commit").status == 0)
            attacker = try PaperRepository(cloning: origin, identity: ("Mallory", "mallory@example.org"))
            victim = try PaperRepository(cloning: origin)
            #expect(try victim.repro("list", "artifacts").status == 0)
            sentinel = try TemporaryFolder("sentinel")
            try sentinel.write("x.json", "{}\n")
            // Bait for an fsck that would follow the link: an "abandoned" temporary file, two days old.
            let bait = try sentinel.write(".x.json.tmp.999999999.1", "half\n")
            let old = Date(timeIntervalSinceNow: -2 * 86_400)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: bait)
        }

        /// Commits the attacker's work tree with plain git (`repro commit` refuses it) and pulls it into the victim.
        func deliver() throws {
            try attacker.git("add", "-A")
            try attacker.git("commit", "-q", "-m", "hostile")
            try victim.git("pull", "--no-rebase", "--no-edit", "-q", attacker.path, "main")
        }

        func link(_ relative: String, to target: String, in repo: PaperRepository) throws {
            let path = repo.folder.child(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        /// Names, kinds, sizes, times and bytes of everything in the sentinel folder.
        func sentinelDigest() throws -> String {
            try Subprocess.shell("find . -printf '%p %y %s %T@\\n' | sort; find . -type f -exec sha256sum {} + | sort", in: sentinel.path).stdout
        }
    }

    private func problemLine(_ path: String, _ kind: String = "a symbolic link") -> String {
        "\(path): is \(kind), \(Self.notFollowed)\n"
    }

    private func warning(_ path: String, _ kind: String = "a symbolic link") -> String {
        "repro: warning: skipped \(path): is \(kind), \(Self.notFollowed) (run `repro fsck`)\n"
    }

    /// git ignores the folder `.repro/`, not a link named `.repro`: a clone can carry one, or a
    /// force-added link inside a real `.repro/`. Every command refuses it; nothing is written
    /// or read through it; `repro hash` still hashes, without its cache.
    @Test(arguments: [".repro", ".repro/index.sqlite"])
    func committedCacheLinkIsRefusedAndNothingGoesThroughIt(link: String) throws {
        let scene = try Scene()
        try? FileManager.default.removeItem(atPath: scene.attacker.folder.child(".repro"))
        try scene.link(link, to: link == ".repro" ? scene.sentinel.path : scene.sentinel.child("x.json"), in: scene.attacker)
        try scene.attacker.git("add", "-f", link)
        try scene.attacker.git("commit", "-q", "-m", "cache link")
        let before = try scene.sentinelDigest()
        let victim = try PaperRepository(cloning: scene.attacker)
        let top = try #require(try victim.repro("hash", "d.csv").stdout.isEmpty ? nil : victim.path)
        let path = URL(fileURLWithPath: top).standardizedFileURL.appendingPathComponent(link).path
        let message = link == ".repro"
            ? "repro: error: \(path) is a symbolic link, not a folder; repro keeps its caches in a real folder there and does "
                + "not follow it out of the repository. Remove it (`git rm --cached .repro` if a commit brought it, then delete it), "
                + "or set REPRO_CACHE_DIR to a folder of your own\n"
            : "repro: error: \(path) is a symbolic link; repro's caches are plain files and it does not follow one out of the "
                + "repository. Delete it (the caches are derived; `repro reindex` rebuilds the index), or set REPRO_CACHE_DIR "
                + "to a folder of your own\n"
        for arguments in [["list", "artifacts"], ["show", "d"], ["tag", "x", "--uses", "d"], ["reindex"], ["disclaimer"], ["verify"]] {
            let result = try victim.repro(arguments)
            #expect(result.status == 3, "\(arguments): \(result.stderr)")
            #expect(result.stderr == message, "\(arguments)")
        }
        let hashed = try victim.repro("hash", "d.csv")
        #expect(hashed.status == 0)
        #expect(hashed.stderr.hasPrefix("repro: warning: hash cache not used: \(path) is a symbolic link"), "\(hashed.stderr)")
        #expect(try scene.sentinelDigest() == before)
        let elsewhere = try TemporaryFolder("cache")
        #expect(try victim.repro(["list", "artifacts"], environment: ["REPRO_CACHE_DIR": elsewhere.path]).status == 0)
    }

    @Test func symlinkedShardFolderIsNamedNeverEnteredAndCommitRefuses() throws {
        let scene = try Scene()
        try scene.link("ledgers/main/events/cd", to: "../../../../\(scene.sentinelName)", in: scene.attacker)
        // The attacker's own `repro commit` refuses, naming the link.
        let head = try scene.attacker.revision()
        let refused = try scene.attacker.repro("commit")
        #expect(refused.status == 1)
        #expect(refused.stderr == "repro: error: nothing committed: 1 file under ledgers/ that `repro fsck` does not accept:\n  "
            + problemLine("ledgers/main/events/cd"))
        #expect(try scene.attacker.revision() == head)
        try scene.deliver()

        let victim = scene.victim
        let before = try scene.sentinelDigest()
        let ledger = try victim.ledgerSnapshot()
        let fsck = try victim.repro("fsck")
        #expect(fsck.status == 1)
        #expect(fsck.stdout == problemLine("ledgers/main/events/cd") + "1 problem in 1 records\n")
        for arguments in [["list", "artifacts"], ["reindex"], ["disclaimer"]] {
            let result = try ReproBinary.run(arguments, in: victim.path, environment: PaperRepository.environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr == warning("ledgers/main/events/cd"), "\(arguments)")
        }
        #expect(try victim.repro("reindex").stdout == "indexed 1 records\n")
        #expect(try scene.sentinelDigest() == before)
        #expect(try victim.ledgerSnapshot() == ledger)

        let victimHead = try victim.revision()
        #expect(try victim.repro("tag", "run-1", "--uses", "d").status == 0)
        let commit = try victim.repro("commit")
        #expect(commit.status == 1)
        #expect(commit.stderr.hasSuffix("\n  " + problemLine("ledgers/main/events/cd")))
        #expect(try victim.revision() == victimHead)
        #expect(try scene.sentinelDigest() == before)
    }

    @Test func writerRefusesEverySymlinkedShardAndWritesNothingAnywhere() throws {
        let scene = try Scene()
        let fans = (0..<256).map { String(format: "%02x", $0) }
        for fan in fans {
            // One shard points at the file-system root, the 255 others at the sentinel.
            try scene.link("ledgers/main/experiments/\(fan)", to: fan == "00" ? "/" : "../../../../\(scene.sentinelName)", in: scene.attacker)
        }
        try scene.deliver()
        let victim = scene.victim
        let before = try scene.sentinelDigest()
        let ledger = try victim.ledgerSnapshot()
        let status = try victim.status()

        let fsck = try victim.repro("fsck")
        #expect(fsck.status == 1)
        #expect(fsck.stdout == fans.map { problemLine("ledgers/main/experiments/\($0)") }.joined() + "256 problems in 1 records\n")

        let tag = try victim.repro("tag", "run-1", "--uses", "d")
        #expect(tag.status == 3)
        let error = try #require(tag.stderr.split(separator: "\n").last.map(String.init))
        #expect(error.hasPrefix("repro: error: cannot write ledgers/main/experiments/"))
        #expect(error.hasSuffix(": is a symbolic link, \(Self.notFollowed); nothing was recorded"))
        #expect(try scene.sentinelDigest() == before)
        #expect(try victim.ledgerSnapshot() == ledger)
        #expect(try victim.status() == status)
    }

    @Test func recordThatIsASymlinkToJSONOutsideIsADefect() throws {
        let scene = try Scene()
        // A real record's bytes, placed outside the repository under its own name.
        let scratch = try PaperRepository()
        try scratch.repro("init")
        try scratch.folder.write("e.csv", "y\n")
        try #require(try scratch.repro("track", "e.csv", "--name", "e", "--kind", "dataset").status == 0)
        let recordPath = try #require(try scratch.ledgerSnapshot().keys.first { $0.hasPrefix("main/artifacts/") })
        let name = (recordPath as NSString).lastPathComponent
        try scene.sentinel.write(name, try #require(try scratch.ledgerSnapshot()[recordPath]))
        let linked = "ledgers/main/artifacts/\(name.prefix(2))/\(name)"
        try scene.link(linked, to: "../../../../../\(scene.sentinelName)/\(name)", in: scene.attacker)
        // A license shard linked to the root: fsck must not list what is in `/`.
        try scene.link("ledgers/main/licenses/ab", to: "/", in: scene.attacker)
        try scene.deliver()

        let victim = scene.victim
        let before = try scene.sentinelDigest()
        let fsck = try victim.repro("fsck")
        #expect(fsck.status == 1)
        let expected = [problemLine(linked), problemLine("ledgers/main/licenses/ab")].sorted().joined() + "2 problems in 1 records\n"
        #expect(fsck.stdout == expected)
        let list = try victim.repro("list", "artifacts")
        #expect(list.status == 0)
        #expect(list.stderr.contains("repro: warning: skipped record \(linked): is a symbolic link, \(Self.notFollowed) (run `repro fsck`)\n"))
        #expect(list.stderr.contains(warning("ledgers/main/licenses/ab")))
        #expect(try victim.repro("show", "e").status == 2)
        #expect(try victim.repro("commit").status == 1)
        #expect(try scene.sentinelDigest() == before)
    }

    @Test func fifoDeviceLikeEntriesNeverBlockAndAreNamed() throws {
        let scene = try Scene()
        let id = String(repeating: "ef", count: 32)
        let fifo = "ledgers/main/events/ef/\(id).json"
        try FileManager.default.createDirectory(atPath: scene.victim.folder.child("ledgers/main/events/ef"), withIntermediateDirectories: true)
        #expect(mkfifo(scene.victim.folder.child(fifo), 0o644) == 0)
        let fsck = try scene.victim.repro("fsck")
        #expect(fsck.status == 1)
        #expect(fsck.stdout == problemLine(fifo, "a FIFO") + "1 problem in 1 records\n")
        let list = try scene.victim.repro("list", "artifacts")
        #expect(list.status == 0)
        #expect(list.stderr == "repro: warning: skipped record \(fifo): is a FIFO, \(Self.notFollowed) (run `repro fsck`)\n")
        let head = try scene.victim.revision()
        let commit = try scene.victim.repro("commit")
        #expect(commit.status == 1)
        #expect(commit.stderr.hasSuffix("\n  " + problemLine(fifo, "a FIFO")))
        #expect(try scene.victim.revision() == head)
    }

    @Test func commitRefusesInvalidDeeplyNestedRecordsAndForeignFiles() throws {
        let scene = try Scene()
        let nested = "ledgers/main/artifacts/00/\(String(repeating: "0", count: 64)).json"
        try scene.victim.folder.write(nested, String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        try scene.victim.folder.write("ledgers/main/notes.sh", "echo\n")
        let head = try scene.victim.revision()
        let commit = try scene.victim.repro("commit")
        #expect(commit.status == 1)
        #expect(commit.stderr.hasPrefix("repro: error: nothing committed: 2 files under ledgers/ that `repro fsck` does not accept:\n  \(nested): "))
        #expect(commit.stderr.hasSuffix("\n  ledgers/main/notes.sh: not a file repro writes under ledgers/ (records, README.md, .gitignore, .gitattributes)\n"))
        #expect(try scene.victim.revision() == head)
    }

    @Test func oversizedRecordIsRefusedWithoutBeingRead() throws {
        let repo = try PaperRepository()
        try repo.repro("init")
        let big = "ledgers/main/artifacts/11/\(String(repeating: "1", count: 64)).json"
        let atCap = "ledgers/main/artifacts/22/\(String(repeating: "2", count: 64)).json"
        try repo.folder.write(big, [UInt8](repeating: 0x20, count: 4 * 1024 * 1024 + 1))
        try repo.folder.write(atCap, [UInt8](repeating: 0x20, count: 4 * 1024 * 1024))
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 1)
        let lines = fsck.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "\(big): is larger than the 4194304-byte cap (4 MiB); not read")
        // The file at the cap is read, and rejected for what it holds, not for its size.
        #expect(lines.dropFirst().first?.hasPrefix("\(atCap): not valid JSON") == true)
        #expect(lines.last == "2 problems in 2 records")
    }

    /// `fsck` in a loop beside 32 concurrent writers: it never deletes a live writer's temporary file.
    @Test func fsckBesideThirtyTwoWritersBreaksNone() throws {
        let repo = try PaperRepository()
        try repo.repro("init")
        try repo.folder.write("d.csv", "x\n")
        try #require(try repo.repro("track", "d.csv", "--name", "d", "--kind", "dataset").status == 0)
        let results = Collector<Subprocess.Result?>()
        let done = Collector<Bool>()
        let checker = Thread {
            while done.all.isEmpty { _ = try? repo.repro("fsck") }
        }
        checker.start()
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            results.add(try? repo.repro("tag", "job-\(index)", "--uses", "d"))
        }
        done.add(true)
        #expect(results.all.count == 32)
        for result in results.all {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
        }
        #expect(try repo.repro("fsck").stdout == "33 records checked; no problems\n")
    }

    /// A temporary file is deleted only when old and its writer is gone; `unlinkat` in its own folder.
    @Test func fsckRemovesOnlyAbandonedTemporaryFiles() throws {
        let repo = try PaperRepository()
        try repo.repro("init")
        let dead = "ledgers/main/events/ab/.\(String(repeating: "a", count: 64)).json.tmp.999999999.7"
        let live = "ledgers/main/events/ab/.\(String(repeating: "b", count: 64)).json.tmp.\(getpid()).7"
        let young = "ledgers/main/events/ab/.\(String(repeating: "c", count: 64)).json.tmp.999999999.8"
        for path in [dead, live, young] { try repo.folder.write(path, "half") }
        let twoHoursAgo = Date(timeIntervalSinceNow: -7200)
        for path in [dead, live] {
            try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: repo.folder.child(path))
        }
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 0)
        #expect(fsck.stdout == "removed leftover temporary file \(dead)\n0 records checked; no problems\n")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child(dead)))
        #expect(FileManager.default.fileExists(atPath: repo.folder.child(live)))
        #expect(FileManager.default.fileExists(atPath: repo.folder.child(young)))
    }

    /// A file name cannot inject a fake verdict or a colour escape into `fsck`'s text; JSON keeps the name.
    @Test func fileNamesAreEscapedInTextOutput() throws {
        let repo = try PaperRepository()
        try repo.repro("init")
        let name = "x\n0 records checked; no problems\u{1B}[2J"
        try repo.folder.write("ledgers/main/events/ab/\(name)", "{}")
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 1)
        let expected = #"ledgers/main/events/ab/x\n0 records checked; no problems\033[2J: "#
            + "not a record file name (<64 hex>.json in the folder of its first two characters)\n1 problem in 0 records\n"
        #expect(fsck.stdoutBytes == Array(expected.utf8))
        let json = try repo.repro("fsck", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let problems = report?["problems"] as? [[String: Any]]
        #expect(problems?.first?["path"] as? String == "ledgers/main/events/ab/\(name)")
    }

    /// `repro hash` escapes a name as `sha256sum` does: a leading backslash, then `\n` in the name.
    @Test func hashEscapesNamesLikeSha256sum() throws {
        let folder = try TemporaryFolder()
        try folder.write("a\nb", "abc")
        let result = try ReproBinary.run(["hash", "a\nb"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdoutBytes == Array(#"\sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a\nb"#.utf8) + [10])
        let json = try ReproBinary.run(["hash", "--json", "a\nb"], in: folder.path)
        #expect(json.stdout.contains(#""path" : "a\nb""#) || json.stdout.contains(#""path":"a\nb""#))
    }

    /// `init` and `availability` refuse to write through a linked ledger or shard folder.
    @Test func initAndAvailabilityRefuseToWriteThroughLinks() throws {
        let scene = try Scene()
        try scene.link("ledgers/other", to: "../../\(scene.sentinelName)", in: scene.attacker)
        for fan in (0..<256).map({ String(format: "%02x", $0) }) {
            try scene.link("ledgers/main/events/\(fan)", to: "../../../../\(scene.sentinelName)", in: scene.attacker)
        }
        try scene.deliver()
        let victim = scene.victim
        let before = try scene.sentinelDigest()
        let ledger = try victim.ledgerSnapshot()

        let initialize = try victim.repro("init", "--ledger", "other")
        #expect(initialize.status == 3)
        #expect(initialize.stderr == "repro: error: cannot write ledgers/other: is a symbolic link, \(Self.notFollowed); nothing was recorded\n")
        let availability = try victim.repro("availability", "d", "open", "--as-of", "2026-01-01")
        #expect(availability.status == 3)
        // The linked ledger is said first (the walk meets it before the ledgers it reads).
        #expect(availability.stderr.hasPrefix(
            "repro: warning: skipped ledgers/other: is a symbolic link, \(Self.notFollowed) (run `repro fsck`)\n"
                + "repro: warning: skipped ledgers/main/events/00: "))
        #expect(availability.stderr.hasSuffix(": is a symbolic link, \(Self.notFollowed); nothing was recorded\n"))
        #expect(try scene.sentinelDigest() == before)
        #expect(try victim.ledgerSnapshot() == ledger)
    }

    /// A clone's `.gitignore` can be a link to a file of yours (`~/.bashrc`): `init` refuses it
    /// before making anything, and `commit` leaves it alone.
    @Test func aLinkedGitignoreIsNeverWritten() throws {
        let scene = try Scene()
        try FileManager.default.removeItem(atPath: scene.attacker.folder.child(".gitignore"))
        try scene.link(".gitignore", to: scene.sentinel.child("x.json"), in: scene.attacker)
        try scene.deliver()
        let before = try scene.sentinelDigest()

        let initialize = try scene.victim.repro("init", "--ledger", "second")
        #expect(initialize.status == 3)
        #expect(initialize.stderr == "repro: error: cannot write .gitignore: is a symbolic link, \(Self.notFollowed); nothing was recorded\n")
        #expect(!FileManager.default.fileExists(atPath: scene.victim.folder.child("ledgers/second")))
        try #require(try scene.victim.repro("tag", "after", "--uses", "d").status == 0)
        let committed = try scene.victim.repro("commit")
        #expect(committed.status == 0, "\(committed.stderr)")
        #expect(try !scene.victim.git("show", "--name-only", "--format=", "HEAD").stdout.contains(".gitignore"))
        #expect(try scene.sentinelDigest() == before)
    }

    /// `init` appends its line to an existing `.gitignore` in place: the file keeps its mode
    /// and no temporary file is left beside it.
    @Test func theGitignoreLineIsAppendedInPlace() throws {
        let repo = try PaperRepository()
        try repo.folder.write(".gitignore", "*.pyc")
        #expect(chmod(repo.folder.child(".gitignore"), 0o664) == 0)
        #expect(try repo.repro("init").status == 0)
        #expect(try String(contentsOfFile: repo.folder.child(".gitignore"), encoding: .utf8) == "*.pyc\n.repro/\n")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: repo.folder.child(".gitignore"))[.posixPermissions] as? Int)
        #expect(mode == 0o664)
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path).filter { $0.hasPrefix(".gitignore") } == [".gitignore"])
    }
}

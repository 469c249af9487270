import Foundation
import Testing
import TestSupport

/// Records say which bytes were used: layout is part of identity, inputs are verified when
/// recorded, and a name is not silently re-pointed. Real files, the real binary.
@Suite struct IdentityCLITests {
    let repo: PaperRepository
    static let later = ["SOURCE_DATE_EPOCH": "1767312000"] // 2026-01-02T00:00:00Z

    init() throws {
        repo = try PaperRepository()
        try repo.repro("init")
    }

    func digest(_ path: String) throws -> String {
        String(try repo.repro("hash", "--no-cache", path).stdout.prefix(71))
    }

    func json(_ arguments: String...) throws -> [String: Any] {
        let result = try ReproBinary.run(arguments + ["--json"], in: repo.path, environment: PaperRepository.environment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The inputs of the one run of `experiment`, as recorded.
    func inputs(of experiment: String) throws -> [[String: Any]] {
        let runs = try #require(try json("show", experiment)["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return try #require(runs[0]["inputs"] as? [[String: Any]])
    }

    func trackFolder() throws -> String {
        try repo.folder.write("data/ds/a.txt", "alpha\n")
        try repo.folder.write("data/ds/b.txt", "beta\n")
        #expect(try repo.repro("track", "data/ds", "--name", "ds", "--kind", "dataset").status == 0)
        return try digest("data/ds")
    }

    // MARK: layout

    @Test func aFolderReplacedByItsListingIsAMismatch() throws {
        let recorded = try trackFolder()
        let listing = try Subprocess.run(["sh", "-c", "cd data/ds && find -L . -type f -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 -r sha256sum --"],
                                         in: repo.path).stdout
        try FileManager.default.removeItem(atPath: repo.folder.child("data/ds"))
        try repo.folder.write("data/ds", listing)
        #expect(try digest("data/ds") == recorded) // the same digest: only the layout tells them apart
        #expect(try repo.repro("hash", "data").stdout.hasSuffix("  data/\n"))
        let short = String(recorded.prefix(19))
        for options in [[], ["--no-cache"]] {
            let result = try ReproBinary.run(["verify", "ds"] + options, in: repo.path, environment: PaperRepository.environment)
            #expect(result.status == 1, "\(options)")
            #expect(result.stdout == "MISMATCH  ds  data/ds: recorded folder \(short), now file \(short)\n1 artifact changed\n", "\(options)")
            #expect(result.stderr == "")
        }
        let verified = try repo.repro("verify", "ds", "--json")
        #expect(verified.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any])
        let item = try #require((report["artifacts"] as? [[String: Any]])?.first)
        #expect(item["layout"] as? String == "folder")
        #expect(item["actualLayout"] as? String == "file")
        #expect(item["status"] as? String == "mismatch")
    }

    @Test func anEmptyFileAndAnEmptyFolderAreTwoArtifacts() throws {
        try FileManager.default.createDirectory(atPath: repo.folder.child("data/empty-dir"), withIntermediateDirectories: true)
        try repo.folder.write("data/empty-file", "")
        #expect(try repo.repro("track", "data/empty-dir", "--name", "nothing-dir", "--kind", "dataset").status == 0)
        let file = try repo.repro("track", "data/empty-file", "--name", "nothing-file", "--kind", "dataset")
        #expect(file.status == 0)
        #expect(!file.stderr.contains("already recorded as"), "a file is not another name of a folder: \(file.stderr)")
        let empty = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(try digest("data/empty-file") == empty)
        #expect(try digest("data/empty-dir") == empty)

        let ambiguous = try repo.repro("show", empty)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr == """
            repro: error: \(empty) is recorded both as a file and as a folder; name one of:
              file:\(empty)  nothing-file
              folder:\(empty)  nothing-dir

            """)
        let folder = try json("show", "folder:\(empty)")
        #expect(folder["names"] as? [String] == ["nothing-dir"])
        #expect(folder["layout"] as? String == "folder")
        let byName = try json("show", "nothing-file")
        #expect(byName["names"] as? [String] == ["nothing-file"])
        #expect(byName["layout"] as? String == "file")

        #expect(try repo.repro("run", "reads-dir", "--uses", "nothing-dir", "--", "true").status == 0)
        let affectedFile = try json("affected", "nothing-file")
        #expect((affectedFile["experiments"] as? [Any])?.isEmpty == true)
        let affectedDir = try json("affected", "nothing-dir")
        #expect((affectedDir["experiments"] as? [[String: Any]])?.map { $0["name"] as? String } == ["reads-dir"])
        #expect(try json("show", "nothing-file")["usedBy"] as? [String] == [])
        #expect(try json("show", "nothing-dir")["usedBy"] as? [String] == ["reads-dir"])

        #expect(try repo.repro("verify").status == 0)
        try FileManager.default.removeItem(atPath: repo.folder.child("data/empty-dir"))
        try repo.folder.write("data/empty-dir", "")
        let swapped = try repo.repro("verify", "nothing-dir")
        #expect(swapped.status == 1)
        #expect(swapped.stdout == "MISMATCH  nothing-dir  data/empty-dir: recorded folder sha256:e3b0c44298fc, now file sha256:e3b0c44298fc\n1 artifact changed\n")
    }

    // MARK: names keep a history

    /// Under one pinned clock every version has the same time: the recorded order still decides
    /// which is latest (each new version names the one it follows).
    @Test func versionsRecordedInOneSecondKeepTheirOrder() throws {
        var digests: [String] = []
        for (index, text) in ["1\n", "2\n", "3\n"].enumerated() {
            try repo.folder.write("f.txt", text)
            let tracked = index == 0 ? try repo.repro("track", "f.txt", "--name", "f", "--kind", "other")
                : try repo.repro("track", "f.txt", "--name", "f", "--kind", "other", "--new-version")
            #expect(tracked.status == 0, "\(tracked.stderr)")
            digests.append(try digest("f.txt"))
        }
        let versions = try #require(try json("show", "f")["versions"] as? [[String: Any]])
        #expect(versions.map { $0["identity"] as? String } == digests.map { "file:\($0)" })
        #expect(try json("show", "f")["digest"] as? String == digests[2])
        let tagged = try repo.repro("tag", "t", "--uses", "f")
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(try inputs(of: "t").first?["digest"] as? String == digests[2])
    }

    @Test func aNameIsNotSilentlyRepointed() throws {
        try repo.folder.write("data/train.csv", "a,b\n1,2\n")
        try repo.folder.write("other.bin", "other bytes")
        #expect(try repo.repro("track", "data/train.csv", "--name", "ds", "--kind", "dataset").status == 0)
        let first = try digest("data/train.csv")
        let second = try digest("other.bin")
        let before = try repo.ledgerSnapshot()
        let refused = try repo.repro("track", "other.bin", "--name", "ds", "--kind", "dataset")
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            repro: error: "ds" already names \(first) (file, recorded 2026-01-01T00:00:00Z); other.bin is \(second) (file). \
            Give --new-version to record it as a new version of "ds", or choose another --name

            """)
        #expect(try repo.ledgerSnapshot() == before)
        // The same bytes again are not a new version.
        #expect(try repo.repro("track", "data/train.csv", "--name", "ds", "--kind", "dataset").status == 0)

        let accepted = try repo.repro("track", "other.bin", "--name", "ds", "--kind", "dataset", "--new-version", environment: Self.later)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let shown = try repo.repro("show", "ds")
        #expect(shown.stdout.contains("""
              version 1:    \(first.prefix(19)) (file), recorded 2026-01-01T00:00:00Z
              version 2:    \(second.prefix(19)) (file), recorded 2026-01-02T00:00:00Z, latest

            """), "\(shown.stdout)")
        let versions = try #require(try json("show", "ds")["versions"] as? [[String: Any]])
        #expect(versions.map { $0["identity"] as? String } == ["file:\(first)", "file:\(second)"])
        #expect(try json("show", "ds")["digest"] as? String == second)

        let run = try repo.repro("run", "exp", "--uses", "ds", "--", "true", environment: Self.later)
        #expect(run.status == 0)
        let warning = "repro: warning: \"ds\" has 2 versions; using the latest, file:\(second) (recorded 2026-01-02T00:00:00Z); `repro show ds` lists them\n"
        #expect(run.stderr == warning)
        #expect(try inputs(of: "exp").first?["digest"] as? String == second)
        let affected = try repo.repro("affected", "ds")
        #expect(affected.stderr == warning)
        #expect(affected.stdout.contains("experiment  exp  [main]"))
    }

    // MARK: inputs verified when recorded

    /// A changed file whose name holds a backslash and a newline is escaped once, as `ls -b`
    /// prints it, in the warning's file list.
    @Test func changedFileNamesAreEscapedOnce() throws {
        try repo.folder.write("data/ds/x\\y\nz.txt", "one\n")
        let old = try trackFolder()
        try repo.folder.write("data/ds/x\\y\nz.txt", "two\n")
        let new = try digest("data/ds")
        let run = try repo.repro("run", "exp", "--uses", "ds", "--", "true", environment: Self.later)
        #expect(run.status == 0)
        #expect(run.stderr == """
            repro: warning: input ds differs from its recorded bytes; the present bytes are recorded as a new version of "ds":
              ds (data/ds): recorded folder:\(old), present folder:\(new)
                changed  x\\\\y\\nz.txt

            """)
    }

    @Test func runRecordsTheBytesPresentAsANewVersion() throws {
        let old = try trackFolder()
        try repo.folder.write("data/ds/a.txt", "alpha, revised\n")
        let new = try digest("data/ds")
        let run = try repo.repro("run", "exp", "--uses", "train=ds", "--", "sh", "-c", "echo the command ran >&2",
                                 environment: Self.later)
        #expect(run.status == 0)
        // Said before the command starts.
        #expect(run.stderr == """
            repro: warning: input ds differs from its recorded bytes; the present bytes are recorded as a new version of "ds":
              ds (data/ds): recorded folder:\(old), present folder:\(new)
                changed  a.txt
            the command ran

            """)
        let input = try #require(try inputs(of: "exp").first)
        #expect(input["name"] as? String == "ds")
        #expect(input["role"] as? String == "train")
        #expect(input["digest"] as? String == new)
        #expect(input["layout"] as? String == "folder")
        #expect(input["verification"] as? String == "verified")
        #expect(input["digestAfterRun"] == nil)
        let versions = try #require(try json("show", "ds")["versions"] as? [[String: Any]])
        #expect(versions.map { $0["identity"] as? String } == ["folder:\(old)", "folder:\(new)"])
        // Verified again, nothing changed: only the name's history is mentioned.
        let again = try repo.repro("run", "exp2", "--uses", "ds", "--", "true", environment: Self.later)
        #expect(again.status == 0)
        #expect(again.stderr == "repro: warning: \"ds\" has 2 versions; using the latest, folder:\(new) (recorded 2026-01-02T00:00:00Z); `repro show ds` lists them\n")
        #expect(try inputs(of: "exp2").first?["verification"] as? String == "verified")
    }

    @Test func tagRefusesChangedInputsUnlessToldWhatWasUsed() throws {
        let old = try trackFolder()
        try repo.folder.write("data/ds/a.txt", "alpha, revised\n")
        try repo.folder.write("data/ds/c.txt", "new file\n")
        let new = try digest("data/ds")
        let before = try repo.ledgerSnapshot()
        let refused = try repo.repro("tag", "exp", "--uses", "ds")
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            repro: error: the present copies of these inputs differ from their recorded digests; nothing was recorded:
              ds (data/ds): recorded folder:\(old), present folder:\(new)
                changed  a.txt
                added    c.txt
            say what the experiment used: --as-recorded (the recorded bytes) or give the path to record the present bytes

            """)
        #expect(try repo.ledgerSnapshot() == before)

        let stated = try repo.repro("tag", "exp", "--uses", "ds", "--as-recorded")
        #expect(stated.status == 0)
        #expect(stated.stderr == "repro: warning: ds: recorded as used with its recorded bytes (--as-recorded); the copy at data/ds differs\n")
        let input = try #require(try inputs(of: "exp").first)
        #expect(input["digest"] as? String == old)
        #expect(input["verification"] as? String == "stated-as-recorded")

        let byPath = try repo.repro("tag", "exp-present", "--uses", "data/ds", environment: Self.later)
        #expect(byPath.status == 0)
        #expect(byPath.stderr.hasPrefix("repro: warning: input ds differs from its recorded bytes; the present bytes are recorded as a new version of \"ds\":\n"))
        let present = try #require(try inputs(of: "exp-present").first)
        #expect(present["digest"] as? String == new)
        #expect(present["verification"] as? String == "verified")
        #expect(try json("show", "ds")["digest"] as? String == new)
    }

    @Test func anInputTheRunChangesIsRecordedAsChanged() throws {
        try repo.folder.write("data/log.txt", "line 1\n")
        #expect(try repo.repro("track", "data/log.txt", "--name", "log", "--kind", "dataset").status == 0)
        let old = try trackFolder()
        let start = try digest("data/log.txt")
        let run = try repo.repro("run", "grows", "--uses", "log", "ds", "--",
                                 "sh", "-c", "echo line 2 >> data/log.txt; echo more >> data/ds/b.txt; rm data/ds/a.txt; echo new > data/ds/c.txt")
        #expect(run.status == 0)
        let end = try digest("data/log.txt")
        let folderEnd = try digest("data/ds")
        #expect(run.stderr == """
            repro: warning: input log (data/log.txt) changed during the run: file:\(start) at the start, file:\(end) at the end
            repro: warning: input ds (data/ds) changed during the run: folder:\(old) at the start, folder:\(folderEnd) at the end
                changed  b.txt
                missing  a.txt
                added    c.txt

            """)
        let recorded = try inputs(of: "grows")
        #expect(recorded.map { $0["digest"] as? String } == [start, old])
        #expect(recorded.map { $0["digestAfterRun"] as? String } == [end, folderEnd])
        #expect(recorded.map { $0["verification"] as? String } == ["verified", "verified"])
        let shown = try repo.repro("show", "grows").stdout
        #expect(shown.contains("""
              uses     \(start.prefix(19))  log [verified] [changed during the run, to \(end.prefix(19))]
              uses     \(old.prefix(19))  ds (folder) [verified] [changed during the run, to \(folderEnd.prefix(19))]

            """), "\(shown)")
    }

    @Test func anInputWithNoCopyHereIsRecordedAsNotVerified() throws {
        try repo.folder.write("data/remote.bin", "elsewhere")
        #expect(try repo.repro("track", "data/remote.bin", "--name", "remote", "--kind", "checkpoint").status == 0)
        try FileManager.default.removeItem(atPath: repo.folder.child("data/remote.bin"))
        let run = try repo.repro("run", "exp", "--uses", "remote", "--", "true")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let input = try #require(try inputs(of: "exp").first)
        #expect(input["verification"] as? String == "no-copy")
        #expect(input["layout"] as? String == "file")

        // Only a git-LFS pointer here: the content was not checked either.
        let oid = "0b7a9a0e4c1fa0c0d1b2c3d4e5f60718293a4b5c6d7e8f901234567890abcdef"
        try repo.folder.write("model.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:\(oid)\nsize 123456789\n")
        #expect(try repo.repro("track", "model.bin", "--name", "weights", "--kind", "checkpoint").status == 0)
        #expect(try repo.repro("run", "reads-pointer", "--uses", "weights", "--", "true").stderr == "")
        let pointer = try #require(try inputs(of: "reads-pointer").first)
        #expect(pointer["verification"] as? String == "no-copy")
        #expect(pointer["layout"] as? String == "lfs-pointer")
        #expect(pointer["digest"] as? String == "sha256:\(oid)")
    }
}

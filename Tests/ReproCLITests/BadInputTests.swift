import Foundation
import Testing
import TestSupport

/// Every kind of bad input: a clear message naming the culprit, the exit code of CLI.md,
/// and not one byte of the ledger changed.
@Suite struct BadInputTests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository.withTrainingSet()
    }

    /// Runs `repro` and checks exit code, an error line containing `message`, and an untouched ledger.
    func expectRejected(_ arguments: [String], status: Int32 = 2, message: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try repo.ledgerSnapshot()
        let result = try ReproBinary.run(arguments, in: repo.path, environment: PaperRepository.environment)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        #expect(try repo.ledgerSnapshot() == before, "ledger changed by \(arguments)", sourceLocation: sourceLocation)
    }

    /// A full disk under standard output is an error of the environment, not a crash; a reader
    /// that goes away (SIGPIPE ignored, so writes fail with EPIPE) ends repro quietly with 141.
    @Test func failedWritesToStandardOutputAreReported() throws {
        let full = try Subprocess.run(["bash", "-c", "\"$0\" list > /dev/full", ReproBinary.path], in: repo.path,
                                      environment: PaperRepository.environment)
        #expect(full.status == 3)
        #expect(full.stderr == "repro: error: cannot write standard output: No space left on device\n")
        let pipe = try Subprocess.run(["bash", "-c", "trap '' PIPE; \"$0\" export --format prov | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\"",
                                       ReproBinary.path], in: repo.path, environment: PaperRepository.environment)
        #expect(pipe.stderr == "")
        #expect(["0\n", "141\n"].contains(pipe.stdout), "\(pipe.stdout)")
    }

    /// Names found on disk reach an error message escaped as `ls -b` does: one line, no escape.
    @Test func hostileNamesInErrorsAreEscaped() throws {
        try FileManager.default.createDirectory(atPath: repo.folder.child("d8"), withIntermediateDirectories: true)
        #expect(mkfifo(repo.folder.child("d8/f\n\u{1B}[31mX"), 0o644) == 0)
        try expectRejected(["hash", "d8"], message: #"repro: error: d8/f\n\033[31mX: is a FIFO (named pipe)"#)
        let result = try repo.repro("hash", "d8")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("\u{1B}"))
    }

    /// A section label is printed in statements, graphs and terminals: no control character.
    @Test func sectionWithAControlCharacterIsRefused() throws {
        try expectRejected(["tag", "inj", "--uses", "train", "--section", "tab:e\u{1B}[31mRED"],
                           message: #"repro: error: invalid --section "tab:e\u{1B}[31mRED": it contains a control character or line break"#)
    }

    @Test func unknownArtifactSuggestsCloseNames() throws {
        try expectRejected(["show", "trian"], message: "repro: error: no artifact or experiment named \"trian\"; did you mean \"train\"?")
        try expectRejected(["availability", "trian", "withdrawn", "--as-of", "2025-01-01"], message: "did you mean \"train\"?")
    }

    @Test func mistypedLicenseAndReusedBytesAreWarnedAbout() throws {
        let typo = try repo.repro("track", "data/train.csv", "--name", "train-again", "--kind", "dataset", "--license", "Llama3.1-typo")
        #expect(typo.status == 0)
        #expect(typo.stderr.contains("repro: warning: license \"Llama3.1-typo\" is not in the catalog; did you mean"))
        #expect(typo.stderr.contains("\"llama3.1\""))
        #expect(typo.stderr.contains("are already recorded as \"train\"; \"train-again\" becomes another name of the same artifact"))
        let own = try repo.repro("track", "data/train.csv", "--name", "train-dua", "--kind", "dataset", "--license", "LicenseRef-hospital-dua")
        #expect(!own.stderr.contains("not in the catalog"))
    }

    @Test func runWithJSONKeepsTheCommandsOutputOffStdout() throws {
        let result = try repo.repro("run", "echoes", "--uses", "train", "--json", "--", "sh", "-c", "echo from-the-command")
        #expect(result.status == 0)
        #expect(result.stderr.contains("from-the-command"))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["experiment"] as? [String: Any])?["name"] as? String == "echoes")
    }

    @Test func pathThatDoesNotExist() throws {
        try expectRejected(["track", "data/nope.csv", "--name", "x", "--kind", "dataset"],
                           message: "repro: error: \(repo.folder.child("data/nope.csv")): no such file or folder")
    }

    @Test func namesThatCouldEscapeTheLedgerFolder() throws {
        try expectRejected(["track", "data/train.csv", "--name", "tab\there", "--kind", "dataset"],
                           message: "repro: error: invalid artifact name \"tab\\there\": it contains a control character (U+0009)")
        try expectRejected(["track", "data/train.csv", "--name", "zero\u{200B}width", "--kind", "dataset"],
                           message: "it contains an invisible character (U+200B)")
        try expectRejected(["tag", "exp ", "--uses", "train"], message: "invalid experiment name \"exp \": it starts or ends with white space")
        try expectRejected(["init", "--ledger", "../../etc"], message: "invalid ledger name \"../../etc\"")
        try expectRejected(["track", "data/train.csv", "--name", "ok", "--kind", "dataset", "--ledger", ".."], message: "invalid ledger name \"..\"")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("etc")))
    }

    /// Names are data: Hub ids and names that look like paths are recorded as given,
    /// and every file written is named by a digest inside the ledger.
    @Test func namesWithSlashesAreDataNotPaths() throws {
        let before = Set(try repo.ledgerSnapshot().keys)
        for name in ["meta-llama/Llama-3.1-8B", "../evil", "back\\slash"] {
            let result = try repo.repro("track", "data/train.csv", "--name", name, "--kind", "dataset")
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        let tagged = try repo.repro("tag", "ablation/../x", "--uses", "meta-llama/Llama-3.1-8B")
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let written = Set(try repo.ledgerSnapshot().keys).subtracting(before)
        #expect(written.count == 4)
        for path in written {
            let file = (path as NSString).lastPathComponent
            #expect(path.hasPrefix("main/") && !path.contains(".."), "\(path)")
            #expect(file.count == 64 + ".json".count && file.hasSuffix(".json"), "\(path)")
        }
        let shown = try repo.repro("show", "meta-llama/Llama-3.1-8B")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("meta-llama/Llama-3.1-8B"))
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("evil")))
    }

    @Test func invalidDateStatusKindLicense() throws {
        try expectRejected(["availability", "train", "withdrawn", "--as-of", "2025-02-30"],
                           message: "Error: The value '2025-02-30' is invalid for '--as-of <YYYY-MM-DD>': invalid date \"2025-02-30\"")
        try expectRejected(["availability", "train", "vanished", "--as-of", "2025-02-03"],
                           message: "Error: The value 'vanished' is invalid for '<status>'. Please provide one of the following:\n  - open\n")
        try expectRejected(["track", "data/train.csv", "--name", "t2", "--kind", "weights"],
                           message: "Error: The value 'weights' is invalid for '--kind <kind>'. Please provide one of the following:\n  - checkpoint\n")
        try expectRejected(["track", "data/train.csv", "--name", "t2", "--kind", "dataset", "--license", "Apache-2.0 AND"],
                           message: "invalid license \"Apache-2.0 AND\": ")
        try expectRejected(["track", "data/train.csv", "--name", "t2", "--kind", "dataset", "--hf", "not-a-ref"],
                           message: "invalid --hf \"not-a-ref\": expected REPO@REVISION")
    }

    @Test func ambiguousPrefixListsCandidates() throws {
        var seen: [String: Int] = [:]
        var pair: (Int, Int)?
        for index in 0..<100_000 {
            let digest = try Subprocess.run(["sha256sum"], stdin: Array("c\(index)".utf8))
            let prefix = String(digest.stdout.prefix(4))
            if let other = seen[prefix] { pair = (other, index); break }
            seen[prefix] = index
            if index > 2000 { break }
        }
        let (a, b) = try #require(pair)
        try repo.folder.write("a.bin", "c\(a)")
        try repo.folder.write("b.bin", "c\(b)")
        try #require(try repo.repro("track", "a.bin", "--name", "first", "--kind", "other").status == 0)
        try #require(try repo.repro("track", "b.bin", "--name", "second", "--kind", "other").status == 0)
        let prefix = String(try Subprocess.run(["sha256sum", repo.folder.child("a.bin")]).stdout.prefix(4))
        try expectRejected(["show", prefix], message: "digest prefix \(prefix) is ambiguous; it matches:")
        let result = try repo.repro("show", prefix)
        #expect(result.stderr.contains("first") && result.stderr.contains("second"))
    }

    @Test func corruptRecordsAreNamedAndOtherCommandsKeepWorking() throws {
        let tracked = try repo.repro("track", "data/train.csv", "--name", "train-copy", "--kind", "dataset", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(tracked.stdout.utf8)) as? [String: Any]
        let record = try #require(object?["record"] as? String)
        let path = repo.folder.child(record)
        try "{ \"schema\": \"repro.artifact/1\", \"trunc".write(toFile: path, atomically: true, encoding: .utf8)
        let shown = try repo.repro("show", "train")
        #expect(shown.status == 0)
        #expect(shown.stderr.contains("repro: warning: skipped record \(record): not valid JSON"))
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 1)
        #expect(fsck.stdout.contains("\(record): not valid JSON"))
        try "not json at all".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try repo.repro("fsck").stdout.contains("\(record): not valid JSON"))
    }

    @Test func readOnlyLedgerFolderIsAnEnvironmentError() throws {
        let folder = repo.folder.child("ledgers/main")
        // chmod does not stop root; the immutable flag does.
        let lock = geteuid() == 0 ? try Subprocess.run(["chattr", "-R", "+i", folder]) : try Subprocess.run(["chmod", "-R", "a-w", folder])
        try #require(lock.status == 0, "cannot make the folder read-only: \(lock.stderr)")
        defer { _ = try? Subprocess.run(geteuid() == 0 ? ["chattr", "-R", "-i", folder] : ["chmod", "-R", "u+w", folder]) }
        try repo.folder.write("other.csv", "x\n")
        try expectRejected(["track", "other.csv", "--name", "other", "--kind", "dataset"], status: 3,
                           message: "nothing was recorded")
    }

    @Test func outsideAGitRepository() throws {
        let folder = try TemporaryFolder()
        let result = try ReproBinary.run(["init"], in: folder.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("is not inside a git work tree; run `git init`"))
    }

    @Test func beforeInit() throws {
        let other = try PaperRepository()
        let result = try other.repro("list")
        #expect(result.status == 3)
        #expect(result.stderr.contains("no ledgers/ folder in \(other.url.standardizedFileURL.path); run `repro init` first"))
    }
}

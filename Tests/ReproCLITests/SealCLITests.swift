import Foundation
import Testing
import TestSupport

/// `repro seal` and `repro verify --seal`: one root over a ledger, committed, tagged and rechecked.
@Suite struct SealCLITests {
    /// A ledger with two artifacts, an event and an experiment, not yet committed.
    private func paper() throws -> PaperRepository {
        let repo = try PaperRepository()
        try repo.folder.write("README.md", "# Paper\n")
        try repo.git("add", "README.md")
        try repo.git("commit", "-q", "-m", "Initial")
        try repo.repro("init")
        try repo.folder.write("a.csv", "a\n")
        try repo.folder.write("b.csv", "b\n")
        try repo.repro("track", "a.csv", "--name", "a", "--kind", "dataset")
        try repo.repro("track", "b.csv", "--name", "b", "--kind", "checkpoint")
        try repo.repro("availability", "b", "gated", "--as-of", "2026-01-02")
        try repo.repro("tag", "main-table", "--uses", "a", "b", "--section", "tab:main")
        return repo
    }

    private func json(_ result: Subprocess.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout) \(result.stderr)")
    }

    /// The tagged commit's record files of `ledger` other than seals, from `git ls-tree`.
    private func sealableFiles(_ repo: PaperRepository, at revision: String, ledger: String = "main") throws -> [String] {
        try repo.lines("ls-tree", "-r", "--name-only", revision, "ledgers/\(ledger)")
            .filter { $0.hasSuffix(".json") && !$0.contains("/seals/") }
    }

    @Test func sealCommitsTheLedgerAndTagsItWithTheDocumentedMessage() throws {
        let repo = try paper()

        let outcome = try json(try repo.repro("seal", "main", "--json"))

        let root = try #require(outcome["root"] as? String)
        let sealID = try #require(outcome["sealRecord"] as? String)
        let sealPath = "ledgers/main/seals/\(sealID.prefix(2))/\(sealID).json"
        #expect(outcome["tag"] as? String == "repro/main/1")
        #expect(outcome["sequence"] as? Int == 1)
        #expect(outcome["records"] as? Int == 4)
        #expect(outcome["sealRecordPath"] as? String == sealPath)
        #expect(outcome["commit"] as? String == (try repo.revision()))
        #expect((outcome["ledgerCommit"] as? [String: Any])?["committed"] as? Bool == true)
        // Two commits: the ledger, then the seal record alone; the tag points at the second.
        #expect(try repo.lines("log", "--format=%s", "-3") == ["repro: seal ledger main #1", "repro: 1 experiment, 2 artifacts, 1 availability event in ledger main", "Initial"])
        #expect(try repo.headChanges() == ["A\t\(sealPath)"])
        #expect(try repo.revision("repro/main/1^{commit}") == (try repo.revision()))
        #expect(try sealableFiles(repo, at: "repro/main/1").count == 4)
        // The tag as git shows it: an annotated tag object with a tagger and the parseable message.
        let tag = try repo.lines("cat-file", "-p", "repro/main/1")
        #expect(Array(tag[0...2]) == ["object \(try repo.revision())", "type commit", "tag repro/main/1"])
        #expect(tag[3].hasPrefix("tagger Ada Lovelace <ada@example.org> "))
        #expect(Array(tag[4...]) == [
            "", "repro seal main #1", "", "root: \(root)", "records: 4", "seal-record: \(sealID)", "",
            "Check it with `repro verify --seal repro/main/1`.",
        ])
        // The seal record in the commit says the same.
        let record = try #require(try JSONSerialization.jsonObject(with: Data(try repo.git("show", "HEAD:\(sealPath)").stdout.utf8)) as? [String: Any])
        #expect(record["root"] as? String == root)
        #expect(record["recordCount"] as? Int == 4)
        #expect(record["sequence"] as? Int == 1)
        #expect(record["ledger"] as? String == "main")
        #expect(try repo.status() == ["?? a.csv", "?? b.csv"])
        #expect(try repo.fsckStrict().status == 0)
    }

    @Test func verifySealMatchesAndTextSaysSo() throws {
        let repo = try paper()
        let outcome = try json(try repo.repro("seal", "main", "--json"))
        let root = try #require(outcome["root"] as? String)

        let result = try repo.repro("verify", "--seal", "repro/main/1")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            ok  repro/main/1  ledger main #1 at commit \(try repo.revision().prefix(12))
              sealed  4 records, root \(root)
              found   4 records, root \(root)
            the records at the tagged commit hash to the sealed root

            """)
        #expect(try repo.repro("verify", "--seal", "refs/tags/repro/main/1").status == 0)
    }

    /// Later records do not disturb an earlier seal; the next seal counts them and gets the next number.
    @Test func laterRecordsAndASecondSeal() throws {
        let repo = try paper()
        try repo.repro("seal", "main")
        try repo.repro("tag", "appendix-run", "--uses", "a")
        try repo.repro("commit")

        #expect(try repo.repro("verify", "--seal", "repro/main/1").status == 0)
        let second = try json(try repo.repro("seal", "main", "--json"))

        #expect(second["tag"] as? String == "repro/main/2")
        #expect(second["records"] as? Int == 5)
        #expect((second["ledgerCommit"] as? [String: Any])?["committed"] as? Bool == false)
        #expect(try repo.repro("verify", "--seal", "repro/main/2").status == 0)
        #expect(try repo.repro("verify", "--seal", "repro/main/1").status == 0)
        #expect(try repo.lines("tag", "-l", "repro/*") == ["repro/main/1", "repro/main/2"])
    }

    @Test func wrongRootInTheTagMessageIsAMismatch() throws {
        let repo = try paper()
        let outcome = try json(try repo.repro("seal", "main", "--json"))
        let sealID = try #require(outcome["sealRecord"] as? String)
        let wrong = "sha256:" + String(repeating: "0", count: 64)
        try repo.git("tag", "-a", "repro/main/9", "-m", "repro seal main #1\n\nroot: \(wrong)\nrecords: 4\nseal-record: \(sealID)\n", "repro/main/1")

        let result = try repo.repro("verify", "--seal", "repro/main/9")
        let check = try json(try repo.repro("verify", "--seal", "repro/main/9", "--json"))

        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("MISMATCH  repro/main/9  ledger main #1"))
        #expect(result.stdout.contains("  sealed  4 records, root \(wrong)\n"))
        #expect(result.stdout.contains("the seal record says root \(outcome["root"] as? String ?? ""), unlike the tag"))
        #expect(result.stdout.hasSuffix("the tagged commit does not hold the records that were sealed\n"))
        #expect(check["matches"] as? Bool == false)
        #expect((check["found"] as? [String: Any])?["root"] as? String == outcome["root"] as? String)
    }

    /// Someone adds a record at the tagged commit and moves the tag, keeping its message: the count and root give it away.
    @Test func recordSlippedIntoTheTaggedCommitIsAMismatch() throws {
        let repo = try paper()
        try repo.repro("seal", "main")
        let message = try repo.git("tag", "-l", "--format=%(contents)", "repro/main/1").stdout
        try repo.repro("tag", "late-run", "--uses", "a")
        try repo.git("add", "ledgers")
        try repo.git("commit", "-q", "-m", "Slip in a run")
        try repo.git("tag", "-f", "-a", "repro/main/1", "-m", message)

        let result = try repo.repro("verify", "--seal", "repro/main/1")

        #expect(result.status == 1)
        #expect(result.stdout.contains("  found   5 records, root sha256:"), "\(result.stdout)")
        #expect(result.stdout.contains(" (1 more than sealed)\n"))
    }

    /// A record rewritten at the tagged commit keeps its name, so the root still matches; its content does not.
    @Test func rewrittenRecordAtTheTaggedCommitIsAMismatch() throws {
        let repo = try paper()
        try repo.repro("seal", "main")
        let message = try repo.git("tag", "-l", "--format=%(contents)", "repro/main/1").stdout
        let record = try #require(try sealableFiles(repo, at: "HEAD").first { $0.contains("/events/") })
        let original = try String(contentsOfFile: repo.folder.child(record), encoding: .utf8)
        try repo.folder.write(record, original.replacingOccurrences(of: "\"gated\"", with: "\"open\""))
        try repo.git("commit", "-q", "-am", "Quietly reopen the checkpoint")
        try repo.git("tag", "-f", "-a", "repro/main/1", "-m", message)

        let result = try repo.repro("verify", "--seal", "repro/main/1")

        #expect(result.status == 1)
        #expect(result.stdout.contains("  ! \(record): content hashes to "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("the tagged commit does not hold the records that were sealed\n"))
    }

    @Test func unknownLightweightAndForeignTagsAreBadInput() throws {
        let repo = try paper()
        try repo.repro("seal", "main")
        try repo.git("tag", "light")
        try repo.git("tag", "-a", "v1.0", "-m", "Camera-ready")

        let unknown = try repo.repro("verify", "--seal", "repro/main/7")
        let light = try repo.repro("verify", "--seal", "light")
        let foreign = try repo.repro("verify", "--seal", "v1.0")

        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("There is no tag 'repro/main/7'."), "\(unknown.stderr)")
        #expect(light.status == 2)
        #expect(light.stderr.contains("lightweight tag"))
        #expect(foreign.status == 2)
        #expect(foreign.stderr.contains("tag 'v1.0' is not a repro seal"))
        #expect(try repo.repro("verify", "--seal", "repro/main/1", "a").status == 2)
    }

    @Test func brokenRecordStopsTheSealBeforeAnythingIsCommitted() throws {
        let repo = try paper()
        let head = try repo.revision()
        let record = try #require(try repo.lines("ls-files", "--others", "ledgers/main/artifacts").first)
        try repo.folder.write(record, "{\"truncated\": ")

        let result = try repo.repro("seal", "main")

        #expect(result.status == 1)
        #expect(result.stderr.contains("ledger main has 1 file that fails its check (\(record): not valid JSON"), "\(result.stderr)")
        #expect(try repo.revision() == head)
        #expect(try repo.lines("tag") == [])
    }

    @Test func unknownLedgerIsBadInput() throws {
        let repo = try paper()
        let result = try repo.repro("seal", "appendix")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(try repo.lines("tag") == [])
    }

    /// What a reader does: clone the paper's repository with its tags and check the cited seal.
    @Test func sealVerifiesFromAFreshClone() throws {
        let repo = try paper()
        let outcome = try json(try repo.repro("seal", "main", "--json"))
        let clone = try PaperRepository(cloning: repo)

        let result = try clone.repro("verify", "--seal", "repro/main/1", "--json")

        #expect(result.status == 0, "\(result.stderr)")
        let check = try json(result)
        #expect((check["found"] as? [String: Any])?["root"] as? String == outcome["root"] as? String)
        #expect(try clone.repro("fsck").status == 0)
        #expect(try clone.fsckStrict().status == 0)
    }

    /// The commits and tag look like any others to git's own tools.
    @Test func historyLooksNormalToGit() throws {
        let repo = try paper()
        try repo.repro("seal", "main")

        let log = try repo.lines("log", "--format=%an <%ae>|%cn <%ce>|%s|%P")
        let stat = try repo.lines("show", "--stat", "--format=%s", "HEAD")
        let verifyTag = try Subprocess.run(["git", "tag", "-v", "repro/main/1"], in: repo.path)

        #expect(log.count == 3)
        #expect(log[0].hasPrefix("Ada Lovelace <ada@example.org>|Ada Lovelace <ada@example.org>|repro: seal ledger main #1|"))
        #expect(log[0].hasSuffix(try repo.revision("HEAD~1")))
        #expect(stat.first == "repro: seal ledger main #1")
        #expect(stat.last == " 1 file changed, 12 insertions(+)")
        #expect(verifyTag.stderr.contains("no signature found"))
        #expect(try repo.lines("describe", "--tags") == ["repro/main/1"])
        #expect(try repo.lines("for-each-ref", "--format=%(objecttype) %(refname)", "refs/tags") == ["tag refs/tags/repro/main/1"])
        #expect(try repo.fsckStrict().status == 0)
        #expect(try repo.fsckStrict().stdout == "")
    }
}

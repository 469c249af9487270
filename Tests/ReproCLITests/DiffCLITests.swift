import Foundation
import Testing
import TestSupport

/// `repro diff`: the records a range of history added, read from the commits.
@Suite struct DiffCLITests {
    /// `sha256:` and the first 12 hex digits of a file's digest, as listings print it.
    private func short(_ repo: PaperRepository, _ path: String) throws -> String {
        String(try repo.repro("hash", path).stdout.prefix(19))
    }

    /// Submitted at tag `submission`; afterwards a dataset, a folder, an event and two experiments
    /// in `main`, and one artifact in a second ledger, over two commits.
    private func history() throws -> PaperRepository {
        let repo = try PaperRepository()
        try repo.repro("init")
        try repo.folder.write("data/train.csv", "a,b\n")
        try repo.repro("track", "data/train.csv", "--name", "train", "--kind", "dataset")
        try repo.repro("commit")
        try repo.git("tag", "-a", "-m", "Submitted version", "submission")

        try repo.folder.write("corpus/one.txt", "1\n")
        try repo.folder.write("corpus/two.txt", "2\n")
        try repo.repro("track", "corpus", "--name", "corpus", "--kind", "dataset")
        try repo.repro("availability", "train", "withdrawn", "--as-of", "2026-02-01")
        try repo.repro("commit")
        try repo.repro("tag", "ablation-lr3", "--uses", "corpus", "--section", "tab:ablation")
        try repo.repro("tag", "baseline", "--uses", "train")
        try repo.repro("init", "--ledger", "appendix")
        try repo.folder.write("extra.csv", "e\n")
        try repo.repro("track", "extra.csv", "--name", "extra", "--kind", "result", "--ledger", "appendix")
        try repo.repro("commit")
        return repo
    }

    @Test func recordsAddedSinceATagAsText() throws {
        let repo = try history()
        let submission = try repo.revision("submission^{commit}").prefix(12)
        let head = try repo.revision().prefix(12)

        let result = try repo.repro("diff", "submission")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            records added from submission (\(submission)) to HEAD (\(head))

            ledger appendix: 1 record
              + artifact extra (result, \(try short(repo, "extra.csv")))

            ledger main: 5 records
              + artifact corpus (dataset, \(try short(repo, "corpus")))
              + manifest of corpus (2 files)
              + availability train: withdrawn as of 2026-02-01
              + experiment ablation-lr3 (tab:ablation)
              + experiment baseline

            """)
    }

    @Test func betweenTwoRevisionsAndAnEmptyRange() throws {
        let repo = try history()
        let middle = try repo.revision("HEAD~1").prefix(12)
        let first = try repo.revision("HEAD~2").prefix(12)

        #expect(try repo.repro("diff", "HEAD~2", "HEAD~1").stdout == """
            records added from HEAD~2 (\(first)) to HEAD~1 (\(middle))

            ledger main: 3 records
              + artifact corpus (dataset, \(try short(repo, "corpus")))
              + manifest of corpus (2 files)
              + availability train: withdrawn as of 2026-02-01

            """)
        #expect(try repo.repro("diff", "HEAD~1", "HEAD~1").stdout == "no records added from HEAD~1 (\(middle)) to HEAD~1 (\(middle))\n")
    }

    @Test func jsonCarriesEveryRecordWithItsIdAndPath() throws {
        let repo = try history()

        let result = try repo.repro("diff", "submission", "HEAD", "--json")

        let diff = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((diff["from"] as? [String: String]) == ["revision": "submission", "commit": try repo.revision("submission^{commit}")])
        #expect((diff["to"] as? [String: String]) == ["revision": "HEAD", "commit": try repo.revision()])
        let ledgers = try #require(diff["ledgers"] as? [[String: Any]])
        #expect(ledgers.map { $0["ledger"] as? String } == ["appendix", "main"])
        let main = try #require(ledgers[1]["records"] as? [[String: Any]])
        #expect(main.map { $0["type"] as? String } == ["artifact", "manifest", "availability", "experiment", "experiment"])
        let experiment = main[3]
        #expect(experiment["summary"] as? String == "experiment ablation-lr3 (tab:ablation)")
        let path = try #require(experiment["path"] as? String)
        #expect(path == "ledgers/main/experiments/\((experiment["id"] as? String ?? "").prefix(2))/\(experiment["id"] as? String ?? "").json")
        #expect((experiment["record"] as? [String: Any])?["section"] as? String == "tab:ablation")
        #expect((diff["problems"] as? [Any])?.isEmpty == true)
    }

    @Test func unknownRevisionIsBadInput() throws {
        let repo = try history()

        let result = try repo.repro("diff", "camera-ready")

        #expect(result.status == 2)
        #expect(result.stderr.contains("'camera-ready' does not name a commit in this repository."), "\(result.stderr)")
        #expect(result.stdout == "")
    }

    /// A record edited by hand and committed with plain git is reported, not trusted.
    @Test func editedRecordFailsTheCheck() throws {
        let repo = try history()
        let record = try #require(try repo.lines("ls-files", "ledgers/main/experiments").first)
        let original = try String(contentsOfFile: repo.folder.child(record), encoding: .utf8)
        try repo.git("rm", "-q", record)
        try repo.git("commit", "-q", "-m", "drop")
        try repo.folder.write(record, original.replacingOccurrences(of: "\"recorded\"", with: "\"succeeded\""))
        try repo.git("add", record)
        try repo.git("commit", "-q", "-m", "Edit a record by hand")

        let result = try repo.repro("diff", "HEAD~1")

        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("no records added from HEAD~1"))
        #expect(result.stdout.contains("\n1 added file fails its check:\n  ! \(record): content hashes to "), "\(result.stdout)")
    }

    /// What a commit holds under a record's name is checked as the work tree's is: a link whose
    /// target text is a valid record is named as a link, and a blob over the 4 MiB cap is
    /// refused by the size in its header.
    @Test func committedLinkAndOversizedBlobAreNamedNotRead() throws {
        let repo = try history()
        let record = try #require(try repo.lines("ls-files", "ledgers/main/experiments").first)
        let original = try String(contentsOfFile: repo.folder.child(record), encoding: .utf8)
        // A link whose target is the record's own JSON: the blob git stores is that text.
        let linked = "ledgers/main/experiments/00/" + String(repeating: "0", count: 64) + ".json"
        try FileManager.default.createDirectory(atPath: repo.folder.child("ledgers/main/experiments/00"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: repo.folder.child(linked), withDestinationPath: original)
        let big = "ledgers/main/artifacts/ff/" + String(repeating: "f", count: 64) + ".json"
        try repo.folder.write(big, String(repeating: " ", count: (4 << 20) + 1))
        try repo.git("add", linked, big)
        try repo.git("commit", "-q", "-m", "hostile")

        let result = try repo.repro("diff", "HEAD~1")

        #expect(result.status == 1)
        #expect(result.stdout.contains("\n2 added files fail their check:\n"), "\(result.stdout)")
        #expect(result.stdout.contains("  ! \(big): 4194305 bytes, larger than the 4194304-byte limit for a record; not read\n"))
        #expect(result.stdout.contains("  ! \(linked): is a symbolic link, which repro never follows or opens\n"))
    }

    /// A commit that deletes a record (a withdrawal event, say) is listed from the earlier
    /// commit and fails the diff: records are only ever added.
    @Test func aRemovedRecordIsListedAndFailsTheDiff() throws {
        let repo = try history()
        let record = try #require(try repo.lines("ls-files", "ledgers/main/experiments").first)
        let from = try repo.revision()
        try repo.git("rm", "-q", record)
        try repo.git("commit", "-q", "-m", "drop a run")

        let result = try repo.repro("diff", "HEAD~1")

        #expect(result.status == 1)
        let head = try repo.revision().prefix(12)
        #expect(result.stdout.hasPrefix("no records added from HEAD~1 (\(from.prefix(12))) to HEAD (\(head))\n\n1 record was removed; "
            + "records are only ever added, so this changes what the ledger said (`git checkout \(from.prefix(12)) -- PATH` "
            + "restores one):\n  - experiment "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" (\(record))\n"), "\(result.stdout)")
        let json = try repo.repro("diff", "HEAD~1", "--json")
        let removed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])["removed"] as? [[String: Any]]
        #expect(removed?.count == 1)
        #expect(removed?.first?["path"] as? String == record)
        #expect((removed?.first?["summary"] as? String)?.hasPrefix("experiment ") == true)
    }

    /// A record edited in place (same file name, new bytes) is checked, not passed over.
    @Test func aRecordEditedInPlaceFailsTheDiff() throws {
        let repo = try history()
        let record = try #require(try repo.lines("ls-files", "ledgers/main/experiments").first)
        let original = try String(contentsOfFile: repo.folder.child(record), encoding: .utf8)
        try repo.folder.write(record, original.replacingOccurrences(of: "\"recorded\"", with: "\"succeeded\""))
        try repo.git("commit", "-q", "-am", "Edit a record in place")

        let result = try repo.repro("diff", "HEAD~1")

        #expect(result.status == 1)
        #expect(result.stdout.contains("\n1 added file fails its check:\n  ! \(record): changed since HEAD~1: content hashes to "),
                "\(result.stdout)")
    }
}

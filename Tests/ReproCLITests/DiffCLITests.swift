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
}

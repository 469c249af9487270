import Foundation
import Testing
import TestSupport

/// Co-authors and cluster jobs record in their own clones and merge with plain git.
@Suite struct MergeCLITests {
    /// The paper's code, committed; `withLedger` also runs `repro init` and commits it first.
    private func origin(withLedger: Bool, gitignore: String? = nil) throws -> PaperRepository {
        let repo = try PaperRepository()
        try repo.folder.write("src/train.py", "print('train')\n")
        if let gitignore { try repo.folder.write(".gitignore", gitignore) }
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "Initial code")
        if withLedger {
            try repo.repro("init")
            try repo.repro("commit")
        }
        return repo
    }

    /// Records an artifact and experiments under `prefix` names, and commits them with `repro commit`.
    private func record(in clone: PaperRepository, _ prefix: String, runs: Int) throws {
        try clone.folder.write("\(prefix).csv", "\(prefix)\n")
        #expect(try clone.repro("track", "\(prefix).csv", "--name", prefix, "--kind", "dataset").status == 0)
        for run in 0..<runs {
            #expect(try clone.repro("tag", "\(prefix)-\(run)", "--uses", prefix, "--section", "tab:\(prefix)").status == 0)
        }
        #expect(try clone.repro("availability", prefix, "open", "--as-of", "2026-01-0\(runs)").status == 0)
        #expect(try clone.repro("commit").status == 0)
    }

    private func experimentNames(_ repo: PaperRepository) throws -> Set<String> {
        let listed = try JSONSerialization.jsonObject(with: Data(try repo.repro("list", "experiments", "--json").stdout.utf8)) as? [[String: Any]]
        return Set((listed ?? []).compactMap { ($0["record"] as? [String: Any])?["name"] as? String })
    }

    /// After the merge the ledger is sound and the index, refreshed from the merged files, equals a rebuild.
    private func expectSoundAfterMerge(_ repo: PaperRepository, experiments: Set<String>, records: Int) throws {
        #expect(try repo.lines("diff", "--name-only", "--diff-filter=U") == [])
        let status = try repo.status()
        #expect(status.allSatisfy { $0.hasPrefix("?? ") && $0.hasSuffix(".csv") }, "\(status)")
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 0, "\(fsck.stdout)")
        #expect(fsck.stdout == "\(records) records checked; no problems\n")
        let listed = try repo.repro("list", "experiments", "--json").stdout
        #expect(try experimentNames(repo) == experiments)
        #expect(try repo.repro("reindex").stdout == "indexed \(records) records\n")
        #expect(try repo.repro("list", "experiments", "--json").stdout == listed)
        #expect(try repo.fsckStrict().status == 0)
    }

    @Test func twoClonesRecordIndependentlyAndMergeWithoutConflicts() throws {
        let origin = try origin(withLedger: true)
        let ada = try PaperRepository(cloning: origin, identity: ("Ada Lovelace", "ada@example.org"))
        let grace = try PaperRepository(cloning: origin)
        try record(in: ada, "ada", runs: 2)
        try record(in: grace, "grace", runs: 3)
        // Ada's index has seen only her records before the merge.
        #expect(try experimentNames(ada) == ["ada-0", "ada-1"])

        let pull = try Subprocess.run(["git", "pull", "--no-rebase", "--no-edit", "-q", grace.path, "main"], in: ada.path,
                                      environment: PaperRepository.environment)

        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(try ada.lines("log", "-1", "--format=%P").first?.split(separator: " ").count == 2)
        try expectSoundAfterMerge(ada, experiments: ["ada-0", "ada-1", "grace-0", "grace-1", "grace-2"], records: 4 + 5)
        // Grace's side rebased onto Ada's merge works as well: records are new files only.
        let rebase = try Subprocess.run(["git", "pull", "--rebase", "-q", ada.path, "main"], in: grace.path, environment: PaperRepository.environment)
        #expect(rebase.status == 0, "\(rebase.stderr)")
        try expectSoundAfterMerge(grace, experiments: ["ada-0", "ada-1", "grace-0", "grace-1", "grace-2"], records: 9)
    }

    /// Both clones run `repro init` themselves: the files it writes are byte-identical, so git's
    /// add/add merge of them is clean, even when `.gitignore` already existed.
    @Test func clonesThatEachRanInitMergeCleanly() throws {
        let origin = try origin(withLedger: false, gitignore: "*.pyc")
        let ada = try PaperRepository(cloning: origin, identity: ("Ada Lovelace", "ada@example.org"))
        let grace = try PaperRepository(cloning: origin)
        for clone in [ada, grace] { #expect(try clone.repro("init").status == 0) }
        for file in [".gitignore", "ledgers/README.md", "ledgers/.gitattributes", "ledgers/.gitignore", "ledgers/main/README.md"] {
            let left = FileManager.default.contents(atPath: ada.folder.child(file))
            #expect(left != nil && left == FileManager.default.contents(atPath: grace.folder.child(file)), "\(file) differs")
        }
        try record(in: ada, "ada", runs: 1)
        try record(in: grace, "grace", runs: 1)
        #expect(try ada.lines("show", "--name-only", "--format=", "HEAD~0").contains(".gitignore"))

        let pull = try Subprocess.run(["git", "pull", "--no-rebase", "--no-edit", "-q", grace.path, "main"], in: ada.path,
                                      environment: PaperRepository.environment)

        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(try ada.git("show", "HEAD:.gitignore").stdout == "*.pyc\n.repro/\n")
        #expect(try ada.git("show", "HEAD:ledgers/.gitattributes").stdout == "* -text\n")
        try expectSoundAfterMerge(ada, experiments: ["ada-0", "grace-0"], records: 6)
    }

    /// The same experiment recorded identically in both clones is one file with one name: git sees no conflict.
    @Test func identicalRecordsInBothClonesAreOneFile() throws {
        let origin = try origin(withLedger: true)
        let ada = try PaperRepository(cloning: origin, identity: ("Ada Lovelace", "ada@example.org"))
        let grace = try PaperRepository(cloning: origin)
        for clone in [ada, grace] {
            try clone.folder.write("shared.csv", "same bytes\n")
            #expect(try clone.repro("track", "shared.csv", "--name", "shared", "--kind", "dataset").status == 0)
            #expect(try clone.repro("commit").status == 0)
        }

        let pull = try Subprocess.run(["git", "pull", "--no-rebase", "--no-edit", "-q", grace.path, "main"], in: ada.path,
                                      environment: PaperRepository.environment)

        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(try ada.lines("ls-tree", "-r", "--name-only", "HEAD", "ledgers/main/artifacts").count == 1)
        try expectSoundAfterMerge(ada, experiments: [], records: 1)
    }
}

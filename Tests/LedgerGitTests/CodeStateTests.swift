import Foundation
import LedgerCore
import Testing
@testable import LedgerGit

/// The code state recorded with each experiment.
@Suite struct CodeStateTests {
    @Test func cleanWorkTree() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()

        let state = try sandbox.open().codeState()

        #expect(state == CodeState(repository: true, commit: head, branch: "main", detached: false, dirty: false, diffDigest: nil))
    }

    @Test func unstagedChangeIsDirtyWithTheDigestOfGitDiffHEAD() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("src/model.py", "print('model v2')\n")

        let state = try sandbox.open().codeState()

        let patch = try sandbox.git("diff", "HEAD", "--full-index")
        #expect(state.dirty)
        #expect(state.diffDigest == Digest.of(patch))
    }

    @Test func stagedChangeIsDirty() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("src/model.py", "print('staged')\n")
        try sandbox.git("add", "src/model.py")
        try sandbox.git("rm", "-q", "README.md")

        let state = try sandbox.open().codeState()

        #expect(state.dirty)
        #expect(state.diffDigest == Digest.of(try sandbox.git("diff", "HEAD", "--full-index")))
    }

    @Test func untrackedFileIsDirtyAndItsContentCounts() throws {
        let sandbox = try Sandbox()
        try sandbox.commitInitialFiles()
        try sandbox.write("src/helper.py", "one\n")
        let first = try sandbox.open().codeState()
        try sandbox.write("src/helper.py", "two\n")
        let second = try sandbox.open().codeState()

        #expect(first.dirty && second.dirty)
        #expect(first.diffDigest != nil)
        #expect(second.diffDigest != nil)
        #expect(first.diffDigest != second.diffDigest)
        try sandbox.git("add", "-N", "src/helper.py")
        #expect(try sandbox.open().codeState().diffDigest == Digest.of(try sandbox.git("diff", "HEAD", "--full-index")))
        #expect(try sandbox.open().codeState().diffDigest == second.diffDigest)
    }

    @Test func ignoredFilesDoNotCount() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".gitignore", "checkpoints/\n")
        try sandbox.git("add", ".gitignore")
        let head = try sandbox.commitInitialFiles()
        try sandbox.write("checkpoints/model.bin", "weights\n")

        #expect(try sandbox.open().codeState() == CodeState(repository: true, commit: head, branch: "main", detached: false, dirty: false, diffDigest: nil))
    }

    @Test func ledgerAndCachePathsNeverMakeTheCodeDirty() throws {
        let sandbox = try Sandbox()
        try sandbox.write("ledgers/main/old.json", "{}\n")
        try sandbox.git("add", "ledgers")
        let head = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/old.json", "{\"edited\":true}\n")
        try sandbox.write("ledgers/main/new.json", "{}\n")
        try sandbox.write(".repro/cache.sqlite", "cache\n")
        let repository = try sandbox.open()

        #expect(try repository.codeState() == CodeState(repository: true, commit: head, branch: "main", detached: false, dirty: false, diffDigest: nil))
        #expect(try repository.codeState(excluding: []).dirty)
        #expect(try repository.codeState(excluding: ["ledgers"]).dirty)
        #expect(try repository.codeState(excluding: ["ledgers", ".repro"]).dirty == false)

        try sandbox.write("src/model.py", "print('edited')\n")
        let withCode = try repository.codeState()
        #expect(withCode.dirty)
        #expect(withCode.diffDigest == Digest.of(try sandbox.git("diff", "HEAD", "--full-index", "--", "src")))
    }

    /// Excluded folders are ignored for the diff only: afterwards the repository ignores what it
    /// did before, and names that merely start like an excluded folder still count.
    @Test func excludedFoldersAreIgnoredOnlyForTheDiff() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()
        try sandbox.write("ledgers/main/experiments/ab/new.json", "{}\n")
        try sandbox.write(".repro/index.sqlite", "index\n")
        let repository = try sandbox.open()

        #expect(try repository.codeState() == CodeState(repository: true, commit: head, branch: "main", detached: false, dirty: false, diffDigest: nil))
        #expect(try repository.isIgnored("ledgers/main/experiments/ab/new.json") == false)
        #expect(try repository.codeState(excluding: []).dirty)

        try sandbox.write("ledgers-old/notes.txt", "kept\n")
        let patch = try WorkTreePatch(repository: repository, base: repository.readHead().commit,
                                      excluding: [RepositoryPath("ledgers"), RepositoryPath(".repro")])
        #expect(patch.paths == ["ledgers-old/notes.txt"])
    }

    @Test func aFolderNamedWithGlobCharactersIsStillExcluded() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()
        try sandbox.write("le[d]gers/main/new.json", "{}\n")
        try sandbox.write("ledgers/d.json", "{}\n")
        let repository = try sandbox.open()

        #expect(try RepositoryPath("le[d]gers").ignoreRule == nil)
        let state = try repository.codeState(excluding: ["le[d]gers"])
        #expect(state.dirty)
        #expect(try repository.codeState(excluding: ["le[d]gers", "ledgers"]) == CodeState(
            repository: true, commit: head, branch: "main", detached: false, dirty: false, diffDigest: nil))
    }

    @Test func digestIsDeterministicAndDistinguishesChanges() throws {
        let one = try Sandbox()
        let two = try Sandbox()
        for sandbox in [one, two] {
            try sandbox.commitInitialFiles()
            try sandbox.write("src/model.py", "print('same change')\n")
            try sandbox.write("src/new.py", "x = 1\n")
        }
        let first = try one.open().codeState()
        #expect(try one.open().codeState() == first)
        #expect(try two.open().codeState().diffDigest == first.diffDigest)

        try two.write("src/model.py", "print('other change')\n")
        #expect(try two.open().codeState().diffDigest != first.diffDigest)

        try one.write("src/model.py", "print('model')\n")
        try one.remove("src/new.py")
        #expect(try one.open().codeState().dirty == false)
        #expect(try one.open().codeState().diffDigest == nil)
    }

    @Test func binaryChangesAreDistinguished() throws {
        let sandbox = try Sandbox()
        try sandbox.write("weights.bin", Data([0, 1, 2, 3, 0, 255]))
        try sandbox.git("add", "weights.bin")
        try sandbox.commitInitialFiles()
        try sandbox.write("weights.bin", Data([0, 1, 2, 3, 0, 254]))
        let first = try sandbox.open().codeState()
        try sandbox.write("weights.bin", Data([0, 1, 2, 3, 0, 253]))
        let second = try sandbox.open().codeState()

        #expect(first.dirty && second.dirty)
        #expect(first.diffDigest != second.diffDigest)
        #expect(second.diffDigest == Digest.of(try sandbox.git("diff", "HEAD", "--full-index")))
    }

    /// libgit2 neither reads nor hashes files over 512 MiB; the test lowers that limit to a few bytes
    /// to reach the same code path with small files, and checks the result against git's own output.
    @Test func filesTooLargeForLibgit2StillGetTheirOwnDigest() throws {
        let sandbox = try Sandbox()
        try sandbox.write("checkpoint.bin", "original weights, well over ten bytes\n")
        try sandbox.write("script.sh", "echo original, well over ten bytes\n")
        try sandbox.git("add", ".")
        try sandbox.commitInitialFiles()
        let repository = try sandbox.open()
        func patch() throws -> WorkTreePatch {
            try WorkTreePatch(repository: repository, base: repository.readHead().commit, excluding: [], largeFileSize: 10)
        }

        try sandbox.write("checkpoint.bin", "fine-tuned weights, version one\n")
        try sandbox.write("script.sh", "echo changed, well over ten bytes\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.work.appendingPathComponent("script.sh").path)
        try sandbox.write("extra.bin", "a new large file, untracked\n")
        let first = try patch()
        try sandbox.write("checkpoint.bin", "fine-tuned weights, version two\n")
        let second = try patch()

        #expect(first.paths == ["checkpoint.bin", "extra.bin", "script.sh"])
        #expect(Digest.of(first.bytes) != Digest.of(second.bytes))
        try sandbox.git("add", "-N", "extra.bin")
        let git = try sandbox.git("-c", "core.bigFileThreshold=10", "diff", "HEAD", "--full-index")
        #expect(String(decoding: second.bytes, as: UTF8.self) == git)
        #expect(git.contains("Binary files a/checkpoint.bin and b/checkpoint.bin differ"))
    }

    @Test func detachedHead() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()
        try sandbox.git("checkout", "-q", "--detach")

        #expect(try sandbox.open().codeState() == CodeState(repository: true, commit: head, branch: nil, detached: true, dirty: false, diffDigest: nil))
    }

    @Test func unbornBranch() throws {
        let sandbox = try Sandbox()
        try sandbox.git("checkout", "-q", "-b", "draft")

        #expect(try sandbox.open().codeState() == CodeState(repository: true, commit: nil, branch: "draft", detached: false, dirty: false, diffDigest: nil))
        try sandbox.write("train.py", "fit()\n")
        let dirty = try sandbox.open().codeState()
        #expect(dirty.commit == nil && dirty.branch == "draft" && dirty.dirty)
        #expect(dirty.diffDigest != nil)
    }

    @Test func linkedWorktreeReportsItsOwnBranchAndChanges() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()
        let linked = sandbox.root.appendingPathComponent("linked", isDirectory: true)
        try sandbox.git("worktree", "add", "-q", "-b", "experiment", linked.path)
        try sandbox.write("src/model.py", "print('main only')\n")

        let state = try sandbox.open(at: linked).codeState()

        #expect(state == CodeState(repository: true, commit: head, branch: "experiment", detached: false, dirty: false, diffDigest: nil))
    }

    @Test func outsideAnyRepositoryIsNoRepositoryNotAnError() throws {
        let sandbox = try Sandbox(initialise: false)

        #expect(try GitRepository.codeState(at: sandbox.work) == .noRepository)
    }

    @Test func staticLookupFromASubfolderMatchesTheRepository() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commitInitialFiles()

        let state = try GitRepository.codeState(at: sandbox.work.appendingPathComponent("src", isDirectory: true))

        #expect(state.commit == head)
        #expect(state.branch == "main")
    }
}

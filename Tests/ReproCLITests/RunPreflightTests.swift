import Foundation
import Testing
import TestSupport

/// A ledger that cannot take the record stops `repro run` before the command starts; a
/// record that cannot be written after the command ran is printed for `repro tag --from-json`.
@Suite(.serialized, .enabled(if: Mounts.available, "needs root and permission to mount (bind and tmpfs)"))
struct RunPreflightTests {
    let repo: PaperRepository
    var ledgers: String { repo.folder.child("ledgers") }

    init() throws {
        repo = try PaperRepository.withTrainingSet()
        try #require(try repo.repro("tag", "earlier", "--uses", "train").status == 0)
    }

    func mount(_ arguments: String...) throws {
        let result = try Subprocess.run(["mount"] + arguments)
        try #require(result.status == 0, "mount \(arguments): \(result.stderr)")
    }

    func unmount() { _ = try? Subprocess.run(["umount", ledgers]) }

    @Test func readOnlyLedgerStopsTheRunBeforeTheCommand() throws {
        try mount("--bind", ledgers, ledgers)
        defer { unmount() }
        try mount("-o", "remount,ro,bind", ledgers)
        let before = try repo.ledgerSnapshot()
        let result = try repo.repro("run", "train-model", "--uses", "train", "--", "sh", "-c", "touch marker")
        #expect(result.status == 3)
        #expect(result.stderr == "repro: error: cannot write to ledgers/main/experiments: Read-only file system; the command was not run\n")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("marker")))
        #expect(try repo.ledgerSnapshot() == before)
    }

    @Test func fullLedgerStopsTheRunBeforeTheCommand() throws {
        let saved = try TemporaryFolder("ledgers-copy")
        try #require(try Subprocess.run(["cp", "-a", ledgers + "/.", saved.path]).status == 0)
        try mount("-t", "tmpfs", "-o", "size=512k", "tmpfs", ledgers)
        defer { unmount() }
        try #require(try Subprocess.run(["cp", "-a", saved.path + "/.", ledgers]).status == 0)
        // Fill it: dd stops at ENOSPC.
        _ = try Subprocess.run(["dd", "if=/dev/zero", "of=\(ledgers)/filler", "bs=4k"])
        let before = try repo.ledgerSnapshot()
        let result = try repo.repro("run", "train-model", "--uses", "train", "--", "sh", "-c", "touch marker")
        #expect(result.status == 3)
        #expect(result.stderr == "repro: error: cannot write to ledgers/main/experiments: No space left on device; the command was not run\n")
        #expect(!FileManager.default.fileExists(atPath: repo.folder.child("marker")))
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// The command itself makes the ledger read-only: the run happened, its record is printed,
    /// repro exits 3 (the command's 0 would claim it was recorded), and it can be entered later.
    @Test(arguments: [Int32(0), 5])
    func recordThatCannotBeWrittenIsPrintedAndCanBeEnteredLater(commandStatus: Int32) throws {
        try mount("--bind", ledgers, ledgers)
        defer { unmount() }
        let result = try repo.repro("run", "trained", "--uses", "train", "--", "sh", "-c",
                                    "mount -o remount,ro,bind ledgers && touch marker && exit \(commandStatus)")
        #expect(result.status == (commandStatus == 0 ? 3 : commandStatus), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.folder.child("marker")))
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let first = String(lines.first ?? "")
        #expect(first.hasPrefix("repro: error: the command ran (exit status \(commandStatus)) but its record could not be written: "
                                + "cannot write ledgers/main/experiments/"), "\(first)")
        #expect(first.hasSuffix(": Read-only file system; nothing was recorded"), "\(first)")
        #expect(lines.dropFirst().first == "the record follows; save it to a file and enter it with `repro tag --from-json FILE` once the ledger is writable:")
        let json = lines.dropFirst(2).joined(separator: "\n")
        try repo.folder.write("lost.json", json)
        try mount("-o", "remount,rw,bind", ledgers)
        let entered = try repo.repro("tag", "--from-json", "lost.json")
        #expect(entered.status == 0, "\(entered.stderr)")
        let records = try experimentRecords(repo).filter { $0["name"] as? String == "trained" }
        #expect(records.count == 1)
        #expect(records.first?["outcome"] as? String == (commandStatus == 0 ? "succeeded" : "failed"))
        #expect(records.first?["exitStatus"] as? Int == Int(commandStatus))
        #expect(records.first?["compute"] != nil)
    }
}

import ArgumentParser
import ReproKit

struct Verify: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash the copies of recorded artifacts this machine knows of and report which file of which artifact changed.",
        discussion: """
            Checks the copies this machine knows of: a path a record gives relative to the work \
            tree, copies named by `repro track` or `repro locate` on this machine, and Hugging Face \
            snapshots in this machine's cache. Others are reported as "no copy on this machine"; \
            an absolute path in a record is never opened unless this machine remembers it.

            Unchanged files are answered from the hash cache. A copy that cannot be checked (a FIFO, \
            a device, unreadable) is reported and the others are still checked. Exits 1 when any \
            artifact differs from its record or could not be checked, or when a file of a Hugging Face \
            snapshot no longer matches its blob name (listed as corrupt).

            With --seal TAG, checks a seal instead: recomputes the Merkle root over the ledger's records \
            at the tagged commit and compares it with the root, record count and seal record the tag \
            names. Exits 0 when they match, 1 when they do not, 2 when the tag is unknown or not a seal.
            """)

    @Argument(help: "Artifacts to check (names, digests or prefixes); all when none are given.")
    var artifacts: [String] = []

    @Flag(help: "Read every byte again instead of trusting the hash cache.")
    var noCache = false

    @Option(help: "Check the seal tag TAG (repro/LEDGER/N) instead of artifacts.")
    var seal: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if seal != nil, !artifacts.isEmpty || noCache {
            throw ValidationError("--seal checks a tag; give it no artifacts and no --no-cache.")
        }
    }

    /// A seal is checked against the commits alone; the ledger need not be in the work tree.
    var needsLedgers: Bool { seal == nil }

    func run(in workspace: Workspace) throws {
        if let seal {
            let check = try workspace.verifySeal(tag: seal)
            try Console.emit(check, json: output.json, text: TextReport.sealCheck)
            if !check.matches { throw ExitCode(ExitStatus.checkFailed.rawValue) }
            return
        }
        let report = try ProgressDisplay.while { try workspace.verify(artifacts, useCache: !noCache, progress: $0) }
        try Console.emit(report, json: output.json, text: TextReport.verify)
        if report.failed { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}

import ArgumentParser
import ReproKit

struct Seal: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Pin every record of a ledger with one Merkle root, committed and tagged repro/LEDGER/N.",
        discussion: """
            Commits ledgers/ (as `repro commit` does), computes the Merkle root over the ids of \
            all its records but seals at that commit, writes it as a seal record, commits that, and \
            tags the commit repro/LEDGER/N with a message carrying the root, the record count and \
            the seal record id. Cite the root in the paper; `repro verify --seal TAG` recomputes it. \
            Exits 1 without sealing when a record of the ledger fails its check.
            """)

    @Argument(help: "The ledger to seal.")
    var ledger: String

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let outcome = try workspace.seal(ledger: ledger)
        try Console.emit(outcome, json: output.json, text: TextReport.sealed)
    }
}

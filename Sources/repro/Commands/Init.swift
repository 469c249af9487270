import ArgumentParser
import ReproKit

struct Init: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create ledgers/NAME/ in this git work tree, the .repro/ cache folder and its .gitignore entry.",
        discussion: "Safe to run again: existing ledgers and records are left as they are.")

    @Option(help: "Ledger (one per paper) to create.")
    var ledger = "main"

    @OptionGroup var output: OutputOptions

    var needsLedgers: Bool { false }

    func run(in workspace: Workspace) throws {
        let outcome = try workspace.initialize(ledger: ledger)
        try Console.emit(outcome, json: output.json, text: TextReport.initialized)
    }
}

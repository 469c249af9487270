import ArgumentParser
import ReproKit

struct Reindex: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the SQLite index in .repro/ from the records; it is a cache and loses nothing.")

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let outcome = try workspace.reindex()
        try Console.emit(outcome, json: output.json, text: TextReport.reindexed)
    }
}

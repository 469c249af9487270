import ArgumentParser
import ReproKit

struct Log: WorkspaceCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the most recent records, newest first.")

    @Option(help: "Only this ledger.")
    var ledger: String?

    @Option(name: [.customShort("n"), .long], help: "How many records to show.")
    var limit = 20

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let records = try workspace.log(ledger: ledger, limit: limit)
        try Console.emit(records, json: output.json, text: TextReport.log)
    }
}

import ArgumentParser
import ReproKit

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the SQLite index in .repro/ from the records; it is a cache and loses nothing.")

    @OptionGroup var output: OutputOptions

    func run() throws {
        let outcome = try Console.withWorkspace { try $0.reindex() }
        try Console.emit(outcome, json: output.json, text: TextReport.reindexed)
    }
}

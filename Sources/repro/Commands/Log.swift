import ArgumentParser
import ReproKit

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the most recent records, newest first.")

    @Option(help: "Only this ledger.")
    var ledger: String?

    @Option(name: [.customShort("n"), .long], help: "How many records to show.")
    var limit = 20

    @OptionGroup var output: OutputOptions

    func run() throws {
        let records = try Console.withWorkspace { try $0.log(ledger: ledger, limit: limit) }
        try Console.emit(records, json: output.json, text: TextReport.log)
    }
}

import ArgumentParser
import LedgerCore
import ReproKit

struct Availability: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "availability",
        abstract: "Record whether an artifact can still be had, as of a date.",
        discussion: "Appends an event; nothing recorded earlier changes. The latest event on or before a date is the status on that date.")

    @Argument(help: "Artifact name, digest, or unique digest prefix.")
    var artifact: String

    @Argument(help: "The status observed (retained = a copy the authors keep).")
    var status: AvailabilityStatus

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Day the status was observed; not later than tomorrow (UTC).",
                                                            valueName: CalendarDay.help),
            transform: CalendarDay.argument)
    var asOf: CalendarDay

    @Option(help: "http/https URL or DOI (doi:10.…) showing the status (announcement, hub page).")
    var evidence: String?

    @Option(help: "Free-text note.")
    var note: String?

    @Option(help: "Ledger to record in.")
    var ledger = "main"

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let outcome = try workspace.recordAvailability(artifact: artifact, status: status, asOf: asOf, evidence: evidence,
                                                       note: note, ledger: ledger)
        try Console.emit(outcome, json: output.json, text: TextReport.availability)
    }
}
